package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Approve payment by invoice": by the credit check, or by finance's review (then with their note). */
@Component
public class ApproveInvoicePaymentWorker {

  /** The credit-check decision's result as the process holds it. */
  public record CreditCheck(String decision, String reason) {}

  private final Invoices invoices;

  public ApproveInvoicePaymentWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.APPROVE_INVOICE_PAYMENT)
  public Map<String, Object> approveInvoicePayment(@Variable String orderId, @Variable CreditCheck creditCheck,
      @Variable String creditReviewDecision, @Variable String creditReviewNote) {
    invoices.approve(orderId, creditCheck == null ? null : creditCheck.reason(), creditReviewDecision,
        creditReviewNote);
    return Map.of(Variables.PAYMENT_STATUS, PaymentStatus.INVOICE_APPROVED.name());
  }
}
