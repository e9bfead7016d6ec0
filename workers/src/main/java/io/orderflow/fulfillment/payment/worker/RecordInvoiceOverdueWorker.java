package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** "Mark invoice overdue": the due date passed without payment. */
@Component
public class RecordInvoiceOverdueWorker {

  private final Invoices invoices;

  public RecordInvoiceOverdueWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.RECORD_INVOICE_OVERDUE)
  public void recordInvoiceOverdue(@Variable String orderId) {
    invoices.markOverdue(orderId);
  }
}
