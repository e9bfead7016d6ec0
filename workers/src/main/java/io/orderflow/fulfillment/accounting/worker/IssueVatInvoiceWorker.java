package io.orderflow.fulfillment.accounting.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.accounting.VatInvoices;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/**
 * "Issue VAT invoice" (order process, each parcel once it is with the courier): issues the parcel's VAT invoice. A job
 * delivered again finds the invoice issued and changes nothing; a free replacement's parcel is not a sale and gets none
 * (the step completes all the same). It sets no variables.
 */
@Component
public class IssueVatInvoiceWorker {

  private final VatInvoices invoices;

  public IssueVatInvoiceWorker(VatInvoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.ISSUE_VAT_INVOICE)
  public void issueVatInvoice(@Variable String orderId, @Variable Integer shipmentNo) {
    invoices.issue(orderId, shipmentNo == null ? 1 : shipmentNo);
  }
}
