package io.orderflow.fulfillment.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The order aggregate. It owns its status: each transition checks where the order stands, refuses an illegal move
 * and accepts the same move twice (a job may be delivered again).
 */
@Entity
@Table(name = "customer_order")
class CustomerOrder {

  @Id
  private String id;

  @Column(name = "order_number", nullable = false, unique = true)
  private String orderNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(name = "customer_name", nullable = false)
  private String customerName;

  @Column(name = "customer_email", nullable = false)
  private String customerEmail;

  @Column(name = "customer_phone")
  private String customerPhone;

  @Column(name = "ship_street", nullable = false)
  private String street;

  @Column(name = "ship_postal_code", nullable = false)
  private String postalCode;

  @Column(name = "ship_city", nullable = false)
  private String city;

  @Column(name = "ship_country", nullable = false)
  private String country;

  @Column(nullable = false)
  private String currency;

  @Column(name = "total_amount", nullable = false)
  private BigDecimal totalAmount;

  @Column(name = "payment_method", nullable = false)
  private String paymentMethod;

  @Column(name = "payment_reference", nullable = false)
  private String paymentReference;

  @Enumerated(EnumType.STRING)
  @Column(name = "delivery_method", nullable = false)
  private DeliveryMethod deliveryMethod;

  @Column(name = "pickup_point_id")
  private String pickupPointId;

  @Column(name = "delivery_date")
  private LocalDate deliveryDate;

  @Column(name = "delivery_window")
  private String deliveryWindow;

  @Column(name = "gift_wrap", nullable = false)
  private boolean giftWrap;

  @Column(name = "gift_message")
  private String giftMessage;

  @Column(name = "fragile_packaging", nullable = false)
  private boolean fragilePackaging;

  @Column(name = "delivery_instructions")
  private String deliveryInstructions;

  @Column(name = "marketing_consent", nullable = false)
  private boolean marketingConsent;

  @Column(name = "warehouse_id")
  private String warehouseId;

  @Column(name = "routing_reason")
  private String routingReason;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private int version;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<OrderLine> lines = new ArrayList<>();

  protected CustomerOrder() {}

  CustomerOrder(String id, String orderNumber, OrderService.Customer customer, OrderService.Address address,
      Currency currency, String paymentMethod, String paymentReference, OrderService.Delivery delivery,
      boolean marketingConsent, Instant now) {
    this.id = id;
    this.orderNumber = orderNumber;
    this.status = OrderStatus.PLACED;
    this.customerName = customer.name();
    this.customerEmail = customer.email();
    this.customerPhone = customer.phone();
    this.street = address.street();
    this.postalCode = address.postalCode();
    this.city = address.city();
    this.country = address.country();
    this.currency = currency.getCurrencyCode();
    this.totalAmount = BigDecimal.ZERO.setScale(2);
    this.paymentMethod = paymentMethod;
    this.paymentReference = paymentReference;
    this.deliveryMethod = delivery.method();
    this.pickupPointId = delivery.pickupPointId();
    this.deliveryDate = delivery.slotDate();
    this.deliveryWindow = delivery.slotWindow();
    this.giftWrap = delivery.giftWrap();
    this.giftMessage = delivery.giftMessage();
    this.fragilePackaging = delivery.fragilePackaging();
    this.deliveryInstructions = delivery.instructions();
    this.marketingConsent = marketingConsent;
    this.placedAt = now;
    this.updatedAt = now;
  }

  void addLine(String sku, String productName, int quantity, BigDecimal unitPrice) {
    lines.add(new OrderLine(this, lines.size() + 1, sku, productName, quantity, unitPrice));
    totalAmount = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  void processStarted(long key) {
    this.processInstanceKey = key;
  }

  void stockReserved(String warehouseId, String routingReason, Instant now) {
    if (status == OrderStatus.STOCK_RESERVED && warehouseId.equals(this.warehouseId)) {
      return;
    }
    require(Set.of(OrderStatus.PLACED), "reserved");
    this.warehouseId = warehouseId;
    this.routingReason = routingReason == null ? null : truncate(routingReason, 1000);
    move(OrderStatus.STOCK_RESERVED, now);
  }

  void paymentAuthorized(Instant now) {
    if (status == OrderStatus.PAYMENT_AUTHORIZED) {
      return;
    }
    require(Set.of(OrderStatus.STOCK_RESERVED), "marked paid");
    move(OrderStatus.PAYMENT_AUTHORIZED, now);
  }

  void shipped(String trackingNumber, Instant now) {
    if (status == OrderStatus.SHIPPED && trackingNumber.equals(this.trackingNumber)) {
      return;
    }
    require(Set.of(OrderStatus.PAYMENT_AUTHORIZED), "shipped");
    this.trackingNumber = trackingNumber;
    move(OrderStatus.SHIPPED, now);
  }

  void delivered(Instant now) {
    if (status == OrderStatus.DELIVERED) {
      return;
    }
    require(Set.of(OrderStatus.SHIPPED), "delivered");
    move(OrderStatus.DELIVERED, now);
  }

  void cancel(String reason, Instant now) {
    if (status == OrderStatus.CANCELLED) {
      return;
    }
    require(Set.of(OrderStatus.PLACED, OrderStatus.STOCK_RESERVED, OrderStatus.PAYMENT_AUTHORIZED), "cancelled");
    this.cancellationReason = reason == null || reason.isBlank() ? "Cancelled" : truncate(reason, 500);
    move(OrderStatus.CANCELLED, now);
  }

  private void require(Set<OrderStatus> allowed, String attempted) {
    if (!allowed.contains(status)) {
      throw new IllegalOrderStateException(orderNumber, status, attempted);
    }
  }

  private void move(OrderStatus to, Instant now) {
    this.status = to;
    this.updatedAt = now;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  String id() { return id; }
  String orderNumber() { return orderNumber; }
  OrderStatus status() { return status; }
  String customerName() { return customerName; }
  String customerEmail() { return customerEmail; }
  String customerPhone() { return customerPhone; }
  OrderService.Address address() { return new OrderService.Address(street, postalCode, city, country); }
  Currency currency() { return Currency.getInstance(currency); }
  BigDecimal totalAmount() { return totalAmount; }
  String paymentMethod() { return paymentMethod; }
  String paymentReference() { return paymentReference; }
  String warehouseId() { return warehouseId; }
  OrderService.Delivery delivery() {
    return new OrderService.Delivery(deliveryMethod, pickupPointId, deliveryDate, deliveryWindow, giftWrap, giftMessage,
        fragilePackaging, deliveryInstructions);
  }
  boolean marketingConsent() { return marketingConsent; }
  String trackingNumber() { return trackingNumber; }
  String routingReason() { return routingReason; }
  String cancellationReason() { return cancellationReason; }
  Long processInstanceKey() { return processInstanceKey; }
  Instant placedAt() { return placedAt; }
  Instant updatedAt() { return updatedAt; }
  List<OrderLine> lines() { return Collections.unmodifiableList(lines); }
}
