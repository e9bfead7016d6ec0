package io.orderflow.fulfillment.accounting.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.accounting.VatInvoices;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The issue-vat-invoice step")
class IssueVatInvoiceWorkerTest {

  private final VatInvoices invoices = mock(VatInvoices.class);
  private final IssueVatInvoiceWorker worker = new IssueVatInvoiceWorker(invoices);

  @Test
  @DisplayName("issues the invoice of the parcel with the courier")
  void issues() {
    worker.issueVatInvoice("order-1", 2);

    verify(invoices).issue("order-1", 2);
  }

  @Test
  @DisplayName("listens to issue-vat-invoice")
  void jobType() throws NoSuchMethodException {
    assertThat(IssueVatInvoiceWorker.class.getMethod("issueVatInvoice", String.class, Integer.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.ISSUE_VAT_INVOICE).isEqualTo("issue-vat-invoice");
  }
}
