package io.orderflow.fulfillment.inventory;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
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
 * Stock per SKU and warehouse. A reservation is all-or-nothing per warehouse and taken with conditional updates,
 * so concurrent orders never take the same unit; every operation is keyed by the order id and may be repeated.
 */
@Service
public class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);

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
  private final TransactionTemplate tx;
  private final Clock clock;

  Inventory(StockRepository stock, StockReservationRepository reservations, WarehouseRepository warehouses,
      OrderService orders, PlatformTransactionManager txManager, Clock clock) {
    this.stock = stock;
    this.reservations = reservations;
    this.warehouses = warehouses;
    this.orders = orders;
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

    Map<String, Map<String, Stock>> byWarehouse = stock.findBySkuIn(wanted.keySet()).stream()
        .collect(Collectors.groupingBy(Stock::warehouseId, Collectors.toMap(Stock::sku, s -> s)));
    List<Warehouse> candidates = warehouses.findAll().stream()
        .filter(w -> canShipAll(byWarehouse.getOrDefault(w.id(), Map.of()), wanted))
        .sorted(Comparator.comparing((Warehouse w) -> !w.country().equals(order.deliveryCountry()))
            .thenComparing(Warehouse::id))
        .toList();

    for (Warehouse warehouse : candidates) {
      try {
        ReservationResult result = tx.execute(status -> tryReserve(orderId, warehouse.id(), wanted));
        if (result != null) {
          log.info("Reserved stock for order {} in warehouse {}", orderId, warehouse.id());
          return result;
        }
      } catch (StockTakenException taken) {
        log.debug("Stock for order {} taken concurrently in {}, trying the next warehouse", orderId, warehouse.id());
      } catch (DataIntegrityViolationException duplicate) {
        // The same job ran concurrently and won: its reservation stands.
        Optional<ReservationResult> won = existingReservation(orderId);
        if (won.isPresent()) {
          return won.get();
        }
        throw duplicate;
      }
    }
    return new ReservationResult.OutOfStock(shortageReason(wanted, byWarehouse));
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

  private ReservationResult tryReserve(String orderId, String warehouseId, Map<String, Integer> wanted) {
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
    orders.stockReserved(orderId, warehouseId);
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

  private static boolean canShipAll(Map<String, Stock> inWarehouse, Map<String, Integer> wanted) {
    return wanted.entrySet().stream().allMatch(e -> {
      Stock s = inWarehouse.get(e.getKey());
      return s != null && s.available() >= e.getValue();
    });
  }

  private static String shortageReason(Map<String, Integer> wanted, Map<String, Map<String, Stock>> byWarehouse) {
    String detail = wanted.entrySet().stream().map(e -> {
      int best = byWarehouse.values().stream().map(m -> m.get(e.getKey()))
          .filter(s -> s != null).mapToInt(Stock::available).max().orElse(0);
      return best >= e.getValue() ? null : e.getKey() + " (ordered " + e.getValue() + ", at most " + best + " in one warehouse)";
    }).filter(s -> s != null).collect(Collectors.joining(", "));
    return detail.isEmpty()
        ? "No single warehouse can ship all lines together"
        : "Out of stock: " + detail;
  }

  /** Thrown inside a reservation attempt to roll it back. */
  static final class StockTakenException extends RuntimeException {
    StockTakenException() {
      super("stock taken concurrently", null, false, false);
    }
  }
}
