/**
 * Replenishment and goods receipt (processes/replenishment.bpmn, one process instance per SKU and warehouse): whether a
 * SKU must be replenished and from where ({@code ReplenishmentAssessment}), reorder policies per SKU and warehouse,
 * suppliers, purchase orders that own their transitions, the supplier port ({@code SupplierGateway}, simulated), goods
 * receipts against the purchase order lines, and stock transfers from another warehouse's surplus ({@code Transfers});
 * accepted quantities go on hand through the inventory module.
 */
package io.orderflow.fulfillment.replenishment;
