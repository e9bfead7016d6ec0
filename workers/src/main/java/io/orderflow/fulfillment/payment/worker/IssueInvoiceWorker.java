package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Issue invoice": the order's invoice, once. {@code invoiceDueAt} (ISO 8601) is when the model's reminder fires;
 * {@code invoiceText} goes with the customer's notifications.
 */
@Component
public class IssueInvoiceWorker {

  private final Invoices invoices;

  public IssueInvoiceWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.ISSUE_INVOICE)
  public Map<String, Object> issueInvoice(@Variable String orderId) {
    Invoices.IssuedInvoice invoice = invoices.issue(orderId);
    return Map.of(Variables.INVOICE_NUMBER, invoice.invoiceNumber(),
        Variables.INVOICE_DUE_AT, invoice.dueAt().toString(),
        Variables.ORDER_NUMBER, invoice.orderNumber(),
        Variables.AMOUNT_DUE, invoice.amount(),
        Variables.CURRENCY, invoice.currency(),
        Variables.PAYMENT_REFERENCE, invoice.reference(),
        Variables.INVOICE_TEXT, invoice.text());
  }
}
