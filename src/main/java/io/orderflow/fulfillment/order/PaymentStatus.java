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
  REFUNDED,
  /** The card authorization was released before anything was captured (the order was cancelled). */
  VOIDED,
  /** Nothing is charged: a free replacement shipment; the order may ship. */
  NO_CHARGE,
  /** Money the customer paid (bank transfer, cash, invoice) is owed back; finance pays it out. */
  REFUND_DUE
}
