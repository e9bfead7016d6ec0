package io.orderflow.fulfillment.inventory;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.routing.CandidateWarehouse;
import io.orderflow.fulfillment.routing.GeoPoint;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.routing.PlannedShipment;
import io.orderflow.fulfillment.routing.RoutingPlan;
import io.orderflow.fulfillment.routing.ShipmentPlanner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock per SKU and warehouse. The routing chooses the warehouse nearest to the delivery address that holds every
 * line; the reservation there is all-or-nothing and taken with conditional updates, so concurrent orders never take
 * the same unit (if they did take it first, the order is planned again). Every operation is keyed by the order id
 * and may be repeated. Whatever takes stock (a reservation, an issue, a transfer out) publishes {@link StockDecreased}
 * in its transaction.
 */
@Service
public class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);
  static final int MAX_PLANNING_ATTEMPTS = 3;

  public sealed interface ReservationResult {
    /**
     * The goods are held: one shipment per warehouse (nearest first), and per SKU the units no warehouse has
     * ({@code unavailable}; empty when the whole order is served).
     */
    record Reserved(List<ReservedShipment> shipments, Map<String, Integer> unavailable) implements ReservationResult {

      public String warehouseId() {
        return shipments.get(0).warehouseId();
      }

      public boolean complete() {
        return unavailable.isEmpty();
      }
    }

    /** No warehouse has any of the ordered goods. */
    record OutOfStock(String reason) implements ReservationResult {}
  }

  /** What {@link #reserveIfComplete} did: reserved every unit, or nothing at all. */
  public sealed interface CompleteReservation {

    /** Every unit is reserved, exactly as {@link #reserveForOrder} reserves an order. */
    record Reserved(ReservationResult.Reserved reservation) implements CompleteReservation {}

    /** Nothing was reserved: these units per SKU are in no warehouse now (in the order's line order). */
    record Incomplete(Map<String, Integer> missing) implements CompleteReservation {

      public Incomplete {
        missing = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(missing));
      }

      /** The SKUs short of units. */
      public java.util.Set<String> skus() {
        return missing.keySet();
      }
    }
  }

  /** A parcel: where it leaves from, its distance to the customer (km), its weight (kg) and its pick list. */
  public record ReservedShipment(int shipmentNo, String warehouseId, BigDecimal distanceKm, BigDecimal weightKg,
      List<ReservedLine> lines) {}

  public record ReservedLine(String sku, int quantity, String binLocation) {}

  /** Where a parcel leaves from, as a sender address on labels and slips. */
  public record WarehouseAddress(String id, String name, String city, String country) {}

  /** What becomes of goods a customer returned: on sale again, set aside for refurbishing, or scrapped. */
  public enum ReturnedGoodsOutcome { RESTOCK, REFURBISH, SCRAP }

  /** The bin of a SKU's new stock row when returned goods are the first of it in a warehouse. */
  static final String RETURNS_BIN = "RETURNS";

  public record WarehouseStock(String sku, String warehouseId, int onHand, int reserved, int available,
      String binLocation) {}

  private final StockRepository stock;
  private final StockReservationRepository reservations;
  private final StockMovementRepository movements;
  private final WarehouseRepository warehouses;
  private final OrderService orders;
  private final Geocoder geocoder;
  private final Catalog catalog;
  private final ShipmentPlanner planner;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Inventory(StockRepository stock, StockReservationRepository reservations, StockMovementRepository movements,
      WarehouseRepository warehouses,
      OrderService orders, Geocoder geocoder, Catalog catalog, ShipmentPlanner planner,
      PlatformTransactionManager txManager, Clock clock, ApplicationEventPublisher events) {
    this.catalog = catalog;
    this.stock = stock;
    this.reservations = reservations;
    this.movements = movements;
    this.warehouses = warehouses;
    this.orders = orders;
    this.geocoder = geocoder;
    this.planner = planner;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
    this.events = events;
  }

  /**
   * Reserves the order as the routing plans it: the nearest warehouse that holds everything, otherwise the fewest
   * warehouses (then the shortest distances) that together hold what is in stock. Units nobody has are reported as
   * unavailable (the customer decides about them). The plan and its reason are recorded on the order. Repeating the
   * call returns the reservation already made.
   */
  public ReservationResult reserveForOrder(String orderId) {
    Optional<ReservationResult> existing = existingReservation(orderId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Demand demand = demandOf(orderId);

    for (int attempt = 1; attempt <= MAX_PLANNING_ATTEMPTS; attempt++) {
      RoutingPlan plan = planner.plan(demand.wanted(), demand.destination(), candidates(demand.wanted().keySet()));
      if (plan.shipments().isEmpty()) {
        events.publishEvent(new StockDecreased("reservation of order " + orderId, List.of(), demand.wanted().keySet()));
        return new ReservationResult.OutOfStock("Out of stock: " + plan.reason());
      }
      try {
        tx.executeWithoutResult(status -> tryReserve(orderId, plan, demand.gramsPerUnit()));
        log.info("Reserved stock for order {} in {}: {}", orderId,
            plan.shipments().stream().map(PlannedShipment::warehouseId).toList(), plan.reason());
        return existingReservation(orderId).orElseThrow();
      } catch (StockTakenException taken) {
        log.debug("Stock for order {} taken concurrently, planning again", orderId);
      } catch (DataIntegrityViolationException duplicate) {
        // The same job ran concurrently and won: its reservation stands.
        return existingReservation(orderId).orElseThrow(() -> duplicate);
      }
    }
    // Not a business outcome: the job fails and Zeebe retries it with fresh stock figures.
    throw new IllegalStateException("Stock for order " + orderId + " kept changing during " + MAX_PLANNING_ATTEMPTS
        + " reservation attempts");
  }

  /**
   * Reserves the order only if every unit of it is in stock now: planned like {@link #reserveForOrder} (nearest
   * warehouse holding everything, else the fewest warehouses), and reserved and recorded on the order exactly like it
   * (the order moves to STOCK_RESERVED with its parcels; a backorder order waiting for stock may). When any unit is in no
   * warehouse, nothing is written and the SKUs short are reported. Repeating the call returns the reservation made.
   *
   * <p>Inside a caller's transaction it makes one attempt in that transaction, so the caller can guard it (e.g. hold
   * the order's row) and commit the reservation with its own writes; when units it planned were taken by a concurrent
   * reservation meanwhile it throws {@link StockTakenException}, and the caller rolls back and tries again. Without a
   * transaction each attempt has its own, and it plans again by itself.
   */
  public CompleteReservation reserveIfComplete(String orderId) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return reserveIfCompleteOnce(orderId);
    }
    for (int attempt = 1; attempt <= MAX_PLANNING_ATTEMPTS; attempt++) {
      try {
        return tx.execute(status -> reserveIfCompleteOnce(orderId));
      } catch (StockTakenException taken) {
        log.debug("Stock for order {} taken concurrently, planning again", orderId);
      } catch (DataIntegrityViolationException duplicate) {
        // The same order was reserved concurrently and that reservation won: it stands.
        return existingReservation(orderId)
            .<CompleteReservation>map(r -> new CompleteReservation.Reserved((ReservationResult.Reserved) r))
            .orElseThrow(() -> duplicate);
      }
    }
    throw new IllegalStateException("Stock for order " + orderId + " kept changing during " + MAX_PLANNING_ATTEMPTS
        + " reservation attempts");
  }

  private CompleteReservation reserveIfCompleteOnce(String orderId) {
    Optional<ReservationResult> existing = existingReservation(orderId);
    if (existing.isPresent()) {
      return new CompleteReservation.Reserved((ReservationResult.Reserved) existing.get());
    }
    Demand demand = demandOf(orderId);
    RoutingPlan plan = planner.plan(demand.wanted(), demand.destination(), candidates(demand.wanted().keySet()));
    if (!plan.isComplete() || plan.shipments().isEmpty()) {
      return new CompleteReservation.Incomplete(plan.unavailable().isEmpty() ? demand.wanted() : plan.unavailable());
    }
    tryReserve(orderId, plan, demand.gramsPerUnit());
    log.info("Reserved every unit of order {} in {}: {}", orderId,
        plan.shipments().stream().map(PlannedShipment::warehouseId).toList(), plan.reason());
    return new CompleteReservation.Reserved((ReservationResult.Reserved) existingReservation(orderId).orElseThrow());
  }

  /** What an order asks the routing for: units per SKU in line order, where they go, and what a unit weighs. */
  private record Demand(Map<String, Integer> wanted, GeoPoint destination, Map<String, Integer> gramsPerUnit) {}

  private Demand demandOf(String orderId) {
    OrderSummary order = orders.summary(orderId);
    Map<String, Integer> wanted = order.lines().stream()
        .collect(Collectors.toMap(OrderService.LineSummary::sku, OrderService.LineSummary::quantity, Integer::sum,
            LinkedHashMap::new));
    GeoPoint destination = geocoder.locate(order.deliveryCountry(), order.shippingAddress().postalCode());
    Map<String, Integer> gramsPerUnit = catalog.bySku(List.copyOf(wanted.keySet())).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().weightGrams()));
    return new Demand(wanted, destination, gramsPerUnit);
  }

  /** The reservation is held until the quote's validity ends (the process releases it then if not accepted). */
  @Transactional
  public void holdUntil(String orderId, Instant expiresAt) {
    reservations.findByOrderIdOrderById(orderId).stream()
        .filter(r -> r.status() == StockReservation.Status.ACTIVE)
        .forEach(r -> r.expiresAt(expiresAt));
  }

  /** An accepted quote keeps the goods until they ship. */
  @Transactional
  public void holdUntilShipped(String orderId) {
    holdUntil(orderId, null);
  }

  private List<CandidateWarehouse> candidates(java.util.Set<String> skus) {
    Map<String, Map<String, Integer>> available = stock.findBySkuIn(skus).stream()
        .collect(Collectors.groupingBy(Stock::warehouseId, Collectors.toMap(Stock::sku, Stock::available)));
    return warehouses.findAll().stream()
        .map(w -> new CandidateWarehouse(w.id(), w.name(), GeoPoint.of(w.latitude(), w.longitude()),
            available.getOrDefault(w.id(), Map.of())))
        .toList();
  }

  /** Gives back every active reservation of the order; a second call finds nothing left to release. */
  @Transactional
  public int release(String orderId) {
    int released = releaseWhere(orderId, r -> true);
    if (released > 0) {
      log.info("Released {} reservation(s) of order {}", released, orderId);
    }
    return released;
  }

  /**
   * Gives back what the order still holds in this warehouse (one parcel of a split order is cancelled); the goods
   * reserved elsewhere stay reserved. A second call finds nothing left to release.
   */
  @Transactional
  public int releaseShipment(String orderId, String warehouseId) {
    int released = releaseWhere(orderId, r -> r.warehouseId().equals(warehouseId));
    if (released > 0) {
      log.info("Released {} reservation(s) of order {} in {}", released, orderId, warehouseId);
    }
    return released;
  }

  /** Closes the order's active reservations the filter selects, each once, and puts their units back on sale. */
  private int releaseWhere(String orderId, java.util.function.Predicate<StockReservation> which) {
    int released = 0;
    for (StockReservation r : reservations.findByOrderIdOrderById(orderId)) {
      if (which.test(r) && reservations.closeIfActive(r.id(), StockReservation.Status.RELEASED, clock.instant()) == 1) {
        if (stock.unreserve(r.sku(), r.warehouseId(), r.quantity()) != 1) {
          throw new IllegalStateException("Stock of " + r.sku() + " in " + r.warehouseId() + " has less reserved than reservation " + r.id());
        }
        record(StockMovement.Type.RELEASED, r.sku(), r.warehouseId(), r.quantity(), orderId);
        released++;
      }
    }
    return released;
  }

  /**
   * The goods issued from this warehouse for the order came back (a parcel returned to sender): resellable goods are on
   * hand again (a RETURNED movement), damaged ones are not. A second call finds nothing left to receive.
   *
   * @return how many lines came back
   */
  @Transactional
  public int receiveReturned(String orderId, String warehouseId, boolean resellable) {
    int received = 0;
    for (StockReservation r : reservations.findByOrderIdOrderById(orderId)) {
      if (r.warehouseId().equals(warehouseId) && reservations.returnIfIssued(r.id(), clock.instant()) == 1) {
        if (resellable) {
          if (stock.receive(r.sku(), r.warehouseId(), r.quantity()) != 1) {
            throw new IllegalStateException("No stock row " + r.sku() + " in " + r.warehouseId());
          }
          record(StockMovement.Type.RETURNED, r.sku(), r.warehouseId(), r.quantity(), orderId);
        }
        received++;
      }
    }
    if (received > 0) {
      log.info("{} returned line(s) of order {} received in {}: {}", received, orderId, warehouseId,
          resellable ? "back on hand" : "damaged, not restocked");
    }
    return received;
  }

  /**
   * Goods a customer sent back under an RMA arrive in the warehouse. RESTOCK puts them on hand (available again) with a
   * RETURN_RESTOCKED movement; REFURBISH and SCRAP record a RETURN_REFURBISH / RETURN_SCRAPPED movement and leave the
   * available stock alone, so nothing returned goes unrecorded. A SKU the warehouse never held gets a stock row (bin
   * {@value #RETURNS_BIN}). The reference (RMA number / line number) makes a repeat a no-op.
   *
   * @return false when this reference was put away before
   */
  @Transactional
  public boolean putAwayReturned(String reference, String orderId, String warehouseId, String sku, int quantity,
      ReturnedGoodsOutcome outcome) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("A returned quantity must be positive, was " + quantity);
    }
    if (movements.existsByReference(reference)) {
      return false;
    }
    stock.createIfAbsent(sku, warehouseId, RETURNS_BIN);
    StockMovement.Type type = switch (outcome) {
      case RESTOCK -> StockMovement.Type.RETURN_RESTOCKED;
      case REFURBISH -> StockMovement.Type.RETURN_REFURBISH;
      case SCRAP -> StockMovement.Type.RETURN_SCRAPPED;
    };
    if (outcome == ReturnedGoodsOutcome.RESTOCK && stock.receive(sku, warehouseId, quantity) != 1) {
      throw new IllegalStateException("No stock row " + sku + " in " + warehouseId);
    }
    Stock after = stock.findById(new Stock.Key(sku, warehouseId))
        .orElseThrow(() -> new IllegalStateException("No stock row " + sku + " in " + warehouseId));
    movements.saveAndFlush(new StockMovement(sku, warehouseId, type, quantity, orderId, after.onHand(),
        after.reserved(), clock.instant(), reference));
    log.info("Returned {} x {} ({}) put away in {}: {}", quantity, sku, reference, warehouseId, outcome);
    return true;
  }

  /** The bin of a SKU's new stock row when goods from a supplier are the first of it in a warehouse. */
  static final String RECEIVING_BIN = "RECEIVING";

  /** Goods received from a supplier: the bin they went into, and whether this call put them there. */
  public record PutAway(String binLocation, boolean applied) {}

  /**
   * The bin goods of this SKU are put away into in this warehouse: its stock row's bin, else the bin the SKU has in
   * another warehouse (the warehouses share one bin layout; a receiving or returns bin is none), else
   * {@value #RECEIVING_BIN}.
   */
  @Transactional(readOnly = true)
  public String putAwayBin(String sku, String warehouseId) {
    return stock.findById(new Stock.Key(sku, warehouseId)).map(Stock::binLocation)
        .or(() -> stock.findBySkuIn(List.of(sku)).stream().sorted(Comparator.comparing(Stock::warehouseId))
            .map(Stock::binLocation).filter(bin -> !RECEIVING_BIN.equals(bin) && !RETURNS_BIN.equals(bin)).findFirst())
        .orElse(RECEIVING_BIN);
  }

  /**
   * Goods accepted from a supplier's delivery go on hand (available at once) with a RECEIVED movement in the ledger.
   * A SKU the warehouse never held gets a stock row in {@link #putAwayBin}. The reference (PO number / receipt /
   * line) makes a repeat a no-op.
   */
  @Transactional
  public PutAway receivePurchased(String reference, String warehouseId, String sku, int quantity) {
    return putAway(reference, warehouseId, sku, quantity, StockMovement.Type.RECEIVED);
  }

  /**
   * The good units of a transfer from another warehouse go on hand here (available at once) with a TRANSFER_IN movement,
   * into the SKU's bin ({@link #putAwayBin}; a new stock row if the warehouse never held it). The reference (transfer
   * number {@code /IN}) makes a repeat a no-op.
   */
  @Transactional
  public PutAway receiveTransferred(String reference, String warehouseId, String sku, int quantity) {
    return putAway(reference, warehouseId, sku, quantity, StockMovement.Type.TRANSFER_IN);
  }

  private PutAway putAway(String reference, String warehouseId, String sku, int quantity, StockMovement.Type type) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("A received quantity must be positive, was " + quantity);
    }
    String bin = putAwayBin(sku, warehouseId);
    if (movements.existsByReference(reference)) {
      return new PutAway(bin, false);
    }
    stock.createIfAbsent(sku, warehouseId, bin);
    if (stock.receive(sku, warehouseId, quantity) != 1) {
      throw new IllegalStateException("No stock row " + sku + " in " + warehouseId);
    }
    Stock after = stock.findById(new Stock.Key(sku, warehouseId))
        .orElseThrow(() -> new IllegalStateException("No stock row " + sku + " in " + warehouseId));
    movements.saveAndFlush(new StockMovement(sku, warehouseId, type, quantity, null,
        after.onHand(), after.reserved(), clock.instant(), reference));
    log.info("Received {} x {} ({}, {}) put away in {} bin {}", quantity, sku, reference, type, warehouseId,
        after.binLocation());
    return new PutAway(after.binLocation(), true);
  }

  /**
   * Available units of a SKU leave this warehouse for another one (a stock transfer): on hand goes down by
   * {@code quantity} with a TRANSFER_OUT movement, only if at least {@code keepAvailable} units stay available here after
   * it. The condition is part of the update, so a reservation made meanwhile is never undercut and stock never goes
   * negative. The reference (transfer number {@code /OUT}) makes a repeat a no-op.
   *
   * @return true when the units left (now or under this reference before); false when fewer than {@code quantity} are
   *     available above {@code keepAvailable}
   */
  @Transactional
  public boolean sendOnTransfer(String reference, String warehouseId, String sku, int quantity, int keepAvailable) {
    if (quantity <= 0 || keepAvailable < 0) {
      throw new IllegalArgumentException("A transfer sends a positive quantity and keeps a non-negative one, not "
          + quantity + " keeping " + keepAvailable);
    }
    if (movements.existsByReference(reference)) {
      return true;
    }
    if (stock.takeOffHandKeeping(sku, warehouseId, quantity, keepAvailable) != 1) {
      return false;
    }
    Stock after = stock.findById(new Stock.Key(sku, warehouseId))
        .orElseThrow(() -> new IllegalStateException("No stock row " + sku + " in " + warehouseId));
    movements.saveAndFlush(new StockMovement(sku, warehouseId, StockMovement.Type.TRANSFER_OUT, quantity, null,
        after.onHand(), after.reserved(), clock.instant(), reference));
    log.info("Sent {} x {} ({}) from {}, {} on hand left", quantity, sku, reference, warehouseId, after.onHand());
    events.publishEvent(new StockDecreased("transfer " + reference, List.of(new StockDecreased.Position(sku,
        warehouseId)), java.util.Set.of()));
    return true;
  }

  /** A warehouse and where it is (for distances between warehouses). */
  public record WarehouseLocation(String id, String name, GeoPoint location) {}

  /** Every warehouse with its location, by id. */
  @Transactional(readOnly = true)
  public List<WarehouseLocation> warehouseLocations() {
    return warehouses.findAll().stream().sorted(Comparator.comparing(Warehouse::id))
        .map(w -> new WarehouseLocation(w.id(), w.name(), GeoPoint.of(w.latitude(), w.longitude())))
        .toList();
  }

  /** Units of the SKU shipped from the warehouse (ISSUED movements) since the instant: its recent sales. */
  @Transactional(readOnly = true)
  public int issuedSince(String sku, String warehouseId, Instant since) {
    return Math.toIntExact(movements.sumQuantity(sku, warehouseId, StockMovement.Type.ISSUED, since));
  }

  /** The stock of one SKU in one warehouse, if the warehouse has a row for it. */
  @Transactional(readOnly = true)
  public Optional<WarehouseStock> stockIn(String sku, String warehouseId) {
    return stock.findById(new Stock.Key(sku, warehouseId))
        .map(s -> new WarehouseStock(s.sku(), s.warehouseId(), s.onHand(), s.reserved(), s.available(),
            s.binLocation()));
  }

  /** Every movement with this reference prefix (a purchase order's receipts: {@code PO-2026-000001/}), in order. */
  @Transactional(readOnly = true)
  public List<Movement> movementsReferencing(String referencePrefix) {
    return movements.findByReferenceStartingWithOrderById(referencePrefix).stream().map(Inventory::movement).toList();
  }

  /** The goods reserved in this warehouse leave with the courier: on-hand and reserved go down once. */
  @Transactional
  public int issueForShipment(String orderId, String warehouseId) {
    int issued = 0;
    List<StockDecreased.Position> taken = new java.util.ArrayList<>();
    for (StockReservation r : reservations.findByOrderIdOrderById(orderId)) {
      if (r.warehouseId().equals(warehouseId) && reservations.closeIfActive(r.id(), StockReservation.Status.ISSUED, clock.instant()) == 1) {
        if (stock.issue(r.sku(), r.warehouseId(), r.quantity()) == 1) {
          record(StockMovement.Type.ISSUED, r.sku(), r.warehouseId(), r.quantity(), orderId);
        } else {
          throw new IllegalStateException("Cannot issue " + r.quantity() + " x " + r.sku() + " from " + r.warehouseId());
        }
        taken.add(new StockDecreased.Position(r.sku(), r.warehouseId()));
        issued++;
      }
    }
    if (!taken.isEmpty()) {
      events.publishEvent(new StockDecreased("issue of order " + orderId + " from " + warehouseId, taken,
          java.util.Set.of()));
    }
    return issued;
  }

  @Transactional(readOnly = true)
  public String countryOf(String warehouseId) {
    return warehouses.findById(warehouseId).map(Warehouse::country)
        .orElseThrow(() -> new io.orderflow.fulfillment.shared.NotFoundException("Warehouse", warehouseId));
  }

  @Transactional(readOnly = true)
  public WarehouseAddress warehouseAddress(String warehouseId) {
    return warehouses.findById(warehouseId).map(w -> new WarehouseAddress(w.id(), w.name(), w.city(), w.country()))
        .orElseThrow(() -> new io.orderflow.fulfillment.shared.NotFoundException("Warehouse", warehouseId));
  }

  /**
   * What the order holds in this warehouse, reserved or already issued to the courier (released goods are not), one
   * line per SKU (sorted by SKU) with its bin there: the contents of the parcel that leaves from it.
   */
  @Transactional(readOnly = true)
  public List<ReservedLine> reservedLines(String orderId, String warehouseId) {
    Map<String, Integer> quantities = new java.util.TreeMap<>();
    reservations.findByOrderIdOrderById(orderId).stream()
        .filter(r -> r.warehouseId().equals(warehouseId) && r.status() != StockReservation.Status.RELEASED)
        .forEach(r -> quantities.merge(r.sku(), r.quantity(), Integer::sum));
    if (quantities.isEmpty()) {
      return List.of();
    }
    Map<String, String> bins = stock.findByWarehouseIdAndSkuIn(warehouseId, quantities.keySet()).stream()
        .collect(Collectors.toMap(Stock::sku, Stock::binLocation));
    return quantities.entrySet().stream()
        .map(e -> new ReservedLine(e.getKey(), e.getValue(), bins.get(e.getKey())))
        .toList();
  }

  /**
   * Every unit the order ever had reserved in this warehouse, whatever became of the reservation (active, issued to the
   * courier, or released by a cancellation), per SKU sorted by SKU: what the parcel from this warehouse holds, for its
   * invoice and for its share when it is cancelled.
   */
  @Transactional(readOnly = true)
  public Map<String, Integer> shipmentContents(String orderId, String warehouseId) {
    Map<String, Integer> quantities = new java.util.TreeMap<>();
    reservations.findByOrderIdOrderById(orderId).stream().filter(r -> r.warehouseId().equals(warehouseId))
        .forEach(r -> quantities.merge(r.sku(), r.quantity(), Integer::sum));
    return quantities;
  }

  /** How much of a product the shop can sell now, as the storefront shows it. */
  public enum AvailabilityLevel { IN_STOCK, LOW_STOCK, OUT_OF_STOCK }

  /** At most this many units available (and more than none) is {@link AvailabilityLevel#LOW_STOCK}. */
  public static final int LOW_STOCK_THRESHOLD = 5;

  /** Units of the SKU available for new orders over all warehouses (on hand − reserved), and its level. */
  public record Availability(String sku, int availableQuantity, AvailabilityLevel level) {

    static Availability of(String sku, long available) {
      int units = (int) Math.max(0, Math.min(available, Integer.MAX_VALUE));
      AvailabilityLevel level = units == 0 ? AvailabilityLevel.OUT_OF_STOCK
          : units <= LOW_STOCK_THRESHOLD ? AvailabilityLevel.LOW_STOCK : AvailabilityLevel.IN_STOCK;
      return new Availability(sku, units, level);
    }
  }

  /**
   * The availability of every catalogue product (in catalogue order), or of the given SKUs (in the order given,
   * each once). A product no warehouse holds is {@link AvailabilityLevel#OUT_OF_STOCK}.
   *
   * @throws io.orderflow.fulfillment.shared.InvalidRequestException naming SKUs the catalogue does not have
   */
  @Transactional(readOnly = true)
  public List<Availability> availability(List<String> skus) {
    List<String> wanted;
    List<Object[]> sums;
    if (skus == null || skus.isEmpty()) {
      wanted = catalog.all().stream().map(io.orderflow.fulfillment.catalog.Product::sku).toList();
      sums = stock.sumAvailable();
    } else {
      wanted = skus.stream().map(String::strip).distinct().toList();
      java.util.Set<String> known = catalog.bySku(wanted).keySet();
      List<String> unknown = wanted.stream().filter(sku -> !known.contains(sku)).toList();
      if (!unknown.isEmpty()) {
        throw new io.orderflow.fulfillment.shared.InvalidRequestException("sku",
            "not in the catalogue: " + String.join(", ", unknown));
      }
      sums = stock.sumAvailable(wanted);
    }
    Map<String, Long> available = new java.util.HashMap<>();
    for (Object[] row : sums) {
      available.put((String) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
    }
    return wanted.stream().map(sku -> Availability.of(sku, available.getOrDefault(sku, 0L))).toList();
  }

  @Transactional(readOnly = true)
  public List<WarehouseStock> stockOf(List<String> skus) {
    return stock.findBySkuIn(skus).stream()
        .sorted(Comparator.comparing(Stock::sku).thenComparing(Stock::warehouseId))
        .map(s -> new WarehouseStock(s.sku(), s.warehouseId(), s.onHand(), s.reserved(), s.available(), s.binLocation()))
        .toList();
  }

  private void tryReserve(String orderId, RoutingPlan plan, Map<String, Integer> gramsPerUnit) {
    Instant now = clock.instant();
    List<OrderService.PlannedParcel> parcels = new java.util.ArrayList<>();
    for (PlannedShipment shipment : plan.shipments()) {
      int grams = 0;
      for (Map.Entry<String, Integer> line : shipment.lines().entrySet()) {
        if (stock.reserveIfAvailable(line.getKey(), shipment.warehouseId(), line.getValue()) != 1) {
          // Someone took the units since we looked: undo this attempt and plan again.
          throw new StockTakenException();
        }
        record(StockMovement.Type.RESERVED, line.getKey(), shipment.warehouseId(), line.getValue(), orderId);
        reservations.saveAndFlush(new StockReservation(orderId, line.getKey(), shipment.warehouseId(), line.getValue(), now));
        grams += gramsPerUnit.getOrDefault(line.getKey(), 0) * line.getValue();
      }
      parcels.add(new OrderService.PlannedParcel(shipment.warehouseId(), shipment.distanceKm(), grams));
    }
    orders.stockReserved(orderId, plan.reason(), parcels, plan.unavailable());
    events.publishEvent(new StockDecreased("reservation of order " + orderId, plan.shipments().stream()
        .flatMap(s -> s.lines().keySet().stream().map(sku -> new StockDecreased.Position(sku, s.warehouseId())))
        .toList(), plan.unavailable().keySet()));
  }

  private Optional<ReservationResult> existingReservation(String orderId) {
    List<StockReservation> rows = reservations.findByOrderIdOrderById(orderId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    OrderSummary order = orders.summary(orderId);
    Map<String, String> bins = new java.util.HashMap<>();
    stock.findBySkuIn(rows.stream().map(StockReservation::sku).distinct().toList())
        .forEach(st -> bins.put(st.sku() + "@" + st.warehouseId(), st.binLocation()));
    List<ReservedShipment> shipments = order.shipments().stream()
        .map(s -> new ReservedShipment(s.shipmentNo(), s.warehouseId(), s.distanceKm(),
            BigDecimal.valueOf(s.weightGrams()).movePointLeft(3),
            rows.stream().filter(r -> r.warehouseId().equals(s.warehouseId()))
                .map(r -> new ReservedLine(r.sku(), r.quantity(), bins.get(r.sku() + "@" + r.warehouseId())))
                .toList()))
        .toList();
    Map<String, Integer> unavailable = new LinkedHashMap<>();
    order.lines().stream().filter(l -> l.unavailableQuantity() > 0)
        .forEach(l -> unavailable.merge(l.sku(), l.unavailableQuantity(), Integer::sum));
    return Optional.of(new ReservationResult.Reserved(shipments, unavailable));
  }

  /** The stock ledger: one line per movement, in the same transaction as the movement, with the figures after it. */
  private void record(StockMovement.Type type, String sku, String warehouseId, int quantity, String orderId) {
    Stock after = stock.findById(new Stock.Key(sku, warehouseId))
        .orElseThrow(() -> new IllegalStateException("No stock row " + sku + " in " + warehouseId));
    movements.save(new StockMovement(sku, warehouseId, type, quantity, orderId, after.onHand(), after.reserved(),
        clock.instant()));
  }

  public record Movement(String sku, String warehouseId, String type, int quantity, String orderId, int onHandAfter,
      int reservedAfter, Instant occurredAt) {}

  /** The latest movements of a SKU in every warehouse, newest first. */
  @Transactional(readOnly = true)
  public List<Movement> movementsOf(String sku, int max) {
    return movements.findBySkuOrderByIdDesc(sku, org.springframework.data.domain.Limit.of(max)).stream()
        .map(Inventory::movement).toList();
  }

  /** Every movement an order caused, in order. */
  @Transactional(readOnly = true)
  public List<Movement> movementsOfOrder(String orderId) {
    return movements.findByOrderIdOrderById(orderId).stream().map(Inventory::movement).toList();
  }

  private static Movement movement(StockMovement m) {
    return new Movement(m.sku(), m.warehouseId(), m.type().name(), m.quantity(), m.orderId(), m.onHandAfter(),
        m.reservedAfter(), m.occurredAt());
  }

  /**
   * Units a reservation attempt planned were taken by a concurrent reservation: the attempt's transaction must be rolled
   * back, and the order planned again.
   */
  public static final class StockTakenException extends RuntimeException {
    StockTakenException() {
      super("stock taken concurrently", null, false, false);
    }
  }
}
