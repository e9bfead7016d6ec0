package io.orderflow.fulfillment.payment;

/** How the customer wants the money of a return back. */
public enum RefundChoice {
  /** The way they paid: back to the card, or paid out by bank transfer for money received otherwise. */
  ORIGINAL_METHOD,
  /** As store credit for their e-mail address, whatever they paid with. */
  STORE_CREDIT
}
