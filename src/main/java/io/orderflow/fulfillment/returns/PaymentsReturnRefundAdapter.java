package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.accounting.VatInvoices;
import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefund;
import io.orderflow.fulfillment.payment.ReturnRefunds;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The refund through the payment module and the VAT credit note through accounting; both idempotent per RMA. */
@Component
class PaymentsReturnRefundAdapter implements ReturnRefundPort {

  private final ReturnRefunds refunds;
  private final VatInvoices vatInvoices;

  PaymentsReturnRefundAdapter(ReturnRefunds refunds, VatInvoices vatInvoices) {
    this.refunds = refunds;
    this.vatInvoices = vatInvoices;
  }

  @Override
  public Refund refundReturn(String orderId, String rmaNumber, BigDecimal amount, RefundChoice choice) {
    ReturnRefund r = refunds.refundReturn(orderId, rmaNumber, amount, choice);
    return new Refund(r.action(), r.amount(), r.currency(), r.reference());
  }

  @Override
  public void creditNote(String orderId, String rmaNumber, Map<String, Integer> returnedQuantitiesBySku,
      BigDecimal shippingRefunded) {
    vatInvoices.creditNote(orderId, rmaNumber, returnedQuantitiesBySku, shippingRefunded);
  }

  @Override
  public void recordPayout(String orderId, String rmaNumber, String payoutReference) {
    refunds.recordReturnPayout(orderId, rmaNumber, payoutReference);
  }
}
