package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** "Record invoice paid": the bank statement showed the invoice paid in full. */
@Component
public class RecordInvoicePaidWorker {

  private final Invoices invoices;

  public RecordInvoicePaidWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.RECORD_INVOICE_PAID)
  public void recordInvoicePaid(@Variable String orderId, @Variable BigDecimal receivedAmount) {
    invoices.recordPaid(orderId, receivedAmount);
  }
}
