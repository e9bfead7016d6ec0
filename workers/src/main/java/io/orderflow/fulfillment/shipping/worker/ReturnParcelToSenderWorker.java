package io.orderflow.fulfillment.shipping.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shipping.CourierUnavailableException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Customer service decided the parcel comes back: the courier is asked to return it to its warehouse. */
@Component
public class ReturnParcelToSenderWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final Shipping shipping;

  public ReturnParcelToSenderWorker(Shipping shipping) {
    this.shipping = shipping;
  }

  @JobWorker(type = JobTypes.RETURN_PARCEL_TO_SENDER)
  public void returnParcelToSender(ActivatedJob job, @Variable String orderId, @Variable int shipmentNo) {
    try {
      shipping.returnToSender(orderId, shipmentNo);
    } catch (CourierUnavailableException e) {
      throw CamundaError.jobError("Courier return request failed: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (ConflictException e) {
      throw CamundaError.jobError("Cannot have the parcel returned: " + e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }
}
