package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.DeliveryOptions;
import io.orderflow.fulfillment.order.DeliveryOptions.DeliverySlot;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryOptionsController {

  private final DeliveryOptions options;

  DeliveryOptionsController(DeliveryOptions options) {
    this.options = options;
  }

  /** The slots the customer can choose from right now for this delivery method. */
  @GetMapping("/api/delivery-slots")
  List<DeliverySlot> slots(@RequestParam DeliveryMethod method) {
    return options.offered(method);
  }
}
