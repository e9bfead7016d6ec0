package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.PaymentReversalRefusedException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Refund payment" (compensation of the order's payment when the order is cancelled): voids an authorization not yet
 * captured, refunds a capture, or records money owed back to the payer. Done once per order. A provider outage is
 * retried with backoff; a refusal is an incident at once, because retrying cannot help.
 */
@Component
public class RefundPaymentWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final Payments payments;

  public RefundPaymentWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.REFUND_PAYMENT)
  public void refundPayment(ActivatedJob job, @Variable String orderId,
      @Variable(optional = true) String cancellationReason) {
    try {
      payments.cancelPayment(orderId, cancellationReason);
    } catch (PaymentProviderUnavailableException e) {
      throw CamundaError.jobError("Payment provider unavailable: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (PaymentReversalRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }
}
