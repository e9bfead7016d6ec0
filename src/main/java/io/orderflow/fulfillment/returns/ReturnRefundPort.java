package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefundAction;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Money for a return: the refund (payment module) and the VAT credit note (accounting module). Every call is
 * idempotent per RMA. {@link PaymentsReturnRefundAdapter} holds the calls into those modules.
 */
interface ReturnRefundPort {

  /** What the refund did. */
  record Refund(ReturnRefundAction action, BigDecimal amount, String currency, String reference) {}

  Refund refundReturn(String orderId, String rmaNumber, BigDecimal amount, RefundChoice choice);

  void creditNote(String orderId, String rmaNumber, Map<String, Integer> returnedQuantitiesBySku,
      BigDecimal shippingRefunded);

  void recordPayout(String orderId, String rmaNumber, String payoutReference);
}
