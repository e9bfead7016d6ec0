package io.orderflow.fulfillment.inventory;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.routing.CandidateWarehouse;
import io.orderflow.fulfillment.routing.GeoPoint;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.routing.RoutingPlan;
import io.orderflow.fulfillment.routing.ShipmentPlanner;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock per SKU and warehouse. The routing chooses the warehouse nearest to the delivery address that holds every
 * line; the reservation there is all-or-nothing and taken with conditional updates, so concurrent orders never take
 * the same unit (if they did take it first, the order is planned again). Every operation is keyed by the order id
 * and may be repeated.
 */
@Service
public class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);
  static final int MAX_PLANNING_ATTEMPTS = 3;

  public sealed interface ReservationResult {
    record Reserved(String warehouseId, List<ReservedLine> lines) implements ReservationResult {}

    record OutOfStock(String reason) implements ReservationResult {}
  }

  public record ReservedLine(String sku, int quantity, String binLocation) {}

  public record WarehouseStock(String sku, String warehouseId, int onHand, int reserved, int available,
      String binLocation) {}

  private final StockRepository stock;
  private final StockReservationRepository reservations;
  private final WarehouseRepository warehouses;
  private final OrderService orders;
  private final Geocoder geocoder;
  private final ShipmentPlanner planner;
  private final TransactionTemplate tx;
  private final Clock clock;

  Inventory(StockRepository stock, StockReservationRepository reservations, WarehouseRepository warehouses,
      OrderService orders, Geocoder geocoder, ShipmentPlanner planner, PlatformTransactionManager txManager,
      Clock clock) {
    this.stock = stock;
    this.reservations = reservations;
    this.warehouses = warehouses;
    this.orders = orders;
    this.geocoder = geocoder;
    this.planner = planner;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Reserves every line of the order in one warehouse (same country as the delivery address first) and records the
   * warehouse on the order. Repeating the call returns the reservation already made.
   */
  public ReservationResult reserveForOrder(String orderId) {
    Optional<ReservationResult> existing = existingReservation(orderId);
    if (existing.isPresent()) {
      return existing.get();
    }
    OrderSummary order = orders.summary(orderId);
    Map<String, Integer> wanted = order.lines().stream()
        .collect(Collectors.toMap(OrderService.LineSummary::sku, OrderService.LineSummary::quantity, Integer::sum,
            LinkedHashMap::new));
    GeoPoint destination = geocoder.locate(order.deliveryCountry(), order.shippingAddress().postalCode());

    for (int attempt = 1; attempt <= MAX_PLANNING_ATTEMPTS; attempt++) {
      RoutingPlan plan = planner.plan(wanted, destination, candidates(wanted.keySet()));
      if (!plan.isComplete()) {
        return new ReservationResult.OutOfStock("Out of stock: " + plan.reason());
      }
      if (plan.isSplit()) {
        // Fulfilment runs one shipment per order today; split shipments come with per-shipment fulfilment.
        return new ReservationResult.OutOfStock("Cannot ship in one parcel: " + plan.reason());
      }
      String warehouseId = plan.shipments().get(0).warehouseId();
      try {
        ReservationResult result = tx.execute(status -> tryReserve(orderId, warehouseId, wanted, plan.reason()));
        log.info("Reserved stock for order {} in warehouse {}: {}", orderId, warehouseId, plan.reason());
        return result;
      } catch (StockTakenException taken) {
        log.debug("Stock for order {} taken concurrently in {}, planning again", orderId, warehouseId);
      } catch (DataIntegrityViolationException duplicate) {
        // The same job ran concurrently and won: its reservation stands.
        return existingReservation(orderId).orElseThrow(() -> duplicate);
      }
    }
    // Not a business outcome: the job fails and Zeebe retries it with fresh stock figures.
    throw new IllegalStateException("Stock for order " + orderId + " kept changing during " + MAX_PLANNING_ATTEMPTS
        + " reservation attempts");
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
    int released = 0;
    for (StockReservation r : reservations.findByOrderIdOrderById(orderId)) {
      if (reservations.closeIfActive(r.id(), StockReservation.Status.RELEASED, clock.instant()) == 1) {
        if (stock.unreserve(r.sku(), r.warehouseId(), r.quantity()) != 1) {
          throw new IllegalStateException("Stock of " + r.sku() + " in " + r.warehouseId() + " has less reserved than reservation " + r.id());
        }
        released++;
      }
    }
    if (released > 0) {
      log.info("Released {} reservation(s) of order {}", released, orderId);
    }
    return released;
  }

  /** The reserved goods leave the warehouse with the courier: on-hand and reserved go down once. */
  @Transactional
  public int issueForShipment(String orderId) {
    int issued = 0;
    for (StockReservation r : reservations.findByOrderIdOrderById(orderId)) {
      if (reservations.closeIfActive(r.id(), StockReservation.Status.ISSUED, clock.instant()) == 1) {
        if (stock.issue(r.sku(), r.warehouseId(), r.quantity()) != 1) {
          throw new IllegalStateException("Cannot issue " + r.quantity() + " x " + r.sku() + " from " + r.warehouseId());
        }
        issued++;
      }
    }
    return issued;
  }

  @Transactional(readOnly = true)
  public String countryOf(String warehouseId) {
    return warehouses.findById(warehouseId).map(Warehouse::country)
        .orElseThrow(() -> new io.orderflow.fulfillment.shared.NotFoundException("Warehouse", warehouseId));
  }

  @Transactional(readOnly = true)
  public List<WarehouseStock> stockOf(List<String> skus) {
    return stock.findBySkuIn(skus).stream()
        .sorted(Comparator.comparing(Stock::sku).thenComparing(Stock::warehouseId))
        .map(s -> new WarehouseStock(s.sku(), s.warehouseId(), s.onHand(), s.reserved(), s.available(), s.binLocation()))
        .toList();
  }

  private ReservationResult tryReserve(String orderId, String warehouseId, Map<String, Integer> wanted,
      String routingReason) {
    Map<String, String> bins = stock.findByWarehouseIdAndSkuIn(warehouseId, wanted.keySet()).stream()
        .collect(Collectors.toMap(Stock::sku, Stock::binLocation));
    Instant now = clock.instant();
    for (Map.Entry<String, Integer> line : wanted.entrySet()) {
      if (stock.reserveIfAvailable(line.getKey(), warehouseId, line.getValue()) != 1) {
        // Someone took the units since we looked: undo this warehouse's attempt and try the next one.
        throw new StockTakenException();
      }
      reservations.saveAndFlush(new StockReservation(orderId, line.getKey(), warehouseId, line.getValue(), now));
    }
    orders.stockReserved(orderId, warehouseId, routingReason);
    return new ReservationResult.Reserved(warehouseId, wanted.entrySet().stream()
        .map(e -> new ReservedLine(e.getKey(), e.getValue(), bins.get(e.getKey()))).toList());
  }

  private Optional<ReservationResult> existingReservation(String orderId) {
    List<StockReservation> rows = reservations.findByOrderIdOrderById(orderId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String warehouseId = rows.get(0).warehouseId();
    Map<String, String> bins = stock.findByWarehouseIdAndSkuIn(warehouseId, rows.stream().map(StockReservation::sku).toList())
        .stream().collect(Collectors.toMap(Stock::sku, Stock::binLocation));
    return Optional.of(new ReservationResult.Reserved(warehouseId,
        rows.stream().map(r -> new ReservedLine(r.sku(), r.quantity(), bins.get(r.sku()))).toList()));
  }

  /** Thrown inside a reservation attempt to roll it back. */
  static final class StockTakenException extends RuntimeException {
    StockTakenException() {
      super("stock taken concurrently", null, false, false);
    }
  }
}
