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
 * "Refund shipment" (compensation of one parcel of a split order when that parcel is cancelled): refunds the parcel's
 * share (its goods and shipping) when the card was captured, otherwise lowers what the capture, collection or invoice
 * asks for. Done once per parcel. A provider outage is
 * retried with backoff; a refusal is an incident at once, because retrying cannot help.
 */
@Component
public class RefundShipmentWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final Payments payments;

  public RefundShipmentWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.REFUND_SHIPMENT)
  public void refundShipment(ActivatedJob job, @Variable String orderId, @Variable Integer shipmentNo,
      @Variable(optional = true) String cancellationReason) {
    try {
      payments.cancelShipment(orderId, shipmentNo, cancellationReason);
    } catch (PaymentProviderUnavailableException e) {
      throw CamundaError.jobError("Payment provider unavailable: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (PaymentReversalRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }
}
