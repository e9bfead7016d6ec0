package io.orderflow.fulfillment.order;

/** Where an order stands; it follows the order-fulfillment process. */
public enum OrderStatus {
  PLACED, STOCK_RESERVED, PAYMENT_AUTHORIZED, SHIPPED, DELIVERED, CANCELLED
}
