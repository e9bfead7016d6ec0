package io.orderflow.fulfillment.cart.web;

import io.orderflow.fulfillment.cart.Carts;
import io.orderflow.fulfillment.cart.Carts.CartView;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.web.OrderApi.AddressData;
import io.orderflow.fulfillment.order.web.OrderApi.CustomerData;
import io.orderflow.fulfillment.order.web.OrderApi.DeliveryData;
import io.orderflow.fulfillment.order.web.OrderApi.OrderView;
import io.orderflow.fulfillment.order.web.OrderApi.PaymentData;
import io.orderflow.fulfillment.order.web.OrderViews;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/carts")
class CartController {

  record AddLineRequest(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(100) Integer quantity) {}

  record QuantityRequest(@NotNull @Min(0) @Max(100) Integer quantity) {}

  record CheckoutRequest(@NotNull @Valid CustomerData customer, @NotNull @Valid AddressData shippingAddress,
      @NotNull @Valid DeliveryData delivery, @NotNull @Valid PaymentData payment, boolean marketingConsent,
      String language, String channel) {}

  private final Carts carts;
  private final OrderViews orderViews;

  CartController(Carts carts, OrderViews orderViews) {
    this.carts = carts;
    this.orderViews = orderViews;
  }

  @PostMapping
  ResponseEntity<CartView> create() {
    CartView cart = carts.create(CurrentUser.required().username());
    return ResponseEntity.created(URI.create("/api/carts/" + cart.id())).body(cart);
  }

  @GetMapping("/{cartId}")
  CartView get(@PathVariable String cartId) {
    return carts.get(cartId);
  }

  /** Adds the article (one size/variant = one SKU); adding it again raises the quantity. */
  @PostMapping("/{cartId}/lines")
  CartView add(@PathVariable String cartId, @Valid @RequestBody AddLineRequest request) {
    return carts.add(cartId, request.sku(), request.quantity());
  }

  /** Sets the quantity of a line; 0 removes it. */
  @PutMapping("/{cartId}/lines/{sku}")
  CartView setQuantity(@PathVariable String cartId, @PathVariable String sku, @Valid @RequestBody QuantityRequest request) {
    return carts.setQuantity(cartId, sku, request.quantity());
  }

  @DeleteMapping("/{cartId}/lines/{sku}")
  CartView remove(@PathVariable String cartId, @PathVariable String sku) {
    return carts.remove(cartId, sku);
  }

  /** Places the order: contact data, address, delivery method and slot, special requests, consent, payment. */
  @PostMapping("/{cartId}/checkout")
  ResponseEntity<OrderView> checkout(@PathVariable String cartId, @Valid @RequestBody CheckoutRequest request) {
    CurrentUser user = CurrentUser.required();
    if (user.customerOnly() && !user.owns(request.customer().email())) {
      throw new ForbiddenException("Customers place orders under their own e-mail address (" + user.email() + "), not "
          + request.customer().email());
    }
    OrderSummary order = carts.checkout(cartId, new Carts.Checkout(request.customer().toCustomer(),
        request.shippingAddress().toAddress(), request.delivery().toDelivery(), request.marketingConsent(),
        request.payment().method().name(), request.payment().paymentMethodId(), request.language(),
        io.orderflow.fulfillment.order.web.OrderApi.channel(request.channel())));
    return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(orderViews.view(order));
  }
}
