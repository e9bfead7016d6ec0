package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.process.ProcessState;
import io.orderflow.fulfillment.process.ProcessState.InstanceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

  enum PaymentMethod { CARD }

  record CustomerData(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
      @Pattern(regexp = "^\\+?[0-9 ()\\-]{6,20}$", message = "must be a phone number") String phone) {}

  record AddressData(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 20) String postalCode,
      @NotBlank @Size(max = 100) String city,
      @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as ES") String country) {}

  record LineData(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(100) Integer quantity) {}

  record PaymentData(@NotNull PaymentMethod method,
      @NotBlank @Pattern(regexp = "^pm_[A-Za-z0-9_]{2,60}$",
          message = "must be the payment-method id issued by the payment provider (pm_...); card numbers are never accepted")
      String paymentMethodId) {}

  record PlaceOrderRequest(@NotNull @Valid CustomerData customer, @NotNull @Valid AddressData shippingAddress,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid LineData> lines, @NotNull @Valid PaymentData payment) {}

  record LineView(int lineNo, String sku, String productName, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

  record StepView(String elementId, String name, String type) {}

  record IncidentView(String elementId, String errorType, String message) {}

  record OrderView(String id, String orderNumber, OrderStatus status, String customerName, String customerEmail,
      OrderService.Address shippingAddress, String currency, BigDecimal totalAmount, String paymentMethod,
      String warehouseId, String trackingNumber, String cancellationReason, Long processInstanceKey,
      String processStatus, List<StepView> currentSteps, List<IncidentView> incidents, Instant placedAt,
      Instant updatedAt, List<LineView> lines) {}

  private final OrderPlacement placement;
  private final OrderService orders;
  private final ProcessState processState;

  OrderController(OrderPlacement placement, OrderService orders, ProcessState processState) {
    this.placement = placement;
    this.orders = orders;
    this.processState = processState;
  }

  @PostMapping
  ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
    OrderSummary placed = placement.place(new OrderService.PlaceOrder(
        new OrderService.Customer(request.customer().name(), request.customer().email(), request.customer().phone()),
        new OrderService.Address(request.shippingAddress().street(), request.shippingAddress().postalCode(),
            request.shippingAddress().city(), request.shippingAddress().country()),
        request.lines().stream().map(l -> new OrderService.RequestedLine(l.sku(), l.quantity())).toList(),
        request.payment().method().name(), request.payment().paymentMethodId()));
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(view(placed));
  }

  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId) {
    return view(orders.summary(orderId));
  }

  private OrderView view(OrderSummary o) {
    InstanceView instance = o.processInstanceKey() == null ? null : processState.instance(o.processInstanceKey());
    return new OrderView(o.id(), o.orderNumber(), o.status(), o.customer().name(), o.customer().email(),
        o.shippingAddress(), o.currency().getCurrencyCode(), o.totalAmount(), o.paymentMethod(), o.warehouseId(),
        o.trackingNumber(), o.cancellationReason(), o.processInstanceKey(),
        instance == null ? "NOT_STARTED" : instance.status().name(),
        instance == null ? List.of() : instance.activeElements().stream()
            .map(e -> new StepView(e.elementId(), e.name(), e.type())).toList(),
        instance == null ? List.of() : instance.incidents().stream()
            .map(i -> new IncidentView(i.elementId(), i.errorType(), i.message())).toList(),
        o.placedAt(), o.updatedAt(),
        o.lines().stream().map(l -> new LineView(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(),
            l.lineTotal())).toList());
  }
}
