package io.orderflow.fulfillment.cart;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Carts and checkout: a checked-out cart becomes exactly one order, whatever the number of clicks on "buy". */
@Service
public class Carts {

  public record CartLineView(String sku, String name, String variant, int quantity, BigDecimal unitPrice,
      BigDecimal lineTotal, int availableToOrder) {}

  public record CartView(String id, String status, String orderId, List<CartLineView> lines, BigDecimal subtotal,
      String currency) {}

  public record Checkout(OrderService.Customer customer, OrderService.Address shippingAddress,
      OrderService.Delivery delivery, boolean marketingConsent, String paymentMethod, String paymentReference,
      String language, io.orderflow.fulfillment.order.OrderChannel channel) {

    /** A checkout through the web shop. */
    public Checkout(OrderService.Customer customer, OrderService.Address shippingAddress,
        OrderService.Delivery delivery, boolean marketingConsent, String paymentMethod, String paymentReference,
        String language) {
      this(customer, shippingAddress, delivery, marketingConsent, paymentMethod, paymentReference, language, null);
    }

    /** A checkout in the default language. */
    public Checkout(OrderService.Customer customer, OrderService.Address shippingAddress,
        OrderService.Delivery delivery, boolean marketingConsent, String paymentMethod, String paymentReference) {
      this(customer, shippingAddress, delivery, marketingConsent, paymentMethod, paymentReference, null);
    }
  }

  private final CartRepository carts;
  private final Catalog catalog;
  private final Inventory inventory;
  private final OrderService orders;
  private final OrderPlacement placement;
  private final TransactionTemplate tx;
  private final Clock clock;

  Carts(CartRepository carts, Catalog catalog, Inventory inventory, OrderService orders, OrderPlacement placement,
      PlatformTransactionManager txManager, Clock clock) {
    this.carts = carts;
    this.catalog = catalog;
    this.inventory = inventory;
    this.orders = orders;
    this.placement = placement;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** A new cart that belongs to the given user. */
  @Transactional
  public CartView create(String owner) {
    return view(carts.save(new Cart(UUID.randomUUID().toString(), owner, clock.instant())));
  }

  /** True when the user created the cart, or when there is no such cart (the caller then answers 404 anyway). */
  @Transactional(readOnly = true)
  public boolean unknownOrOwnedBy(String cartId, String username) {
    return carts.findById(cartId).map(cart -> username.equals(cart.owner())).orElse(true);
  }

  @Transactional(readOnly = true)
  public CartView get(String cartId) {
    return view(load(cartId));
  }

  @Transactional
  public CartView add(String cartId, String sku, int quantity) {
    if (catalog.bySku(List.of(sku)).isEmpty()) {
      throw new InvalidRequestException("sku", "unknown product '" + sku + "'");
    }
    Cart cart = load(cartId);
    cart.add(sku, quantity, clock.instant());
    return view(carts.saveAndFlush(cart));
  }

  @Transactional
  public CartView setQuantity(String cartId, String sku, int quantity) {
    Cart cart = load(cartId);
    cart.setQuantity(sku, quantity, clock.instant());
    return view(carts.saveAndFlush(cart));
  }

  @Transactional
  public CartView remove(String cartId, String sku) {
    Cart cart = load(cartId);
    cart.remove(sku, clock.instant());
    return view(carts.saveAndFlush(cart));
  }

  /**
   * Turns the cart into an order. The order and the cart's CHECKED_OUT mark commit together; a second checkout of the
   * same cart (a double click, a retry) gets 409 and creates nothing. The order's process starts after the commit.
   */
  public OrderSummary checkout(String cartId, Checkout checkout) {
    OrderService.Delivery delivery = checkout.delivery();
    OrderSummary order;
    try {
      order = tx.execute(status -> {
        Cart cart = load(cartId);
        cart.requireOpen();
        if (cart.lines().isEmpty()) {
          throw new InvalidRequestException("lines", "the cart is empty");
        }
        OrderSummary placed = orders.place(new OrderService.PlaceOrder(checkout.customer(), checkout.shippingAddress(),
            cart.lines().stream().map(l -> new OrderService.RequestedLine(l.sku(), l.quantity())).toList(),
            checkout.paymentMethod(), checkout.paymentReference(), delivery, checkout.marketingConsent(),
            checkout.language(), checkout.channel()));
        cart.checkedOut(placed.id(), clock.instant());
        carts.saveAndFlush(cart);
        return placed;
      });
    } catch (OptimisticLockingFailureException concurrentCheckout) {
      throw new ConflictException("Cart " + cartId + " is being checked out by another request");
    }
    placement.start(order);
    return orders.summary(order.id());
  }

  private Cart load(String cartId) {
    return carts.findWithLinesById(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId));
  }

  private CartView view(Cart cart) {
    List<String> skus = cart.lines().stream().map(CartLine::sku).toList();
    Map<String, Product> products = catalog.bySku(skus);
    Map<String, Integer> available = skus.isEmpty() ? Map.of() : inventory.stockOf(skus).stream()
        .collect(Collectors.groupingBy(Inventory.WarehouseStock::sku,
            Collectors.summingInt(Inventory.WarehouseStock::available)));
    List<CartLineView> lines = cart.lines().stream().map(l -> {
      Product p = products.get(l.sku());
      return new CartLineView(l.sku(), p.name(), p.variant(), l.quantity(), p.price(),
          p.price().multiply(BigDecimal.valueOf(l.quantity())), available.getOrDefault(l.sku(), 0));
    }).toList();
    BigDecimal subtotal = lines.stream().map(CartLineView::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    String currency = products.values().stream().findFirst().map(p -> p.currency().getCurrencyCode()).orElse(null);
    return new CartView(cart.id(), cart.status().name(), cart.orderId(), lines, subtotal.setScale(2), currency);
  }
}
