package io.orderflow.fulfillment.order;

public enum DeliveryMethod {
  /** Home delivery in a time window the customer picks. */
  STANDARD,
  /** Next-business-day home delivery. */
  EXPRESS,
  /** Delivered to a pickup point; the customer collects it. */
  PICKUP_POINT
}
