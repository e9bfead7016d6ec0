package io.orderflow.fulfillment.order;

/** The payment of an order as the payment process reports it; shown on the order. */
public enum PaymentStatus {
  PENDING,
  AUTHORIZED,
  AWAITING_CARD_UPDATE,
  AWAITING_TRANSFER,
  AMOUNT_MISMATCH,
  PAID,
  CREDIT_REVIEW,
  INVOICE_APPROVED,
  COLLECT_ON_DELIVERY,
  CAPTURED,
  INVOICED,
  OVERDUE,
  FAILED,
  REFUNDED
}
