/**
 * The warehouse floor: picking a parcel on a handheld. The picker scans every unit taken from its bin (the barcode is
 * the SKU as Code 128, serialized products also their serial number); the pick task cannot be completed before every
 * unit of the parcel's pick list was scanned, and the serial numbers then belong to the order.
 */
package io.orderflow.fulfillment.warehouse;
