package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders: placing them, reading them, and the status transitions the process steps report. */
@Service
@Transactional
public class OrderService {

  public record Customer(String name, String email, String phone) {}

  public record Address(String street, String postalCode, String city, String country) {}

  public record RequestedLine(String sku, int quantity) {}

  /** What the customer chose for the delivery at checkout. */
  public record Delivery(DeliveryMethod method, String pickupPointId, LocalDate slotDate, String slotWindow,
      boolean giftWrap, String giftMessage, boolean fragilePackaging, String instructions) {

    public static Delivery standard() {
      return new Delivery(DeliveryMethod.STANDARD, null, null, null, false, null, false, null);
    }
  }

  /** The languages the customer's e-mails are written in (ISO 639-1); {@link #DEFAULT_LANGUAGE} unless chosen. */
  public static final List<String> LANGUAGES = List.of("en", "es", "pl", "bg");

  public static final String DEFAULT_LANGUAGE = "en";

  /**
   * @param language one of {@link #LANGUAGES}, or null for {@link #DEFAULT_LANGUAGE}
   * @param channel where the customer came from, or null for {@link OrderChannel#WEB_SHOP}; {@link OrderChannel#CAMPAIGN}
   *     only through {@link #placeFromOffer}
   */
  public record PlaceOrder(Customer customer, Address shippingAddress, List<RequestedLine> lines, String paymentMethod,
      String paymentReference, Delivery delivery, boolean marketingConsent, String language, OrderChannel channel) {

    /** An order through the web shop. */
    public PlaceOrder(Customer customer, Address shippingAddress, List<RequestedLine> lines, String paymentMethod,
        String paymentReference, Delivery delivery, boolean marketingConsent, String language) {
      this(customer, shippingAddress, lines, paymentMethod, paymentReference, delivery, marketingConsent, language, null);
    }

    /** An order in the default language. */
    public PlaceOrder(Customer customer, Address shippingAddress, List<RequestedLine> lines, String paymentMethod,
        String paymentReference, Delivery delivery, boolean marketingConsent) {
      this(customer, shippingAddress, lines, paymentMethod, paymentReference, delivery, marketingConsent, null);
    }

    /** An order placed directly (not from a cart): standard delivery, no marketing consent. */
    public PlaceOrder(Customer customer, Address shippingAddress, List<RequestedLine> lines, String paymentMethod,
        String paymentReference) {
      this(customer, shippingAddress, lines, paymentMethod, paymentReference, Delivery.standard(), false);
    }
  }

  public record LineSummary(int lineNo, String sku, String productName, int quantity, BigDecimal unitPrice,
      BigDecimal lineTotal, int unavailableQuantity) {

    public int shippableQuantity() {
      return quantity - unavailableQuantity;
    }
  }

  /** A parcel the routing planned: its warehouse, distance to the customer and weight. */
  public record PlannedParcel(String warehouseId, BigDecimal distanceKm, int weightGrams) {}

  /** The shipping quote of one parcel (from the shipping-quote decision). */
  public record ShipmentQuote(BigDecimal cost, int transitDays) {}

  /**
   * A parcel of the order: PLANNED, BOOKED (tracking number known), SHIPPED (handed over), DELIVERED or CANCELLED,
   * with when it was handed over and, if asked for, when and why its cancellation was.
   */
  public record ShipmentSummary(int shipmentNo, String warehouseId, BigDecimal distanceKm, int weightGrams,
      BigDecimal shippingCost, Integer transitDays, String status, String trackingNumber, String invoiceNumber,
      Instant handedOverAt, Instant cancellationRequestedAt, String cancellationReason, Instant cancelledAt,
      Instant estimatedDelivery) {

    public ShipmentSummary(int shipmentNo, String warehouseId, BigDecimal distanceKm, int weightGrams,
        BigDecimal shippingCost, Integer transitDays, String status, String trackingNumber) {
      this(shipmentNo, warehouseId, distanceKm, weightGrams, shippingCost, transitDays, status, trackingNumber, null);
    }

    /** A parcel that was neither handed over nor asked to be cancelled. */
    public ShipmentSummary(int shipmentNo, String warehouseId, BigDecimal distanceKm, int weightGrams,
        BigDecimal shippingCost, Integer transitDays, String status, String trackingNumber, String invoiceNumber) {
      this(shipmentNo, warehouseId, distanceKm, weightGrams, shippingCost, transitDays, status, trackingNumber,
          invoiceNumber, null, null, null, null, null);
    }

    public boolean cancelled() {
      return "CANCELLED".equals(status);
    }
  }

  /** One entry of the order's history: what happened (to which parcel, if to one), when, with a detail. */
  public record Milestone(Instant at, String milestone, Integer shipmentNo, String detail) {}

  /** What a cancellation request leads to: the whole order (before fulfilment) or these parcels. */
  public record CancellationPlan(String orderId, String orderNumber, boolean wholeOrder, List<Integer> shipmentNos,
      String reason) {}

  /** What a free replacement order replaces: the original order (id and number) and the RMA that decided it. */
  public record ReplacementFor(String orderId, String orderNumber, String rmaNumber) {}

  /** A replacement order placed for an order: its id, number, the RMA and where it stands. */
  public record ReplacementOrder(String orderId, String orderNumber, String rmaNumber, OrderStatus status,
      Instant placedAt) {}

  /** What a backorder order completes: the order (id and number) whose unavailable units it delivers. */
  public record BackorderFor(String orderId, String orderNumber) {}

  /** The backorder order placed for an order: its id, number and where it stands. */
  public record BackorderOrder(String orderId, String orderNumber, OrderStatus status) {}

  /**
   * A backorder order waiting for stock, with the time its original order was placed (the customer has waited since
   * then; the oldest is served first).
   */
  public record WaitingBackorder(String orderId, String orderNumber, Instant originalPlacedAt) {}

  /** The quote as the customer sees it. */
  public record QuoteSummary(BigDecimal shippingCost, BigDecimal amountDue, Instant validUntil, Instant acceptedAt) {}

  public record OrderSummary(String id, String orderNumber, OrderStatus status, Customer customer, Address shippingAddress,
      Currency currency, BigDecimal totalAmount, String paymentMethod, String paymentReference, String warehouseId,
      String trackingNumber, String cancellationReason, Long processInstanceKey, Instant placedAt, Instant updatedAt,
      List<LineSummary> lines, Delivery delivery, boolean marketingConsent, String routingReason,
      List<ShipmentSummary> shipments, QuoteSummary quote, String backorderDecision, PaymentStatus paymentStatus,
      String paymentDetail, Instant acknowledgedAt, String language, ReplacementFor replacementFor,
      BackorderFor backorderFor, OrderChannel channel) {

    /** An order through the web shop. */
    public OrderSummary(String id, String orderNumber, OrderStatus status, Customer customer, Address shippingAddress,
        Currency currency, BigDecimal totalAmount, String paymentMethod, String paymentReference, String warehouseId,
        String trackingNumber, String cancellationReason, Long processInstanceKey, Instant placedAt,
        Instant updatedAt, List<LineSummary> lines, Delivery delivery, boolean marketingConsent, String routingReason,
        List<ShipmentSummary> shipments, QuoteSummary quote, String backorderDecision, PaymentStatus paymentStatus,
        String paymentDetail, Instant acknowledgedAt, String language, ReplacementFor replacementFor,
        BackorderFor backorderFor) {
      this(id, orderNumber, status, customer, shippingAddress, currency, totalAmount, paymentMethod, paymentReference,
          warehouseId, trackingNumber, cancellationReason, processInstanceKey, placedAt, updatedAt, lines, delivery,
          marketingConsent, routingReason, shipments, quote, backorderDecision, paymentStatus, paymentDetail,
          acknowledgedAt, language, replacementFor, backorderFor, OrderChannel.WEB_SHOP);
    }

    /** An order that is no backorder order. */
    public OrderSummary(String id, String orderNumber, OrderStatus status, Customer customer, Address shippingAddress,
        Currency currency, BigDecimal totalAmount, String paymentMethod, String paymentReference, String warehouseId,
        String trackingNumber, String cancellationReason, Long processInstanceKey, Instant placedAt,
        Instant updatedAt, List<LineSummary> lines, Delivery delivery, boolean marketingConsent, String routingReason,
        List<ShipmentSummary> shipments, QuoteSummary quote, String backorderDecision, PaymentStatus paymentStatus,
        String paymentDetail, Instant acknowledgedAt, String language, ReplacementFor replacementFor) {
      this(id, orderNumber, status, customer, shippingAddress, currency, totalAmount, paymentMethod, paymentReference,
          warehouseId, trackingNumber, cancellationReason, processInstanceKey, placedAt, updatedAt, lines, delivery,
          marketingConsent, routingReason, shipments, quote, backorderDecision, paymentStatus, paymentDetail,
          acknowledgedAt, language, replacementFor, null);
    }

    /** An order that replaces none. */
    public OrderSummary(String id, String orderNumber, OrderStatus status, Customer customer, Address shippingAddress,
        Currency currency, BigDecimal totalAmount, String paymentMethod, String paymentReference, String warehouseId,
        String trackingNumber, String cancellationReason, Long processInstanceKey, Instant placedAt,
        Instant updatedAt, List<LineSummary> lines, Delivery delivery, boolean marketingConsent, String routingReason,
        List<ShipmentSummary> shipments, QuoteSummary quote, String backorderDecision, PaymentStatus paymentStatus,
        String paymentDetail, Instant acknowledgedAt, String language) {
      this(id, orderNumber, status, customer, shippingAddress, currency, totalAmount, paymentMethod, paymentReference,
          warehouseId, trackingNumber, cancellationReason, processInstanceKey, placedAt, updatedAt, lines, delivery,
          marketingConsent, routingReason, shipments, quote, backorderDecision, paymentStatus, paymentDetail,
          acknowledgedAt, language, null);
    }

    /** An order in the default language. */
    public OrderSummary(String id, String orderNumber, OrderStatus status, Customer customer, Address shippingAddress,
        Currency currency, BigDecimal totalAmount, String paymentMethod, String paymentReference, String warehouseId,
        String trackingNumber, String cancellationReason, Long processInstanceKey, Instant placedAt,
        Instant updatedAt, List<LineSummary> lines, Delivery delivery, boolean marketingConsent, String routingReason,
        List<ShipmentSummary> shipments, QuoteSummary quote, String backorderDecision, PaymentStatus paymentStatus,
        String paymentDetail, Instant acknowledgedAt) {
      this(id, orderNumber, status, customer, shippingAddress, currency, totalAmount, paymentMethod, paymentReference,
          warehouseId, trackingNumber, cancellationReason, processInstanceKey, placedAt, updatedAt, lines, delivery,
          marketingConsent, routingReason, shipments, quote, backorderDecision, paymentStatus, paymentDetail,
          acknowledgedAt, DEFAULT_LANGUAGE);
    }

    public String deliveryCountry() {
      return shippingAddress.country();
    }

    /** What the customer pays: shippable goods plus shipping. */
    public BigDecimal amountDue() {
      return quote.amountDue();
    }

    public boolean hasUnavailableLines() {
      return lines.stream().anyMatch(l -> l.unavailableQuantity() > 0);
    }

    /** False for a free replacement (payment method NO_CHARGE): the process does not wait for a quote acceptance. */
    public boolean chargeCustomer() {
      return !CustomerOrder.NO_CHARGE.equals(paymentMethod);
    }

    /** A free replacement shipment for another order (see {@link #replacementFor()}). */
    public boolean isReplacement() {
      return replacementFor != null;
    }

    /**
     * A backorder order: the units of another order the customer waits for (see {@link #backorderFor()}). Its process
     * waits for the stock first and does not wait for a quote acceptance; its shipping is free, its goods are charged.
     */
    public boolean isBackorder() {
      return backorderFor != null;
    }
  }

  /**
   * One purchase as customer analytics counts it: an order that is not cancelled, not a free replacement and not a
   * backorder order (its goods belong to the original's purchase), with its goods total and units per SKU.
   */
  public record Purchase(String orderId, String customerEmail, Instant placedAt, BigDecimal totalAmount,
      Currency currency, boolean marketingConsent, OrderChannel channel, Map<String, Integer> quantities) {}

  /** The purchases (see {@link Purchase}) placed at or after the instant, oldest first. */
  @Transactional(readOnly = true)
  public List<Purchase> purchasesSince(Instant since) {
    return orders.findByPlacedAtGreaterThanEqualOrderByPlacedAt(since).stream()
        .filter(o -> o.status() != OrderStatus.CANCELLED && o.chargesCustomer() && !o.isBackorder())
        .map(o -> {
          Map<String, Integer> quantities = new java.util.TreeMap<>();
          o.lines().forEach(l -> quantities.merge(l.sku(), l.quantity(), Integer::sum));
          return new Purchase(o.id(), o.customerEmail(), o.placedAt(), o.totalAmount(), o.currency(),
              o.marketingConsent(), o.channel(), Map.copyOf(quantities));
        }).toList();
  }

  private static final char[] ORDER_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private final OrderRepository orders;
  private final Catalog catalog;
  private final Geocoder geocoder;
  private final DeliveryOptions deliveryOptions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OrderService(OrderRepository orders, Catalog catalog, Geocoder geocoder, DeliveryOptions deliveryOptions, Clock clock) {
    this.orders = orders;
    this.catalog = catalog;
    this.geocoder = geocoder;
    this.deliveryOptions = deliveryOptions;
    this.clock = clock;
  }

  /**
   * Validates the lines against the catalogue, prices them and stores the order as PLACED. The channel is one the
   * customer came through on their own (default {@link OrderChannel#WEB_SHOP}); a campaign order is refused here, it
   * comes from its accepted offer ({@link #placeFromOffer}).
   */
  public OrderSummary place(PlaceOrder command) {
    OrderChannel channel = command.channel() == null ? OrderChannel.WEB_SHOP : command.channel();
    if (!channel.customerInitiated()) {
      throw new InvalidRequestException("channel", "campaign orders come from an accepted offer");
    }
    return place(command, Map.of(), channel);
  }

  /**
   * Places the order of an accepted campaign offer: like {@link #place}, but each SKU listed in {@code unitPrices} is
   * charged at that price (the offer's) instead of the catalogue's, and the order records the given channel (normally
   * {@link OrderChannel#CAMPAIGN}). The caller (the campaign module) starts the process with
   * {@link OrderPlacement#start}. A negative price is refused (400 on {@code unitPrices.<sku>}).
   */
  public OrderSummary placeFromOffer(PlaceOrder command, Map<String, BigDecimal> unitPrices, OrderChannel channel) {
    if (channel == null) {
      throw new InvalidRequestException("channel", "is required");
    }
    return place(command, unitPrices == null ? Map.of() : unitPrices, channel);
  }

  private OrderSummary place(PlaceOrder command, Map<String, BigDecimal> unitPrices, OrderChannel channel) {
    if (command.lines() == null || command.lines().isEmpty()) {
      throw new InvalidRequestException("lines", "an order needs at least one line");
    }
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Product> products = catalog.bySku(command.lines().stream().map(RequestedLine::sku).toList());
    Set<String> seen = new HashSet<>();
    Currency currency = null;
    for (int i = 0; i < command.lines().size(); i++) {
      RequestedLine line = command.lines().get(i);
      Product product = products.get(line.sku());
      if (product == null) {
        problems.add(new FieldProblem("lines[" + i + "].sku", "unknown product '" + line.sku() + "'"));
        continue;
      }
      if (!seen.add(line.sku())) {
        problems.add(new FieldProblem("lines[" + i + "].sku", "'" + line.sku() + "' appears twice; order it once with the total quantity"));
      }
      if (currency == null) {
        currency = product.currency();
      } else if (!currency.equals(product.currency())) {
        problems.add(new FieldProblem("lines[" + i + "].sku", "priced in " + product.currency() + ", the order is in " + currency));
      }
    }
    try {
      // The delivery address must be one the routing can place on the map.
      geocoder.locate(command.shippingAddress().country(), command.shippingAddress().postalCode());
    } catch (InvalidRequestException unknownArea) {
      problems.addAll(unknownArea.problems());
    }
    Delivery delivery = command.delivery() == null ? Delivery.standard() : command.delivery();
    problems.addAll(deliveryProblems(delivery));
    if (CustomerOrder.NO_CHARGE.equals(command.paymentMethod())) {
      problems.add(new FieldProblem("payment.method", "NO_CHARGE is for replacement shipments only"));
    }
    String language = command.language() == null ? DEFAULT_LANGUAGE : command.language();
    if (!LANGUAGES.contains(language)) {
      problems.add(new FieldProblem("language", "must be one of " + String.join(", ", LANGUAGES)));
    }
    unitPrices.forEach((sku, price) -> {
      if (price == null || price.signum() < 0) {
        problems.add(new FieldProblem("unitPrices." + sku, "must be zero or more"));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Instant now = clock.instant();
    CustomerOrder order = new CustomerOrder(UUID.randomUUID().toString(), newOrderNumber(), command.customer(),
        command.shippingAddress(), currency, command.paymentMethod(), command.paymentReference(),
        delivery, command.marketingConsent(), language, now);
    order.cameThrough(channel);
    for (RequestedLine line : command.lines()) {
      Product p = products.get(line.sku());
      BigDecimal price = unitPrices.getOrDefault(p.sku(), p.price());
      order.addLine(p.sku(), p.displayName(), line.quantity(), price.setScale(p.price().scale(), java.math.RoundingMode.HALF_UP));
    }
    return summaryOf(orders.saveAndFlush(order));
  }

  /**
   * Places the free replacement the RMA decided: a new order of the original's customer, address, language, delivery
   * method and marketing consent, with the given SKUs and quantities at 0.00, paid by nobody ({@code NO_CHARGE}) and
   * linked to the original and the RMA. Once per RMA: when the RMA has its replacement already, that one is returned
   * (refused with 409 if it replaces another order).
   *
   * @throws NotFoundException when the original order does not exist
   * @throws InvalidRequestException when a line is not a SKU of the original order, repeats one, or asks for more
   *     units than the original shipped
   */
  public OrderSummary placeReplacement(String originalOrderId, String rmaNumber, List<RequestedLine> lines) {
    if (rmaNumber == null || rmaNumber.isBlank()) {
      throw new InvalidRequestException("rmaNumber", "is required: the RMA that decided the replacement");
    }
    if (rmaNumber.strip().length() > 40) {
      throw new InvalidRequestException("rmaNumber", "must be at most 40 characters");
    }
    java.util.Optional<CustomerOrder> known = orders.findByReplacementRma(rmaNumber.strip());
    if (known.isPresent()) {
      return sameReplacement(known.get(), originalOrderId);
    }
    CustomerOrder original = load(originalOrderId);
    List<FieldProblem> problems = replacementLineProblems(original, lines);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    CustomerOrder replacement = CustomerOrder.replacementFor(original, UUID.randomUUID().toString(), newOrderNumber(),
        rmaNumber, clock.instant());
    Map<String, OrderLine> originalLines = new java.util.HashMap<>();
    original.lines().forEach(l -> originalLines.put(l.sku(), l));
    for (RequestedLine line : lines) {
      replacement.addLine(line.sku(), originalLines.get(line.sku()).productName(), line.quantity(),
          BigDecimal.ZERO.setScale(2));
    }
    return summaryOf(orders.saveAndFlush(replacement));
  }

  /** The replacement the RMA has already: the same one again, unless it replaces another order. */
  private static OrderSummary sameReplacement(CustomerOrder known, String originalOrderId) {
    if (!known.replacementForOrderId().equals(originalOrderId)) {
      throw new io.orderflow.fulfillment.shared.ConflictException("RMA " + known.replacementRma()
          + " already has replacement order " + known.orderNumber() + " for order " + known.replacementForOrderNumber());
    }
    return summaryOf(known);
  }

  /** The replacement that an RMA has, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<OrderSummary> replacementByRma(String rmaNumber) {
    return rmaNumber == null ? java.util.Optional.empty()
        : orders.findByReplacementRma(rmaNumber.strip()).map(OrderService::summaryOf);
  }

  /** The replacement orders placed for the order, oldest first. */
  @Transactional(readOnly = true)
  public List<ReplacementOrder> replacementsOf(String orderId) {
    return orders.findByReplacementForOrderIdOrderByPlacedAt(orderId).stream()
        .map(o -> new ReplacementOrder(o.id(), o.orderNumber(), o.replacementRma(), o.status(), o.placedAt()))
        .toList();
  }

  /**
   * Places the backorder order of an order whose customer chose to receive the available items now and wait for the
   * rest: a new order of the unavailable units at their original prices, for the same customer, address, delivery,
   * language, consent and payment method, waiting for stock ({@link OrderStatus#AWAITING_STOCK}). Once per order: when
   * it has its backorder order already, that one is returned. The caller starts its process.
   *
   * @throws NotFoundException when the original order does not exist
   * @throws IllegalOrderStateException (409) when its customer did not choose to backorder, nothing of it is
   *     unavailable, or it was cancelled or expired
   * @throws org.springframework.dao.DataIntegrityViolationException when a concurrent call placed it a moment ago
   *     (unique per original order): calling again returns that one
   */
  public OrderSummary placeBackorder(String originalOrderId) {
    java.util.Optional<CustomerOrder> known = orders.findByBackorderForOrderId(originalOrderId);
    if (known.isPresent()) {
      return summaryOf(known.get());
    }
    CustomerOrder original = load(originalOrderId);
    if (original.status() == OrderStatus.CANCELLED || original.status() == OrderStatus.EXPIRED) {
      throw new IllegalOrderStateException(original.orderNumber(), original.status(), "given a backorder order");
    }
    CustomerOrder backorder = CustomerOrder.backorderFor(original, UUID.randomUUID().toString(), newOrderNumber(),
        clock.instant());
    return summaryOf(orders.saveAndFlush(backorder));
  }

  /** The backorder order of the order, if it has one. */
  @Transactional(readOnly = true)
  public java.util.Optional<OrderSummary> backorderOrderOf(String originalOrderId) {
    return orders.findByBackorderForOrderId(originalOrderId).map(OrderService::summaryOf);
  }

  /** The backorder order placed for the order (none or one). */
  @Transactional(readOnly = true)
  public List<BackorderOrder> backordersOf(String orderId) {
    return orders.findByBackorderForOrderId(orderId).stream()
        .map(o -> new BackorderOrder(o.id(), o.orderNumber(), o.status())).toList();
  }

  /**
   * The backorder orders with a line of this SKU that wait for stock (nothing allocated, no cancellation asked for),
   * oldest first: by the time their original order was placed, then by id.
   */
  @Transactional(readOnly = true)
  public List<WaitingBackorder> waitingBackorders(String sku) {
    return orders.findWaitingBackorders(sku, OrderStatus.AWAITING_STOCK).stream()
        .map(row -> new WaitingBackorder((String) row[0], (String) row[1], (Instant) row[2])).toList();
  }

  /**
   * The backorder orders with a line of this SKU that were given their stock and whose process has not gone on from
   * the reservation yet (still STOCK_RESERVED), by id.
   */
  @Transactional(readOnly = true)
  public List<String> allocatedBackorders(String sku) {
    return orders.findAllocatedBackorderIds(sku, OrderStatus.STOCK_RESERVED);
  }

  /**
   * Holds the order's row until the caller's transaction ends (a database write lock) and tells whether stock may be
   * allocated to it now: a backorder order still waiting, nothing allocated yet, no cancellation asked for. Concurrent
   * allocations of the same order are serialised by this lock; the second finds it allocated.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public boolean lockAwaitingStock(String orderId) {
    return orders.findForUpdateById(orderId).map(CustomerOrder::awaitsStock)
        .orElseThrow(() -> new NotFoundException("Order", orderId));
  }

  /** Each line a SKU of the original, once, for at most the units the original shipped. */
  private static List<FieldProblem> replacementLineProblems(CustomerOrder original, List<RequestedLine> lines) {
    List<FieldProblem> problems = new ArrayList<>();
    if (lines == null || lines.isEmpty()) {
      problems.add(new FieldProblem("lines", "a replacement needs at least one line"));
      return problems;
    }
    Map<String, Integer> shipped = new java.util.HashMap<>();
    original.lines().forEach(l -> shipped.merge(l.sku(), l.shippableQuantity(), Integer::sum));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      RequestedLine line = lines.get(i);
      String field = "lines[" + i + "]";
      if (line == null || line.sku() == null || !shipped.containsKey(line.sku())) {
        problems.add(new FieldProblem(field + ".sku", "'" + (line == null ? null : line.sku())
            + "' is not an item of order " + original.orderNumber()));
        continue;
      }
      if (!seen.add(line.sku())) {
        problems.add(new FieldProblem(field + ".sku", "'" + line.sku() + "' appears twice; list it once with the total quantity"));
      }
      if (line.quantity() < 1 || line.quantity() > shipped.get(line.sku())) {
        problems.add(new FieldProblem(field + ".quantity", "must be between 1 and " + shipped.get(line.sku())
            + " (the units of " + line.sku() + " order " + original.orderNumber() + " shipped)"));
      }
    }
    return problems;
  }

  /** Pickup-point rules, gift message only with gift wrap, and a chosen slot must be one offered now. */
  private List<FieldProblem> deliveryProblems(Delivery delivery) {
    List<FieldProblem> problems = new ArrayList<>();
    boolean pickup = delivery.method() == DeliveryMethod.PICKUP_POINT;
    if (pickup && (delivery.pickupPointId() == null || delivery.pickupPointId().isBlank())) {
      problems.add(new FieldProblem("delivery.pickupPointId", "is required for delivery to a pickup point"));
    }
    if (!pickup && delivery.pickupPointId() != null) {
      problems.add(new FieldProblem("delivery.pickupPointId", "only applies to delivery to a pickup point"));
    }
    if (!delivery.giftWrap() && delivery.giftMessage() != null && !delivery.giftMessage().isBlank()) {
      problems.add(new FieldProblem("delivery.giftMessage", "a gift message needs gift wrapping"));
    }
    if (delivery.slotDate() != null || delivery.slotWindow() != null) {
      try {
        deliveryOptions.requireOffered(delivery.method(),
            new DeliveryOptions.DeliverySlot(delivery.slotDate(), delivery.slotWindow()), "delivery.slot");
      } catch (InvalidRequestException notOffered) {
        problems.addAll(notOffered.problems());
      }
    }
    return problems;
  }

  /** The e-mail of the order's customer (who owns it), empty for an unknown order. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> customerEmail(String orderId) {
    return orders.findById(orderId).map(CustomerOrder::customerEmail);
  }

  @Transactional(readOnly = true)
  public OrderSummary summary(String orderId) {
    return summaryOf(load(orderId));
  }

  public void processStarted(String orderId, long processInstanceKey) {
    load(orderId).processStarted(processInstanceKey);
  }

  /** The routing's parcels are reserved; {@code unavailable} holds the units per SKU no warehouse could give. */
  public void stockReserved(String orderId, String routingReason, List<PlannedParcel> parcels,
      Map<String, Integer> unavailable) {
    load(orderId).stockReserved(routingReason, parcels, unavailable, clock.instant());
  }

  /**
   * Checks that the customer may decide about the unavailable lines now (the process is waiting for that answer).
   */
  @Transactional(readOnly = true)
  public OrderSummary requireAwaitingBackorderDecision(String orderId) {
    CustomerOrder order = load(orderId);
    if (order.status() != OrderStatus.STOCK_RESERVED || !order.hasUnavailableLines()
        || order.backorderDecision() != null) {
      throw new IllegalOrderStateException(order.orderNumber(), order.status(),
          "asked about unavailable lines (no such question is open)");
    }
    return summaryOf(order);
  }

  public void backorderUnavailable(String orderId) {
    load(orderId).backorderUnavailable(clock.instant());
  }

  public void quoted(String orderId, Map<Integer, ShipmentQuote> quotes, Instant validUntil) {
    load(orderId).quoted(quotes, validUntil, clock.instant());
  }

  /** Checks that the quote is open for acceptance: the order is quoted and the quote has not expired. */
  @Transactional(readOnly = true)
  public OrderSummary requireOpenQuote(String orderId) {
    CustomerOrder order = load(orderId);
    if (order.status() == OrderStatus.QUOTED && !clock.instant().isBefore(order.quoteValidUntil())) {
      throw new IllegalOrderStateException(order.orderNumber(), order.status(),
          "accepted: the quote expired at " + order.quoteValidUntil());
    }
    if (order.status() != OrderStatus.QUOTED) {
      throw new IllegalOrderStateException(order.orderNumber(), order.status(), "accepted (only a quoted order can be)");
    }
    return summaryOf(order);
  }

  /** The process caught the customer's acceptance (it decides the race against the expiry timer). */
  public void quoteAccepted(String orderId) {
    load(orderId).acceptQuote(clock.instant());
  }

  public void expire(String orderId) {
    load(orderId).expire(clock.instant());
  }

  public void paymentAuthorized(String orderId) {
    load(orderId).paymentAuthorized(clock.instant());
  }

  /** The payment process reports where the payment stands; shown on the order. */
  public void recordPaymentStatus(String orderId, PaymentStatus status, String detail) {
    load(orderId).paymentStatus(status, detail, clock.instant());
  }

  /** Records that the customer was told the order is accepted; false when it was recorded before. */
  public boolean acknowledge(String orderId) {
    return load(orderId).acknowledge(clock.instant());
  }

  /** The courier booked the parcel; its tracking number is known. */
  public void shipmentBooked(String orderId, int shipmentNo, String trackingNumber) {
    load(orderId).shipmentBooked(shipmentNo, trackingNumber, clock.instant());
  }

  /**
   * The parcel's hand-over at the dock is being confirmed: from now on it cannot be cancelled.
   *
   * @throws io.orderflow.fulfillment.shared.ConflictException while its cancellation is under way
   */
  public void handOver(String orderId, int shipmentNo) {
    load(orderId).handOver(shipmentNo, clock.instant());
  }

  /** The parcel left with the courier. */
  public void shipmentShipped(String orderId, int shipmentNo) {
    load(orderId).shipmentShipped(shipmentNo, clock.instant());
  }

  /**
   * Records a cancellation request: the whole order while the warehouse has not started on it, otherwise every parcel
   * not handed over yet (those can no longer leave the warehouse).
   *
   * @throws io.orderflow.fulfillment.shared.ConflictException when the order is cancelled or expired already, or
   *     every parcel is with the courier (then it can be returned instead)
   */
  public CancellationPlan requestCancellation(String orderId, String reason, String requestedBy) {
    CustomerOrder order = load(orderId);
    List<Integer> parcels = order.requestCancellation(reason, requestedBy, clock.instant());
    String why = reason == null || reason.isBlank() ? "Cancelled at the customer's request" : reason.strip();
    return new CancellationPlan(order.id(), order.orderNumber(), parcels.isEmpty(), parcels, why);
  }

  /** The order's history, oldest first. */
  @Transactional(readOnly = true)
  public List<Milestone> history(String orderId) {
    return load(orderId).milestones().stream()
        .map(m -> new Milestone(m.occurredAt(), m.milestone(), m.shipmentNo(), m.detail())).toList();
  }

  /** The courier reported on a parcel (each event once): it enters the order's history; its ETA is kept. */
  public void courierReported(String orderId, int shipmentNo, String eventType, String location, Instant occurredAt,
      Instant estimatedDelivery) {
    load(orderId).courierReported(shipmentNo, eventType, location, occurredAt, estimatedDelivery);
  }

  /** A shipped parcel came back undelivered (returned to sender). */
  public void shipmentReturned(String orderId, int shipmentNo) {
    load(orderId).shipmentReturned(shipmentNo, clock.instant());
  }

  /** One parcel cancelled and undone; true when none of the order's parcels is left. */
  public boolean shipmentCancelled(String orderId, int shipmentNo) {
    return load(orderId).shipmentCancelled(shipmentNo, clock.instant());
  }

  /** One parcel delivered; true when every parcel of the order is. */
  public boolean shipmentDelivered(String orderId, int shipmentNo) {
    return load(orderId).shipmentDelivered(shipmentNo, clock.instant());
  }

  /** The parcel's VAT invoice was issued: its number is shown with the parcel. */
  public void shipmentInvoiced(String orderId, int shipmentNo, String invoiceNumber) {
    load(orderId).shipmentInvoiced(shipmentNo, invoiceNumber, clock.instant());
  }

  public void delivered(String orderId) {
    load(orderId).delivered(clock.instant());
  }

  public void cancel(String orderId, String reason) {
    load(orderId).cancel(reason, clock.instant());
  }

  /**
   * Placed orders whose process has not started (the engine was unreachable at placement), backorder orders among them
   * (waiting for stock, or given their stock already).
   */
  @Transactional(readOnly = true)
  public List<OrderSummary> withoutProcess(Duration olderThan, int max) {
    return orders.findWithoutProcess(OrderStatus.PLACED, List.of(OrderStatus.AWAITING_STOCK, OrderStatus.STOCK_RESERVED),
        clock.instant().minus(olderThan), Limit.of(max)).stream().map(OrderService::summaryOf).toList();
  }

  /**
   * One row of an order list (a customer's "My orders", customer service's search): what identifies the order and
   * where it stands, without its lines. {@code itemCount} is the units ordered, {@code lineCount} the lines;
   * {@code trackingNumbers} those of the booked parcels, by parcel number.
   */
  public record OrderListEntry(String id, String orderNumber, OrderStatus status, Instant placedAt, Instant updatedAt,
      String currency, BigDecimal totalAmount, int itemCount, int lineCount, OrderChannel channel,
      List<String> trackingNumbers, String customerName, String customerEmail) {}

  /** The most orders one list returns. */
  public static final int MAX_LIST = 200;

  /**
   * Orders newest first (placing time, then id), at most {@code limit} (1..{@value #MAX_LIST}).
   *
   * @param customerEmail only this customer's orders (compared case-insensitively); null for every customer
   * @param status only orders in this status; null for any
   */
  @Transactional(readOnly = true)
  public List<OrderListEntry> list(String customerEmail, OrderStatus status, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIST);
    }
    String email = customerEmail == null || customerEmail.isBlank() ? null
        : customerEmail.strip().toLowerCase(java.util.Locale.ROOT);
    List<CustomerOrder> found = orders.findNewestFirst(email, status, Limit.of(limit));
    if (found.isEmpty()) {
      return List.of();
    }
    List<String> ids = found.stream().map(CustomerOrder::id).toList();
    Map<String, long[]> counts = new java.util.HashMap<>();
    for (Object[] row : orders.countLinesAndUnits(ids)) {
      counts.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    Map<String, List<String>> tracking = new java.util.HashMap<>();
    for (Object[] row : orders.findTrackingNumbers(ids)) {
      tracking.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return found.stream().map(o -> {
      long[] c = counts.getOrDefault(o.id(), new long[2]);
      List<String> numbers = new ArrayList<>(tracking.getOrDefault(o.id(), List.of()));
      if (o.trackingNumber() != null && !numbers.contains(o.trackingNumber())) {
        numbers.add(0, o.trackingNumber());
      }
      return new OrderListEntry(o.id(), o.orderNumber(), o.status(), o.placedAt(), o.updatedAt(),
          o.currency().getCurrencyCode(), o.totalAmount(), (int) c[1], (int) c[0], o.channel(), List.copyOf(numbers),
          o.customerName(), o.customerEmail());
    }).toList();
  }

  /** How many orders of this customer (by e-mail, in any case) were delivered: the credit check reads it. */
  @Transactional(readOnly = true)
  public long deliveredOrderCount(String customerEmail) {
    return orders.countByCustomerEmailIgnoreCaseAndStatus(customerEmail.trim(), OrderStatus.DELIVERED);
  }

  /** The id of the order with this order number (e.g. when a courier reports cash it collected for it). */
  @Transactional(readOnly = true)
  public java.util.Optional<String> orderIdByNumber(String orderNumber) {
    return orders.findByOrderNumber(orderNumber).map(CustomerOrder::id);
  }

  /** The id of the order one of whose parcels has this tracking number. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> orderIdByTrackingNumber(String trackingNumber) {
    return orders.findOrderIdByTrackingNumber(trackingNumber);
  }

  private CustomerOrder load(String orderId) {
    return orders.findWithLinesById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
  }

  private String newOrderNumber() {
    StringBuilder sb = new StringBuilder("ORD-");
    for (int i = 0; i < 8; i++) {
      sb.append(ORDER_NUMBER_ALPHABET[random.nextInt(ORDER_NUMBER_ALPHABET.length)]);
    }
    return sb.toString();
  }

  private static OrderSummary summaryOf(CustomerOrder o) {
    return new OrderSummary(o.id(), o.orderNumber(), o.status(),
        new Customer(o.customerName(), o.customerEmail(), o.customerPhone()), o.address(), o.currency(),
        o.totalAmount(), o.paymentMethod(), o.paymentReference(), o.warehouseId(), o.trackingNumber(),
        o.cancellationReason(), o.processInstanceKey(), o.placedAt(), o.updatedAt(),
        o.lines().stream().map(l -> new LineSummary(l.lineNo(), l.sku(), l.productName(), l.quantity(),
            l.unitPrice(), l.lineTotal(), l.unavailableQuantity())).toList(), o.delivery(), o.marketingConsent(),
        o.routingReason(),
        o.shipments().stream().map(s -> new ShipmentSummary(s.shipmentNo(), s.warehouseId(), s.distanceKm(),
            s.weightGrams(), s.shippingCost(), s.transitDays(), s.status().name(), s.trackingNumber(),
            s.invoiceNumber(), s.handedOverAt(), s.cancellationRequestedAt(), s.cancellationReason(),
            s.cancelledAt(), s.estimatedDelivery())).toList(),
        new QuoteSummary(o.shippingCost(), o.amountDue(), o.quoteValidUntil(), o.quoteAcceptedAt()),
        o.backorderDecision(), o.paymentStatus(), o.paymentDetail(), o.acknowledgedAt(), o.language(),
        o.isReplacement() ? new ReplacementFor(o.replacementForOrderId(), o.replacementForOrderNumber(),
            o.replacementRma()) : null,
        o.isBackorder() ? new BackorderFor(o.backorderForOrderId(), o.backorderForOrderNumber()) : null,
        o.channel());
  }
}
