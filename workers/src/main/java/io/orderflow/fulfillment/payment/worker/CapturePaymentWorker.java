package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.payment.PaymentCaptureRefusedException;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Capture card payment" (order process, each card-paid parcel after its courier is booked): takes the authorized
 * amount once per order. The first parcel captures the whole authorization; for later parcels of the same order, and
 * for a job delivered again, the capture is found and nothing happens. A provider outage is retried with backoff; a
 * refusal (authorization expired, already captured) is an incident at once, because retrying cannot help.
 */
@Component
public class CapturePaymentWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final Payments payments;

  public CapturePaymentWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.CAPTURE_PAYMENT)
  public void capturePayment(ActivatedJob job, @Variable String orderId, @Variable Integer shipmentNo) {
    try {
      payments.capture(orderId, shipmentNo == null ? 1 : shipmentNo);
    } catch (PaymentProviderUnavailableException e) {
      throw CamundaError.jobError("Payment provider unavailable: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (PaymentCaptureRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }
}
