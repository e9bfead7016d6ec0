/**
 * Customer insight (issue 8): what signed-in customers do on the site (site events), their reviews of delivered
 * products, and what the shop computes per customer from their purchases: an RFM segment and recommendations (products
 * bought together, re-order reminders). Purchases are read through the order module's
 * {@code OrderService.purchasesSince}; results are stored (V25) by a scheduled refresh and on demand. Only customers
 * who gave marketing consent may be targeted: marketing sees those only.
 */
package io.orderflow.fulfillment.insight;
