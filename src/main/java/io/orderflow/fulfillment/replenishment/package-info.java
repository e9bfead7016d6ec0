/**
 * Replenishment and goods receipt (processes/replenishment.bpmn, one process instance per purchase order): reorder
 * policies per SKU and warehouse, suppliers, purchase orders that own their transitions, the supplier port
 * ({@code SupplierGateway}, simulated), and goods receipts against the purchase order lines whose accepted quantities
 * go on hand through the inventory module.
 */
package io.orderflow.fulfillment.replenishment;
