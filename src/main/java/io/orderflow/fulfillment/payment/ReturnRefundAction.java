package io.orderflow.fulfillment.payment;

/** What refunding a return did. */
public enum ReturnRefundAction {
  /** Money went back to the card (the provider's refund id is the reference). */
  CARD_REFUNDED,
  /** Store credit was issued for the customer's e-mail (its code is the reference). */
  STORE_CREDIT,
  /**
   * The customer paid by bank transfer, cash on delivery or a paid invoice: the money is owed back and finance pays it
   * out by bank transfer; {@code recordReturnPayout} stores finance's payout reference.
   */
  BANK_PAYOUT_DUE,
  /** Nothing was taken yet: the open invoice (or the later capture or cash collection) asks for that much less. */
  REDUCED,
  /** Nothing to refund: no amount, a free replacement order, or everything taken was refunded before. */
  NOTHING
}
