package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Gather credit facts": the inputs of the credit-check decision. */
@Component
public class PrepareCreditCheckWorker {

  private final Invoices invoices;

  public PrepareCreditCheckWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = JobTypes.PREPARE_CREDIT_CHECK)
  public Map<String, Object> prepareCreditCheck(@Variable String orderId) {
    Invoices.CreditFacts facts = invoices.creditFacts(orderId);
    return Map.of(Variables.ORDER_NUMBER, facts.orderNumber(),
        Variables.AMOUNT_DUE, facts.amountDue(),
        Variables.CURRENCY, facts.currency(),
        Variables.DELIVERED_ORDER_COUNT, facts.deliveredOrderCount(),
        Variables.OPEN_INVOICE_AMOUNT, facts.openInvoiceAmount());
  }
}
