package io.orderflow.fulfillment.returns;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The calls into payment ({@code Payments.refundReturn}, {@code Payments.recordReturnPayout}) and accounting
 * ({@code VatInvoices.creditNote}). Those methods are being built on other branches; until they are merged, each call
 * fails loudly (the refund step becomes an incident: no money is pretended to move).
 *
 * <p>TODO after the payment/accounting merge, replace the bodies with (and inject Payments, VatInvoices):
 * <pre>{@code
 * ReturnRefund r = payments.refundReturn(orderId, rmaNumber, amount,
 *     io.orderflow.fulfillment.payment.RefundChoice.valueOf(choice.name()));
 * return new Refund(RefundAction.valueOf(r.action().name()), r.amount(), r.currency(), r.reference());
 * // creditNote:
 * vatInvoices.creditNote(orderId, rmaNumber, returnedQuantitiesBySku, shippingRefunded);
 * // recordPayout:
 * payments.recordReturnPayout(orderId, rmaNumber, payoutReference);
 * }</pre>
 */
@Component
class PaymentsReturnRefundAdapter implements ReturnRefundPort {

  static final String NOT_MERGED = "not available yet: the payment/accounting API for returns is not merged";

  @Override
  public Refund refundReturn(String orderId, String rmaNumber, BigDecimal amount, RefundChoice choice) {
    throw new UnsupportedOperationException("Payments.refundReturn " + NOT_MERGED);
  }

  @Override
  public void creditNote(String orderId, String rmaNumber, Map<String, Integer> returnedQuantitiesBySku,
      BigDecimal shippingRefunded) {
    throw new UnsupportedOperationException("VatInvoices.creditNote " + NOT_MERGED);
  }

  @Override
  public void recordPayout(String orderId, String rmaNumber, String payoutReference) {
    throw new UnsupportedOperationException("Payments.recordReturnPayout " + NOT_MERGED);
  }
}
