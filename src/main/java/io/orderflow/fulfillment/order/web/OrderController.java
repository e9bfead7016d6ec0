package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.CustomerDecisions;
import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.web.OrderApi.AddressData;
import io.orderflow.fulfillment.order.web.OrderApi.CustomerData;
import io.orderflow.fulfillment.order.web.OrderApi.DeliveryData;
import io.orderflow.fulfillment.order.web.OrderApi.OrderView;
import io.orderflow.fulfillment.order.web.OrderApi.PaymentData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders placed directly (marketplaces, phone orders); the shop front goes through a cart and its checkout. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  record LineData(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(100) Integer quantity) {}

  record PlaceOrderRequest(@NotNull @Valid CustomerData customer, @NotNull @Valid AddressData shippingAddress,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid LineData> lines, @NotNull @Valid PaymentData payment,
      @Valid DeliveryData delivery, boolean marketingConsent, String language) {}

  record BackorderDecisionRequest(@NotNull OrderFulfillmentProcess.BackorderChoice choice) {}

  record QuestionRequest(@NotBlank @Size(max = 2000) String question) {}

  private final OrderPlacement placement;
  private final CustomerDecisions decisions;
  private final OrderService orders;
  private final OrderViews views;

  OrderController(OrderPlacement placement, CustomerDecisions decisions, OrderService orders, OrderViews views) {
    this.placement = placement;
    this.decisions = decisions;
    this.orders = orders;
    this.views = views;
  }

  @PostMapping
  ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
    OrderSummary placed = placement.place(new OrderService.PlaceOrder(request.customer().toCustomer(),
        request.shippingAddress().toAddress(),
        request.lines().stream().map(l -> new OrderService.RequestedLine(l.sku(), l.quantity())).toList(),
        request.payment().method().name(), request.payment().paymentMethodId(),
        request.delivery() == null ? OrderService.Delivery.standard() : request.delivery().toDelivery(),
        request.marketingConsent(), request.language()));
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(views.view(placed));
  }

  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId) {
    return views.view(orders.summary(orderId));
  }

  /** The customer confirms the shipping quote shown on the order (409 once it expired or was answered). */
  @PostMapping("/{orderId}/quote/acceptance")
  ResponseEntity<OrderView> acceptQuote(@PathVariable String orderId) {
    decisions.acceptQuote(orderId);
    return ResponseEntity.accepted().body(views.view(orders.summary(orderId)));
  }

  /** Some items are unavailable: ship the rest now and backorder them, or cancel the order. */
  @PostMapping("/{orderId}/backorder-decision")
  ResponseEntity<OrderView> decideBackorder(@PathVariable String orderId,
      @Valid @RequestBody BackorderDecisionRequest request) {
    decisions.decideAboutUnavailableItems(orderId, request.choice());
    return ResponseEntity.accepted().body(views.view(orders.summary(orderId)));
  }

  /** A question to customer service about this order; it becomes a task for them. */
  @PostMapping("/{orderId}/questions")
  ResponseEntity<Void> ask(@PathVariable String orderId, @Valid @RequestBody QuestionRequest request) {
    decisions.ask(orderId, request.question());
    return ResponseEntity.accepted().build();
  }
}
