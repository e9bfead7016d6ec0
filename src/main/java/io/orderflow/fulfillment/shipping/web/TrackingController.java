package io.orderflow.fulfillment.shipping.web;

import io.orderflow.fulfillment.shipping.Shipping;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the parcels are: per order for the shop and customer service, and per tracking number for anyone who has it
 * (the public view shows the parcel's journey only, nothing about the customer or the order).
 */
@RestController
class TrackingController {

  private final Shipping shipping;

  TrackingController(Shipping shipping) {
    this.shipping = shipping;
  }

  @GetMapping("/api/orders/{orderId}/tracking")
  List<Shipping.ParcelTracking> ofOrder(@PathVariable String orderId) {
    return shipping.tracking(orderId);
  }

  @GetMapping("/api/tracking/{trackingNumber}")
  Shipping.PublicTracking ofParcel(@PathVariable String trackingNumber) {
    return shipping.publicTracking(trackingNumber);
  }
}
