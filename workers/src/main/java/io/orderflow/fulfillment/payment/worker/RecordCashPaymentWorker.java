package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** "Record cash payment": the cash is with the shop, as reported or as finance reconciled it. */
@Component
public class RecordCashPaymentWorker {

  private final CashOnDelivery cashOnDelivery;

  public RecordCashPaymentWorker(CashOnDelivery cashOnDelivery) {
    this.cashOnDelivery = cashOnDelivery;
  }

  @JobWorker(type = JobTypes.RECORD_CASH_PAYMENT)
  public void recordCashPayment(@Variable String orderId, @Variable BigDecimal receivedAmount,
      @Variable BigDecimal settledAmount, @Variable String reconciliationNote) {
    cashOnDelivery.recordPaid(orderId, receivedAmount, settledAmount, reconciliationNote);
  }
}
