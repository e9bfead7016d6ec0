package io.orderflow.fulfillment.payment.worker;

import static io.orderflow.fulfillment.process.PaymentProcess.Variables.CARD_ATTEMPTS;
import static io.orderflow.fulfillment.process.PaymentProcess.Variables.DECLINE_REASON;
import static io.orderflow.fulfillment.process.PaymentProcess.Variables.PAYMENT_STATUS;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.Errors;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Authorize card payment": authorizes the card of the current attempt. A decline is the BPMN error PAYMENT_DECLINED
 * with the reason for the customer and the number of attempts made; a provider outage is retried with backoff.
 */
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
      throw CamundaError.bpmnError(Errors.PAYMENT_DECLINED, declined.reason() + " (" + declined.code() + ")",
          Map.of(DECLINE_REASON, declined.reason(), CARD_ATTEMPTS, declined.attempt()));
    }
    return Map.of(PAYMENT_STATUS, PaymentStatus.AUTHORIZED.name(), CARD_ATTEMPTS, outcome.attempt());
  }
}
