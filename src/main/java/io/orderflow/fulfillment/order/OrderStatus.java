package io.orderflow.fulfillment.order;

/** Where an order stands; it follows the order-fulfillment process. */
public enum OrderStatus {
  /** Stored; the process is about to reserve the goods. */
  PLACED,
  /**
   * A backorder order (the units of an earlier order no warehouse had) waiting for goods to arrive: stock is reserved
   * for it, oldest waiting order first, only when all of it can be; then it is STOCK_RESERVED.
   */
  AWAITING_STOCK,
  /** The goods are held in the planned warehouse(s); some lines may wait for the customer's decision. */
  STOCK_RESERVED,
  /** The shipping quote is offered and the process waits for the customer to accept it before it expires. */
  QUOTED,
  /** The customer accepted the quote; the payment is being secured. */
  QUOTE_ACCEPTED,
  /** The payment is secured (card authorized, transfer received, cash on delivery registered, invoice approved). */
  PAYMENT_AUTHORIZED,
  /** Every parcel is with the courier. */
  SHIPPED,
  DELIVERED,
  CANCELLED,
  /** The quote was not accepted in time; the goods went back to stock. */
  EXPIRED
}
