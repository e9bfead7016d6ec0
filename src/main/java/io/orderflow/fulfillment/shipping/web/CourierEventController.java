package io.orderflow.fulfillment.shipping.web;

import io.orderflow.fulfillment.shipping.Shipping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Callback for the carrier: tracking events, each identified by the carrier's own event id. */
@RestController
@RequestMapping("/api/courier/events")
class CourierEventController {

  /**
   * @param estimatedDelivery the ETA the carrier announces with this event (optional)
   * @param reason why a delivery failed or what was damaged (optional)
   */
  record CourierEventRequest(@NotBlank @Size(max = 80) String eventId, @NotBlank @Size(max = 40) String trackingNumber,
      @NotNull Shipping.TrackingEventType type, @Size(max = 200) String location, @NotNull Instant occurredAt,
      Instant estimatedDelivery, @Size(max = 200) String reason) {}

  record CourierEventResponse(String eventId, Shipping.Recorded result) {}

  private final Shipping shipping;

  CourierEventController(Shipping shipping) {
    this.shipping = shipping;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  CourierEventResponse receive(@Valid @RequestBody CourierEventRequest request) {
    Shipping.Recorded result = shipping.record(new Shipping.CourierEvent(request.eventId(), request.trackingNumber(),
        request.type(), request.location(), request.occurredAt(), request.estimatedDelivery(), request.reason()));
    return new CourierEventResponse(request.eventId(), result);
  }
}
