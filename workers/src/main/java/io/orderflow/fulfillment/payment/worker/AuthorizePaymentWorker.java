package io.orderflow.fulfillment.payment.worker;

import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.CANCELLATION_REASON;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.Errors;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class AuthorizePaymentWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final Payments payments;

  public AuthorizePaymentWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.AUTHORIZE_PAYMENT)
  public Map<String, Object> authorizePayment(ActivatedJob job, @Variable String orderId) {
    Payments.Outcome outcome;
    try {
      outcome = payments.authorize(orderId);
    } catch (PaymentProviderUnavailableException e) {
      throw CamundaError.jobError("Payment provider unavailable: " + e.getMessage(), Map.of(),
          job.getRetries() - 1, RETRY_BACKOFF, e);
    }
    if (outcome instanceof Payments.Outcome.Declined declined) {
      String reason = "Payment declined: " + declined.reason() + " (" + declined.code() + ")";
      throw CamundaError.bpmnError(Errors.PAYMENT_DECLINED, reason, Map.of(CANCELLATION_REASON, reason));
    }
    return Map.of();
  }
}
