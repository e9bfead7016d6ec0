package io.orderflow.fulfillment.returns;

/** How the customer wants the money back: the way they paid, or as store credit. */
public enum RefundChoice { ORIGINAL_METHOD, STORE_CREDIT }
