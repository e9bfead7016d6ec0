package io.orderflow.fulfillment.shipping.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shipping.CourierUnavailableException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Compensation of booking the courier for a parcel cancelled before hand-over: the booking is withdrawn. */
@Component
public class CancelCourierBookingWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final Shipping shipping;

  public CancelCourierBookingWorker(Shipping shipping) {
    this.shipping = shipping;
  }

  @JobWorker(type = JobTypes.CANCEL_COURIER_BOOKING)
  public void cancelCourierBooking(ActivatedJob job, @Variable String orderId, @Variable int shipmentNo) {
    try {
      shipping.cancelBooking(orderId, shipmentNo);
    } catch (CourierUnavailableException e) {
      throw CamundaError.jobError("Courier cancellation failed: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (ConflictException e) {
      // The courier has the parcel after all: ops must get it back; retrying cannot help.
      throw CamundaError.jobError("Cannot cancel the courier booking: " + e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }
}
