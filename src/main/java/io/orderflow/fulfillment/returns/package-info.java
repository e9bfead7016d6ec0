/**
 * Returns and complaints (processes/return.bpmn, one process instance per RMA): the request with its checks, the
 * return label, the warehouse's scan and inspection, the goods back in stock, the refund or replacement, and the mails.
 * Payment, accounting and replacement orders are reached through small ports ({@code ReturnRefundPort},
 * {@code ReplacementPort}) whose adapters hold the calls into the other modules.
 */
package io.orderflow.fulfillment.returns;
