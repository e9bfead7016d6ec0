package io.orderflow.fulfillment.shipping.worker;

import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.TRACKING_NUMBER;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shipping.CourierUnavailableException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class BookCourierWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final Shipping shipping;

  public BookCourierWorker(Shipping shipping) {
    this.shipping = shipping;
  }

  /**
   * @param courier optional: the result of the courier-selection decision, {carrier, collectionCutoff}; without it
   *     the default carrier collects by the default cut-off
   */
  @JobWorker(type = JobTypes.BOOK_COURIER)
  public Map<String, Object> bookCourier(ActivatedJob job, @Variable String orderId, @Variable int shipmentNo,
      @Variable String packageType, @Variable BigDecimal parcelWeightKg, @Variable Map<String, Object> courier) {
    try {
      return Map.of(TRACKING_NUMBER,
          shipping.bookCourier(orderId, shipmentNo, packageType, parcelWeightKg, choiceOf(courier)).trackingNumber());
    } catch (CourierUnavailableException e) {
      throw CamundaError.jobError("Courier booking failed: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    } catch (InvalidRequestException | ConflictException e) {
      // Retrying cannot fix missing or contradictory data: raise an incident for ops right away.
      throw CamundaError.jobError("Cannot book the courier: " + e.getMessage(), Map.of(), 0, Duration.ZERO, e);
    }
  }

  private static Shipping.CourierChoice choiceOf(Map<String, Object> courier) {
    if (courier == null) {
      return Shipping.CourierChoice.DEFAULT;
    }
    return new Shipping.CourierChoice(text(courier.get("carrier")), text(courier.get("collectionCutoff")));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
