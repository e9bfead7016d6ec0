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
import java.util.Map;
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

  /** Where the order came from (analytics); follow-up orders (backorder, replacement) keep their original's. */
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrderChannel channel = OrderChannel.WEB_SHOP;

  @Column(name = "payment_reference")
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

  /** The language of the customer's e-mails (ISO 639-1). */
  @Column(name = "customer_language", nullable = false)
  private String language = OrderService.DEFAULT_LANGUAGE;

  @Column(name = "warehouse_id")
  private String warehouseId;

  @Column(name = "routing_reason")
  private String routingReason;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "cancellation_requested_at")
  private Instant cancellationRequestedAt;

  @Column(name = "cancellation_requested_by")
  private String cancellationRequestedBy;

  @Column(name = "shipping_cost")
  private BigDecimal shippingCost;

  @Column(name = "quote_valid_until")
  private Instant quoteValidUntil;

  @Column(name = "quote_accepted_at")
  private Instant quoteAcceptedAt;

  @Column(name = "backorder_decision")
  private String backorderDecision;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_status", nullable = false)
  private PaymentStatus paymentStatus = PaymentStatus.PENDING;

  @Column(name = "payment_detail")
  private String paymentDetail;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  /** The order this one replaces free of charge (a complaint's replacement shipment), or null. */
  @Column(name = "replacement_for_order_id")
  private String replacementForOrderId;

  @Column(name = "replacement_for_order_number")
  private String replacementForOrderNumber;

  /** The RMA whose outcome is this replacement; one replacement per RMA. */
  @Column(name = "replacement_rma")
  private String replacementRma;

  /** The order whose unavailable units this backorder order delivers, or null; one backorder order per order. */
  @Column(name = "backorder_for_order_id")
  private String backorderForOrderId;

  @Column(name = "backorder_for_order_number")
  private String backorderForOrderNumber;

  /** When arrived stock was reserved for this backorder order (it then stops waiting); null before. */
  @Column(name = "stock_allocated_at")
  private Instant stockAllocatedAt;

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

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("shipmentNo")
  private List<OrderShipment> shipments = new ArrayList<>();

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("occurredAt, id")
  private List<OrderMilestone> milestones = new ArrayList<>();

  protected CustomerOrder() {}

  CustomerOrder(String id, String orderNumber, OrderService.Customer customer, OrderService.Address address,
      Currency currency, String paymentMethod, String paymentReference, OrderService.Delivery delivery,
      boolean marketingConsent, Instant now) {
    this(id, orderNumber, customer, address, currency, paymentMethod, paymentReference, delivery, marketingConsent,
        OrderService.DEFAULT_LANGUAGE, now);
  }

  CustomerOrder(String id, String orderNumber, OrderService.Customer customer, OrderService.Address address,
      Currency currency, String paymentMethod, String paymentReference, OrderService.Delivery delivery,
      boolean marketingConsent, String language, Instant now) {
    if (!OrderService.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("Unsupported language '" + language + "'; supported: " + OrderService.LANGUAGES);
    }
    this.language = language;
    this.id = id;
    this.orderNumber = orderNumber;
    this.status = OrderStatus.PLACED;
    milestone(null, "ORDER_PLACED", null, now);
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

  /**
   * A free replacement of (some of) the original's items, decided by the RMA: the same customer, address, language,
   * currency, marketing consent and delivery (the original's delivery slot is over and dropped; a pickup point stays),
   * paid by nobody ({@code NO_CHARGE}). The lines are added at 0.00 afterwards.
   */
  static CustomerOrder replacementFor(CustomerOrder original, String id, String orderNumber, String rmaNumber,
      Instant now) {
    if (rmaNumber == null || rmaNumber.isBlank()) {
      throw new IllegalArgumentException("a replacement needs the RMA that decided it");
    }
    OrderService.Delivery d = original.delivery();
    OrderService.Delivery delivery = new OrderService.Delivery(d.method(), d.pickupPointId(), null, null, d.giftWrap(),
        d.giftMessage(), d.fragilePackaging(), d.instructions());
    CustomerOrder replacement = new CustomerOrder(id, orderNumber,
        new OrderService.Customer(original.customerName, original.customerEmail, original.customerPhone),
        original.address(), original.currency(), NO_CHARGE, null, delivery, original.marketingConsent,
        original.language, now);
    replacement.channel = original.channel;
    replacement.replacementForOrderId = original.id;
    replacement.replacementForOrderNumber = original.orderNumber;
    replacement.replacementRma = rmaNumber.strip();
    return replacement;
  }

  /**
   * The backorder order of an order whose customer chose to receive the available items now and wait for the rest: one
   * line per backordered SKU with the units no warehouse had, at the original unit prices; the same customer, address,
   * language, currency, marketing consent, delivery (the original's slot is dropped: it was for the first parcel) and
   * payment method with its reference (a card's payment-method id is authorized again for this order). It waits for
   * stock ({@link OrderStatus#AWAITING_STOCK}).
   *
   * @throws IllegalOrderStateException when the original's customer did not choose to backorder, or nothing of it is
   *     unavailable
   */
  static CustomerOrder backorderFor(CustomerOrder original, String id, String orderNumber, Instant now) {
    if (!BACKORDER.equals(original.backorderDecision) || !original.hasUnavailableLines()) {
      throw new IllegalOrderStateException(original.orderNumber, original.status,
          "given a backorder order (the customer did not choose to wait for unavailable items)");
    }
    OrderService.Delivery d = original.delivery();
    OrderService.Delivery delivery = new OrderService.Delivery(d.method(), d.pickupPointId(), null, null, d.giftWrap(),
        d.giftMessage(), d.fragilePackaging(), d.instructions());
    CustomerOrder backorder = new CustomerOrder(id, orderNumber,
        new OrderService.Customer(original.customerName, original.customerEmail, original.customerPhone),
        original.address(), original.currency(), original.paymentMethod, original.paymentReference, delivery,
        original.marketingConsent, original.language, now);
    backorder.channel = original.channel;
    backorder.backorderForOrderId = original.id;
    backorder.backorderForOrderNumber = original.orderNumber;
    for (OrderLine line : original.lines) {
      if (line.unavailableQuantity() > 0) {
        backorder.addLine(line.sku(), line.productName(), line.unavailableQuantity(), line.unitPrice());
      }
    }
    backorder.move(OrderStatus.AWAITING_STOCK, now);
    return backorder;
  }

  private static final String BACKORDER = "BACKORDER";

  /** The payment method of a replacement: nothing is charged. Equal to the payment process's method name. */
  static final String NO_CHARGE = io.orderflow.fulfillment.process.PaymentProcess.Methods.NO_CHARGE;

  /** False for a free replacement: its goods and shipping cost the customer nothing. */
  boolean chargesCustomer() {
    return !NO_CHARGE.equals(paymentMethod);
  }

  boolean isReplacement() {
    return replacementForOrderId != null;
  }

  /** A backorder order: the units of another order that the customer waits for. */
  boolean isBackorder() {
    return backorderForOrderId != null;
  }

  /**
   * Whether arrived stock may be reserved for this order now: a backorder order still waiting, nothing allocated yet,
   * and no cancellation asked for.
   */
  boolean awaitsStock() {
    return status == OrderStatus.AWAITING_STOCK && stockAllocatedAt == null && cancellationRequestedAt == null;
  }

  void addLine(String sku, String productName, int quantity, BigDecimal unitPrice) {
    if (!chargesCustomer() && unitPrice.signum() != 0) {
      throw new IllegalArgumentException("a free replacement's lines cost nothing, not " + unitPrice);
    }
    lines.add(new OrderLine(this, lines.size() + 1, sku, productName, quantity, unitPrice));
    totalAmount = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  void processStarted(long key) {
    this.processInstanceKey = key;
  }

  /**
   * The routing's plan is reserved: one planned shipment per warehouse, and per SKU the units no warehouse could give
   * (the customer decides about those). The first shipment's warehouse is the order's main warehouse.
   */
  void stockReserved(String routingReason, List<OrderService.PlannedParcel> parcels, Map<String, Integer> unavailable,
      Instant now) {
    if (status == OrderStatus.STOCK_RESERVED && !shipments.isEmpty()) {
      return;
    }
    require(Set.of(OrderStatus.PLACED, OrderStatus.AWAITING_STOCK), "reserved");
    if (parcels.isEmpty()) {
      throw new IllegalArgumentException("a reservation needs at least one shipment");
    }
    if (status == OrderStatus.AWAITING_STOCK) {
      if (unavailable.values().stream().anyMatch(units -> units > 0)) {
        throw new IllegalOrderStateException(orderNumber, status, "reserved in part (a backorder order waits for all of it)");
      }
      this.stockAllocatedAt = now;
    }
    for (OrderService.PlannedParcel parcel : parcels) {
      shipments.add(new OrderShipment(this, shipments.size() + 1, parcel.warehouseId(), parcel.distanceKm(),
          parcel.weightGrams()));
    }
    for (OrderLine line : lines) {
      line.unavailable(Math.min(line.quantity(), unavailable.getOrDefault(line.sku(), 0)));
    }
    this.warehouseId = parcels.get(0).warehouseId();
    this.routingReason = routingReason == null ? null : truncate(routingReason, 1000);
    move(OrderStatus.STOCK_RESERVED, now);
  }

  /** The customer chose to receive what is available now and wait for the rest. */
  void backorderUnavailable(Instant now) {
    if (BACKORDER.equals(backorderDecision)) {
      return;
    }
    require(Set.of(OrderStatus.STOCK_RESERVED), "split into a shipment now and a backorder");
    if (!hasUnavailableLines()) {
      throw new IllegalOrderStateException(orderNumber, status, "backordered (every line is available)");
    }
    this.backorderDecision = BACKORDER;
    this.updatedAt = now;
  }

  boolean hasUnavailableLines() {
    return lines.stream().anyMatch(l -> l.unavailableQuantity() > 0);
  }

  /** Each planned shipment gets its cost and transit time; the customer has until {@code validUntil} to accept. */
  void quoted(Map<Integer, OrderService.ShipmentQuote> quotes, Instant validUntil, Instant now) {
    if (status == OrderStatus.QUOTED && validUntil.equals(quoteValidUntil)) {
      return;
    }
    require(Set.of(OrderStatus.STOCK_RESERVED), "quoted");
    if (hasUnavailableLines() && backorderDecision == null) {
      throw new IllegalOrderStateException(orderNumber, status, "quoted before the customer decided about unavailable lines");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (OrderShipment shipment : shipments) {
      OrderService.ShipmentQuote quote = quotes.get(shipment.shipmentNo());
      if (quote == null) {
        throw new IllegalArgumentException("no quote for shipment " + shipment.shipmentNo());
      }
      // A free replacement, and the second parcel of a backordered order, ship at the shop's expense: the customer's
      // shipping cost is 0, the transit time stands. A backorder order's goods are still charged.
      BigDecimal cost = chargesCustomer() && !isBackorder() ? quote.cost() : BigDecimal.ZERO.setScale(2);
      shipment.quoted(cost, quote.transitDays());
      total = total.add(cost);
    }
    this.shippingCost = total.setScale(2, java.math.RoundingMode.HALF_UP);
    this.quoteValidUntil = validUntil;
    move(OrderStatus.QUOTED, now);
  }

  /**
   * The customer's acceptance reached the process before the expiry timer did (the process decides that race; the
   * API refuses acceptances after the validity end before they get there).
   */
  void acceptQuote(Instant now) {
    if (status == OrderStatus.QUOTE_ACCEPTED) {
      return;
    }
    require(Set.of(OrderStatus.QUOTED), "accepted (only a quoted order can be)");
    this.quoteAcceptedAt = now;
    move(OrderStatus.QUOTE_ACCEPTED, now);
  }

  /** The quote ran out without an answer. */
  void expire(Instant now) {
    if (status == OrderStatus.EXPIRED) {
      return;
    }
    require(Set.of(OrderStatus.QUOTED), "expired");
    move(OrderStatus.EXPIRED, now);
  }

  void paymentStatus(PaymentStatus paymentStatus, String detail, Instant now) {
    if (paymentStatus != this.paymentStatus) {
      milestone(null, "PAYMENT_" + paymentStatus.name(), detail, now);
    }
    this.paymentStatus = paymentStatus;
    this.paymentDetail = detail == null ? null : truncate(detail, 500);
    this.updatedAt = now;
  }

  /** The customer has been told the order is accepted; recorded once. */
  boolean acknowledge(Instant now) {
    if (acknowledgedAt != null) {
      return false;
    }
    require(Set.of(OrderStatus.PAYMENT_AUTHORIZED, OrderStatus.SHIPPED, OrderStatus.DELIVERED), "acknowledged");
    this.acknowledgedAt = now;
    milestone(null, "ORDER_ACKNOWLEDGED", null, now);
    this.updatedAt = now;
    return true;
  }

  void paymentAuthorized(Instant now) {
    if (status == OrderStatus.PAYMENT_AUTHORIZED) {
      return;
    }
    require(Set.of(OrderStatus.QUOTE_ACCEPTED), "marked paid");
    move(OrderStatus.PAYMENT_AUTHORIZED, now);
  }

  /**
   * One parcel is booked with the courier: its tracking number is known (the label can be printed). The order's
   * tracking number is the first parcel's. Repeating the call with the same tracking number changes nothing.
   */
  void shipmentBooked(int shipmentNo, String trackingNumber, Instant now) {
    OrderShipment known = shipments.stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst().orElse(null);
    if (known != null && trackingNumber.equals(known.trackingNumber())) {
      return;
    }
    require(Set.of(OrderStatus.PAYMENT_AUTHORIZED, OrderStatus.SHIPPED), "booked with the courier");
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.trackingNumber() != null) {
      throw new IllegalOrderStateException(orderNumber, status,
          "booked again: parcel " + shipmentNo + " already has tracking number " + shipment.trackingNumber());
    }
    if (!shipment.active()) {
      throw new IllegalOrderStateException(orderNumber, status, "booked: parcel " + shipmentNo + " is cancelled");
    }
    shipment.booked(trackingNumber, now);
    milestone(shipmentNo, "PARCEL_BOOKED", trackingNumber, now);
    if (this.trackingNumber == null || shipmentNo == 1) {
      this.trackingNumber = shipments.get(0).trackingNumber() != null ? shipments.get(0).trackingNumber() : trackingNumber;
    }
    this.updatedAt = now;
  }

  /**
   * The parcel is about to be handed over at the dock (its hand-over task is being completed): from now on it can no
   * longer be cancelled. Refused while its cancellation is under way.
   */
  void handOver(int shipmentNo, Instant now) {
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.cancellationRequestedAt() != null || !shipment.active()) {
      throw new io.orderflow.fulfillment.shared.ConflictException("Parcel " + shipmentNo + " of order " + orderNumber
          + " is being cancelled: it must not leave the warehouse; put it aside for restocking");
    }
    if (shipment.handedOverAt() == null) {
      shipment.handedOver(now);
      this.updatedAt = now;
    }
  }

  /**
   * One parcel is with the courier (handed over at the dock). The order counts as SHIPPED when every parcel not
   * cancelled is. Repeating the call changes nothing.
   */
  void shipmentShipped(int shipmentNo, Instant now) {
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.status() == OrderShipment.Status.SHIPPED || shipment.status() == OrderShipment.Status.DELIVERED) {
      return;
    }
    require(Set.of(OrderStatus.PAYMENT_AUTHORIZED), "shipped");
    if (shipment.trackingNumber() == null) {
      throw new IllegalOrderStateException(orderNumber, status, "shipped before parcel " + shipmentNo + " was booked");
    }
    if (!shipment.active()) {
      throw new IllegalOrderStateException(orderNumber, status, "shipped: parcel " + shipmentNo + " is cancelled");
    }
    shipment.shipped(now);
    milestone(shipmentNo, "PARCEL_HANDED_OVER", shipment.trackingNumber(), now);
    if (activeShipments().allMatch(s -> s.status() == OrderShipment.Status.SHIPPED)) {
      move(OrderStatus.SHIPPED, now);
    } else {
      this.updatedAt = now;
    }
  }

  /** A parcel booked and handed over in one go. */
  void shipmentShipped(int shipmentNo, String trackingNumber, Instant now) {
    shipmentBooked(shipmentNo, trackingNumber, now);
    handOver(shipmentNo, now);
    shipmentShipped(shipmentNo, now);
  }

  /** One parcel reached the customer; true when it was the last one not cancelled and the order is now DELIVERED. */
  boolean shipmentDelivered(int shipmentNo, Instant now) {
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.status() == OrderShipment.Status.PLANNED || shipment.status() == OrderShipment.Status.BOOKED
        || shipment.status() == OrderShipment.Status.CANCELLED) {
      throw new IllegalOrderStateException(orderNumber, status, "delivered before parcel " + shipmentNo + " was shipped");
    }
    if (shipment.status() != OrderShipment.Status.DELIVERED) {
      milestone(shipmentNo, "PARCEL_DELIVERED", shipment.trackingNumber(), now);
    }
    shipment.delivered();
    this.updatedAt = now;
    return activeShipments().allMatch(s -> s.status() == OrderShipment.Status.DELIVERED);
  }

  void delivered(Instant now) {
    if (status == OrderStatus.DELIVERED) {
      return;
    }
    require(Set.of(OrderStatus.SHIPPED), "delivered");
    activeShipments().forEach(OrderShipment::delivered);
    move(OrderStatus.DELIVERED, now);
  }

  /**
   * Asks for the order to be cancelled. Before the warehouse got the order (not acknowledged yet) the whole order is
   * cancelled; afterwards every parcel not handed over yet is. Refused once nothing is left to cancel: a delivered or
   * handed-over order is returned, not cancelled.
   *
   * @return the parcels to cancel (empty: the whole order, before fulfilment)
   */
  List<Integer> requestCancellation(String reason, String requestedBy, Instant now) {
    if (status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED) {
      throw new io.orderflow.fulfillment.shared.ConflictException("Order " + orderNumber + " is already "
          + status.name().toLowerCase(java.util.Locale.ROOT));
    }
    String why = reason == null || reason.isBlank() ? "Cancelled at the customer's request" : truncate(reason, 500);
    if (acknowledgedAt == null && status != OrderStatus.SHIPPED && status != OrderStatus.DELIVERED) {
      if (cancellationRequestedAt == null) {
        this.cancellationRequestedAt = now;
        this.cancellationRequestedBy = requestedBy;
        this.cancellationReason = why;
        this.updatedAt = now;
        milestone(null, "ORDER_CANCELLATION_REQUESTED", why, now);
      }
      return List.of();
    }
    List<OrderShipment> cancellable = shipments.stream().filter(OrderShipment::cancellable).toList();
    if (cancellable.isEmpty()) {
      throw new io.orderflow.fulfillment.shared.ConflictException("Order " + orderNumber + " is " + status
          + " and every parcel has been handed to the courier: it can no longer be cancelled, but it can be returned",
          Map.of("returns", "/api/orders/" + id + "/returns"));
    }
    if (cancellationRequestedAt == null) {
      this.cancellationRequestedAt = now;
      this.cancellationRequestedBy = requestedBy;
    }
    cancellable.stream().filter(s -> s.cancellationRequestedAt() == null)
        .forEach(s -> milestone(s.shipmentNo(), "CANCELLATION_REQUESTED", why, now));
    cancellable.forEach(s -> s.cancellationRequested(why, now));
    this.updatedAt = now;
    return cancellable.stream().map(OrderShipment::shipmentNo).toList();
  }

  /**
   * One parcel was cancelled and its effects undone.
   *
   * @return true when no parcel of the order is left (every one cancelled)
   */
  boolean shipmentCancelled(int shipmentNo, Instant now) {
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.status() == OrderShipment.Status.SHIPPED || shipment.status() == OrderShipment.Status.DELIVERED) {
      throw new IllegalOrderStateException(orderNumber, status, "cancelled: parcel " + shipmentNo + " was handed over");
    }
    if (shipment.status() != OrderShipment.Status.CANCELLED) {
      milestone(shipmentNo, "PARCEL_CANCELLED", shipment.cancellationReason(), now);
    }
    shipment.cancelled(now);
    if (activeShipments().findAny().isPresent()
        && activeShipments().allMatch(s -> s.status() == OrderShipment.Status.SHIPPED)
        && status == OrderStatus.PAYMENT_AUTHORIZED) {
      move(OrderStatus.SHIPPED, now);
    } else {
      this.updatedAt = now;
    }
    return activeShipments().findAny().isEmpty();
  }

  /**
   * A shipped parcel came back to us undelivered (returned to sender). The shipped order is delivered once every
   * parcel still on its way is.
   */
  void shipmentReturned(int shipmentNo, Instant now) {
    OrderShipment shipment = shipment(shipmentNo);
    if (shipment.status() == OrderShipment.Status.RETURNED) {
      return;
    }
    if (shipment.status() != OrderShipment.Status.SHIPPED) {
      throw new IllegalOrderStateException(orderNumber, status, "sent back: parcel " + shipmentNo + " is "
          + shipment.status() + ", not on its way");
    }
    shipment.returned();
    milestone(shipmentNo, "PARCEL_RETURNED", shipment.trackingNumber(), now);
    this.updatedAt = now;
  }

  private java.util.stream.Stream<OrderShipment> activeShipments() {
    return shipments.stream().filter(OrderShipment::active);
  }

  void shipmentInvoiced(int shipmentNo, String invoiceNumber, Instant now) {
    shipment(shipmentNo).invoiced(invoiceNumber);
    this.updatedAt = now;
  }

  private OrderShipment shipment(int shipmentNo) {
    return shipments.stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst()
        .orElseThrow(() -> new io.orderflow.fulfillment.shared.NotFoundException("Shipment", orderNumber + "/" + shipmentNo));
  }

  void cancel(String reason, Instant now) {
    if (status == OrderStatus.CANCELLED) {
      return;
    }
    boolean nothingReachedTheCustomer = status == OrderStatus.SHIPPED && activeShipments().findAny().isEmpty()
        && shipments.stream().noneMatch(s -> s.status() == OrderShipment.Status.DELIVERED);
    if (!nothingReachedTheCustomer) {
      require(Set.of(OrderStatus.PLACED, OrderStatus.AWAITING_STOCK, OrderStatus.STOCK_RESERVED, OrderStatus.QUOTED,
          OrderStatus.QUOTE_ACCEPTED, OrderStatus.PAYMENT_AUTHORIZED), "cancelled");
    }
    if (reason != null && !reason.isBlank()) {
      this.cancellationReason = truncate(reason, 500);
    } else if (this.cancellationReason == null) {
      this.cancellationReason = "Cancelled";
    }
    move(OrderStatus.CANCELLED, now);
  }

  private void require(Set<OrderStatus> allowed, String attempted) {
    if (!allowed.contains(status)) {
      throw new IllegalOrderStateException(orderNumber, status, attempted);
    }
  }

  private void move(OrderStatus to, Instant now) {
    if (to != status && to != OrderStatus.PLACED) {
      milestone(null, "ORDER_" + to.name(), to == OrderStatus.CANCELLED ? cancellationReason : null, now);
    }
    this.status = to;
    this.updatedAt = now;
  }

  /** Records what happened (a repeated call of a transition returns before it gets here). */
  private void milestone(Integer shipmentNo, String what, String detail, Instant now) {
    milestones.add(new OrderMilestone(this, shipmentNo, what, detail, now));
  }

  /**
   * The courier reported on a parcel: its history gets the event with the place, and the latest ETA is kept. Events
   * arrive once (the courier inbox drops repeats).
   */
  void courierReported(int shipmentNo, String eventType, String location, Instant occurredAt, Instant eta) {
    OrderShipment shipment = shipment(shipmentNo);
    if (eta != null) {
      shipment.estimatedDelivery(eta);
    }
    milestone(shipmentNo, "COURIER_" + eventType, location, occurredAt);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  List<OrderMilestone> milestones() { return Collections.unmodifiableList(milestones); }
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
  String language() { return language; }
  String trackingNumber() { return trackingNumber; }
  String routingReason() { return routingReason; }
  String cancellationReason() { return cancellationReason; }
  Long processInstanceKey() { return processInstanceKey; }
  Instant placedAt() { return placedAt; }
  Instant updatedAt() { return updatedAt; }
  List<OrderLine> lines() { return Collections.unmodifiableList(lines); }
  List<OrderShipment> shipments() { return Collections.unmodifiableList(shipments); }
  BigDecimal shippingCost() { return shippingCost; }
  Instant quoteValidUntil() { return quoteValidUntil; }
  Instant quoteAcceptedAt() { return quoteAcceptedAt; }
  String backorderDecision() { return backorderDecision; }
  OrderChannel channel() { return channel; }

  /** The channel the order came from; set when it is placed, before it is stored. */
  void cameThrough(OrderChannel channel) {
    if (channel == null) {
      throw new IllegalArgumentException("an order comes through a channel");
    }
    this.channel = channel;
  }
  PaymentStatus paymentStatus() { return paymentStatus; }
  String paymentDetail() { return paymentDetail; }
  Instant acknowledgedAt() { return acknowledgedAt; }
  String replacementForOrderId() { return replacementForOrderId; }
  String replacementForOrderNumber() { return replacementForOrderNumber; }
  String replacementRma() { return replacementRma; }
  String backorderForOrderId() { return backorderForOrderId; }
  String backorderForOrderNumber() { return backorderForOrderNumber; }
  Instant stockAllocatedAt() { return stockAllocatedAt; }

  /** What the customer pays now: the goods that ship (unavailable units excluded) plus the accepted shipping cost. */
  BigDecimal amountDue() {
    BigDecimal goods = lines.stream().map(OrderLine::shippableTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    return goods.add(shippingCost == null ? BigDecimal.ZERO : shippingCost).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
