package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.CustomerDecisions;
import io.orderflow.fulfillment.order.OrderCancellations;
import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ForbiddenException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders placed directly (marketplaces, phone orders); the shop front goes through a cart and its checkout. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  record LineData(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(100) Integer quantity) {}

  record PlaceOrderRequest(@NotNull @Valid CustomerData customer, @NotNull @Valid AddressData shippingAddress,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid LineData> lines, @NotNull @Valid PaymentData payment,
      @Valid DeliveryData delivery, boolean marketingConsent, String language, String channel) {}

  record BackorderDecisionRequest(@NotNull OrderFulfillmentProcess.BackorderChoice choice) {}

  record QuestionRequest(@NotBlank @Size(max = 2000) String question) {}

  record CancellationRequest(@Size(max = 500) String reason) {}

  /** What the cancellation request led to: the whole order, or these parcels (the others are with the courier). */
  record CancellationView(String orderId, String orderNumber, boolean wholeOrder, List<Integer> parcels,
      String reason) {}

  private final OrderPlacement placement;
  private final CustomerDecisions decisions;
  private final OrderService orders;
  private final OrderViews views;
  private final OrderCancellations cancellations;

  OrderController(OrderPlacement placement, CustomerDecisions decisions, OrderService orders, OrderViews views,
      OrderCancellations cancellations) {
    this.placement = placement;
    this.decisions = decisions;
    this.orders = orders;
    this.views = views;
    this.cancellations = cancellations;
  }

  @PostMapping
  ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
    OrderOwnership.requireOwnEmail(request.customer().email());
    OrderSummary placed = placement.place(new OrderService.PlaceOrder(request.customer().toCustomer(),
        request.shippingAddress().toAddress(),
        request.lines().stream().map(l -> new OrderService.RequestedLine(l.sku(), l.quantity())).toList(),
        request.payment().method().name(), request.payment().paymentMethodId(),
        request.delivery() == null ? OrderService.Delivery.standard() : request.delivery().toDelivery(),
        request.marketingConsent(), request.language(), OrderApi.channel(request.channel())));
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(views.view(placed));
  }

  /**
   * Orders newest first. A customer gets their own (by the e-mail they signed in with; naming another customer's
   * e-mail is refused); customer service, finance and ops every customer's, optionally one customer's
   * ({@code email}, any case). {@code status} narrows to one status; {@code limit} 1..200, default 50.
   */
  @GetMapping
  List<OrderService.OrderListEntry> list(@RequestParam(required = false) String email,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
    OrderStatus wanted = OrderApi.status(status);
    CurrentUser user = CurrentUser.required();
    String customer = email == null || email.isBlank() ? null : email.strip();
    if (user.customerOnly()) {
      if (customer != null && !user.owns(customer)) {
        throw new ForbiddenException("Customers see their own orders only (" + user.email() + "), not " + customer);
      }
      if (user.email() == null || user.email().isBlank()) {
        return List.of();
      }
      customer = user.email();
    }
    return orders.list(customer, wanted, limit);
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

  /**
   * Cancels the order while it is not with the courier: before fulfilment the whole order, afterwards every parcel not
   * handed over yet. 202: the process undoes what was done (stock, payment, courier booking, open warehouse tasks) and
   * tells the customer. 409 when it is already cancelled, or when every parcel is with the courier (with a pointer to
   * returns).
   */
  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<CancellationView> cancel(@PathVariable String orderId,
      @Valid @RequestBody(required = false) CancellationRequest request, java.security.Principal principal) {
    OrderService.CancellationPlan plan = cancellations.cancel(orderId, request == null ? null : request.reason(),
        principal == null ? "customer" : principal.getName());
    return ResponseEntity.accepted().body(new CancellationView(plan.orderId(), plan.orderNumber(), plan.wholeOrder(),
        plan.shipmentNos(), plan.reason()));
  }
}
