package io.orderflow.fulfillment.campaign.web;

import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.campaign.Campaigns.OfferView;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.web.OrderApi.AddressData;
import io.orderflow.fulfillment.order.web.OrderApi.DeliveryData;
import io.orderflow.fulfillment.order.web.OrderApi.PaymentData;
import io.orderflow.fulfillment.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's campaign offers: their open ones, and accepting one (which places an order). */
@RestController
@RequestMapping("/api/offers")
class OfferController {

  /**
   * Accepting an offer: where to ship and how to pay, as in the order API; {@code quantities} per SKU of the campaign
   * (absent: one of each).
   */
  record AcceptanceRequest(@NotBlank @Size(max = 200) String name,
      @Pattern(regexp = "^\\+?[0-9 ()\\-]{6,20}$", message = "must be a phone number") String phone,
      @NotNull @Valid AddressData shippingAddress, @NotNull @Valid PaymentData payment, @Valid DeliveryData delivery,
      Map<String, Integer> quantities, String language) {}

  record AcceptanceView(String offerId, String orderId, String orderNumber, BigDecimal totalAmount) {}

  private final Campaigns campaigns;

  OfferController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @GetMapping
  List<OfferView> mine() {
    return campaigns.openOffersOf(CurrentUser.required().email());
  }

  @PostMapping("/{offerId}/acceptance")
  ResponseEntity<AcceptanceView> accept(@PathVariable String offerId, @Valid @RequestBody AcceptanceRequest request) {
    CurrentUser user = CurrentUser.required();
    OrderService.PlaceOrder order = new OrderService.PlaceOrder(
        new OrderService.Customer(request.name(), user.email(), request.phone()),
        request.shippingAddress().toAddress(), List.of(), request.payment().method().name(),
        request.payment().paymentMethodId(),
        request.delivery() == null ? OrderService.Delivery.standard() : request.delivery().toDelivery(), true,
        request.language());
    OrderSummary placed = campaigns.accept(offerId, user.email(), order, request.quantities());
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id()))
        .body(new AcceptanceView(offerId, placed.id(), placed.orderNumber(), placed.totalAmount()));
  }
}
