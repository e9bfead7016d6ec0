package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;

/**
 * The outcome of refunding one return (RMA) of an order. {@code amount} is what was refunded, credited, owed back or
 * taken off (capped at what was taken less what was refunded before); {@code reference} is the provider's refund id
 * (CARD_REFUNDED), the store credit's code (STORE_CREDIT), finance's payout reference once paid out (BANK_PAYOUT_DUE,
 * null before), the reduced invoice's number if it was issued (REDUCED), or null.
 */
public record ReturnRefund(String orderId, String rmaNumber, ReturnRefundAction action, BigDecimal amount,
    String currency, String reference) {}
