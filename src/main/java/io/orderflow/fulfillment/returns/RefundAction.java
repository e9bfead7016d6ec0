package io.orderflow.fulfillment.returns;

/**
 * What the refund of a return did (the payment module's {@code ReturnRefundAction}): the card refunded, store credit
 * issued, a bank payout due (finance pays it out), the open invoice reduced, or nothing to refund.
 */
public enum RefundAction { CARD_REFUNDED, STORE_CREDIT, BANK_PAYOUT_DUE, REDUCED, NOTHING }
