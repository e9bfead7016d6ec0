/**
 * Nearest-warehouse routing: where a delivery address lies ({@link io.orderflow.fulfillment.routing.Geocoder}, from the
 * postal-code areas of migration V3), great-circle distances ({@link io.orderflow.fulfillment.routing.GeoPoint}) and
 * which warehouses ship which lines ({@link io.orderflow.fulfillment.routing.ShipmentPlanner}). Pure domain: it knows
 * no other feature; callers hand it the stock they see.
 */
package io.orderflow.fulfillment.routing;
