package io.orderflow.fulfillment.analytics;

import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Backorders;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.ChannelRevenue;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.FillRate;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.OnTimeDelivery;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.PaymentMethodShare;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.ReasonCount;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Returns;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Stage;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.StageCycleTime;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.StatusCount;
import io.orderflow.fulfillment.analytics.KpiQueries.LineRow;
import io.orderflow.fulfillment.analytics.KpiQueries.MilestoneRow;
import io.orderflow.fulfillment.analytics.KpiQueries.OrderRow;
import io.orderflow.fulfillment.analytics.KpiQueries.ParcelRow;
import io.orderflow.fulfillment.analytics.KpiQueries.ReturnRow;
import io.orderflow.fulfillment.analytics.KpiQueries.Scope;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the fulfilment KPIs of the orders placed in a date range from what the order's history recorded.
 *
 * <p>Definitions (all times UTC):
 * <ul>
 *   <li>An order is in the report when it was placed on a day from {@code from} to {@code to} (inclusive); with a
 *       warehouse, only when its main warehouse (the first parcel's) or any of its parcels' is that warehouse, and
 *       then the whole order counts.</li>
 *   <li>Stages: placed = the order's placed time; paid = milestone ORDER_PAYMENT_AUTHORIZED (the payment is secured:
 *       card authorized, transfer received, cash on delivery registered, invoice approved); picked = when the last
 *       parcel's pick was completed (pick scans' picked time); shipped = ORDER_SHIPPED (every parcel still on its way
 *       handed over); delivered = ORDER_DELIVERED. A stage counts the orders that recorded both ends; median and p90
 *       are nearest-rank percentiles ({@link Percentiles}).</li>
 *   <li>On time: a delivered order is on time when ORDER_DELIVERED is no later than its promise: the end of the
 *       chosen delivery slot (its date and window in the delivery zone, {@code fulfillment.delivery.zone}; ALL_DAY
 *       ends at midnight) or, without a slot, the latest ETA the courier gave for any of its parcels. Neither: counted
 *       as without promise.</li>
 *   <li>Fill rate: of the lines of orders with at least one parcel handed over, those shipped complete at the first
 *       attempt: no unavailable units, and no parcel of the order cancelled or returned (lines are not tied to
 *       parcels, so such a parcel marks every line of its order).</li>
 *   <li>Returns: delivered units = the shipped units (ordered minus unavailable) of delivered orders; returned units =
 *       units of RMAs of the orders in the report received back at the warehouse; per reason the RMAs (any status)
 *       and their units received.</li>
 *   <li>Backorders: backorder orders placed in the range; wait = placed → stock allocated; still waiting = no stock
 *       allocated and status AWAITING_STOCK.</li>
 *   <li>Revenue per channel and currency: goods that ship (ordered minus unavailable units × unit price) plus the
 *       accepted shipping cost, of orders neither CANCELLED nor EXPIRED (free replacements add 0).</li>
 * </ul>
 */
@Service
public class FulfillmentKpis {

  /** The longest range one report covers, in days (a leap year). */
  public static final int MAX_DAYS = 366;
  /** The range when none is given: the last 30 days up to today (UTC). */
  public static final int DEFAULT_DAYS = 30;

  private static final Set<String> NOT_CHARGED = Set.of("CANCELLED", "EXPIRED");

  private final KpiQueries queries;
  private final Clock clock;
  private final ZoneId deliveryZone;

  FulfillmentKpis(KpiQueries queries, Clock clock,
      @Value("${fulfillment.delivery.zone:Europe/Madrid}") ZoneId deliveryZone) {
    this.queries = queries;
    this.clock = clock;
    this.deliveryZone = deliveryZone;
  }

  /**
   * The KPIs of the orders placed from {@code from} to {@code to} (UTC dates, inclusive), of one warehouse or all.
   *
   * @param from null: {@value #DEFAULT_DAYS} days before {@code to} (the range is then 30 days long)
   * @param to null: today (UTC)
   * @param warehouse null or blank: every warehouse
   * @throws InvalidRequestException when from is after to, the range is longer than {@value #MAX_DAYS} days, or the
   *     warehouse is unknown
   */
  @Transactional(readOnly = true)
  public FulfillmentKpiReport report(LocalDate from, LocalDate to, String warehouse) {
    LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
    if (start.isAfter(end)) {
      throw new InvalidRequestException("from", "must not be after to (" + start + " > " + end + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
      throw new InvalidRequestException("to", "the range " + start + " to " + end + " is longer than " + MAX_DAYS
          + " days");
    }
    String house = warehouse == null || warehouse.isBlank() ? null : warehouse.strip();
    if (house != null && !queries.warehouseExists(house)) {
      throw new InvalidRequestException("warehouse", "is not a known warehouse: " + house);
    }
    Scope scope = new Scope(start, end, house);

    List<OrderRow> orders = queries.orders(scope);
    Map<String, Map<String, Instant>> milestones = new HashMap<>();
    for (MilestoneRow m : queries.milestones(scope)) {
      milestones.computeIfAbsent(m.orderId(), k -> new HashMap<>())
          .merge(m.milestone(), m.occurredAt(), (a, b) -> a.isBefore(b) ? a : b); // the first time it happened
    }
    Map<String, Instant> picked = queries.picks(scope).stream()
        .collect(Collectors.toMap(KpiQueries.PickRow::orderId, KpiQueries.PickRow::lastPickedAt));
    Map<String, List<ParcelRow>> parcels = queries.parcels(scope).stream()
        .collect(Collectors.groupingBy(ParcelRow::orderId));
    Map<String, List<LineRow>> lines = queries.lines(scope).stream().collect(Collectors.groupingBy(LineRow::orderId));

    return new FulfillmentKpiReport(start, end, house, orders.size(), cycleTimes(orders, milestones, picked),
        onTime(orders, milestones, parcels), fillRate(orders, parcels, lines),
        returns(orders, milestones, lines, queries.returns(scope)), backorders(orders), paymentMix(orders),
        revenue(orders, lines), byStatus(orders));
  }

  private static List<StageCycleTime> cycleTimes(List<OrderRow> orders, Map<String, Map<String, Instant>> milestones,
      Map<String, Instant> picked) {
    Map<Stage, List<Long>> seconds = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      seconds.put(stage, new ArrayList<>());
    }
    for (OrderRow order : orders) {
      Map<String, Instant> m = milestones.getOrDefault(order.id(), Map.of());
      Instant placed = order.placedAt();
      Instant paid = m.get("ORDER_PAYMENT_AUTHORIZED");
      Instant pick = picked.get(order.id());
      Instant shipped = m.get("ORDER_SHIPPED");
      Instant delivered = m.get("ORDER_DELIVERED");
      add(seconds.get(Stage.PLACED_TO_PAID), placed, paid);
      add(seconds.get(Stage.PAID_TO_PICKED), paid, pick);
      add(seconds.get(Stage.PICKED_TO_SHIPPED), pick, shipped);
      add(seconds.get(Stage.SHIPPED_TO_DELIVERED), shipped, delivered);
      add(seconds.get(Stage.PLACED_TO_DELIVERED), placed, delivered);
    }
    return seconds.entrySet().stream().map(e -> new StageCycleTime(e.getKey(), e.getValue().size(),
        Percentiles.hours(Percentiles.nearestRank(e.getValue(), 50)),
        Percentiles.hours(Percentiles.nearestRank(e.getValue(), 90)))).toList();
  }

  private static void add(List<Long> into, Instant start, Instant end) {
    if (start != null && end != null) {
      into.add(Duration.between(start, end).toSeconds());
    }
  }

  private OnTimeDelivery onTime(List<OrderRow> orders, Map<String, Map<String, Instant>> milestones,
      Map<String, List<ParcelRow>> parcels) {
    long onTime = 0;
    long late = 0;
    long withoutPromise = 0;
    for (OrderRow order : orders) {
      Instant delivered = milestones.getOrDefault(order.id(), Map.of()).get("ORDER_DELIVERED");
      if (delivered == null) {
        continue;
      }
      Instant promise = slotEnd(order);
      if (promise == null) {
        promise = parcels.getOrDefault(order.id(), List.of()).stream().map(ParcelRow::estimatedDelivery)
            .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
      }
      if (promise == null) {
        withoutPromise++;
      } else if (delivered.isAfter(promise)) {
        late++;
      } else {
        onTime++;
      }
    }
    return new OnTimeDelivery(onTime, late, withoutPromise, Percentiles.ratio(onTime, onTime + late));
  }

  /** The end of the order's delivery slot ("09:00-13:00" ends 13:00, ALL_DAY at midnight), or null without a slot. */
  Instant slotEnd(OrderRow order) {
    if (order.slotDate() == null) {
      return null;
    }
    String window = order.slotWindow();
    int dash = window == null ? -1 : window.indexOf('-');
    if (dash < 0) {
      return order.slotDate().plusDays(1).atStartOfDay(deliveryZone).toInstant();
    }
    return order.slotDate().atTime(LocalTime.parse(window.substring(dash + 1).strip())).atZone(deliveryZone)
        .toInstant();
  }

  private static FillRate fillRate(List<OrderRow> orders, Map<String, List<ParcelRow>> parcels,
      Map<String, List<LineRow>> lines) {
    long total = 0;
    long filled = 0;
    for (OrderRow order : orders) {
      List<ParcelRow> own = parcels.getOrDefault(order.id(), List.of());
      if (own.stream().noneMatch(p -> p.handedOverAt() != null)) {
        continue;
      }
      boolean parcelFailed = own.stream().anyMatch(p -> "CANCELLED".equals(p.status()) || "RETURNED".equals(p.status()));
      for (LineRow line : lines.getOrDefault(order.id(), List.of())) {
        total++;
        if (!parcelFailed && line.unavailable() == 0) {
          filled++;
        }
      }
    }
    return new FillRate(total, filled, Percentiles.ratio(filled, total));
  }

  private static Returns returns(List<OrderRow> orders, Map<String, Map<String, Instant>> milestones,
      Map<String, List<LineRow>> lines, List<ReturnRow> returns) {
    long delivered = 0;
    for (OrderRow order : orders) {
      if (milestones.getOrDefault(order.id(), Map.of()).containsKey("ORDER_DELIVERED")) {
        delivered += lines.getOrDefault(order.id(), List.of()).stream()
            .mapToLong(l -> l.quantity() - l.unavailable()).sum();
      }
    }
    Map<String, Set<String>> requests = new TreeMap<>();
    Map<String, Long> units = new TreeMap<>();
    for (ReturnRow r : returns) {
      requests.computeIfAbsent(r.reason(), k -> new HashSet<>()).add(r.returnId());
      units.merge(r.reason(), (long) r.receivedUnits(), Long::sum);
    }
    long returned = units.values().stream().mapToLong(Long::longValue).sum();
    List<ReasonCount> byReason = requests.entrySet().stream()
        .map(e -> new ReasonCount(e.getKey(), e.getValue().size(), units.get(e.getKey()))).toList();
    return new Returns(delivered, returned, Percentiles.ratio(returned, delivered), byReason);
  }

  private static Backorders backorders(List<OrderRow> orders) {
    List<OrderRow> backorders = orders.stream().filter(OrderRow::backorder).toList();
    List<Long> waits = backorders.stream().filter(o -> o.stockAllocatedAt() != null)
        .map(o -> Duration.between(o.placedAt(), o.stockAllocatedAt()).toSeconds()).toList();
    long waiting = backorders.stream()
        .filter(o -> o.stockAllocatedAt() == null && "AWAITING_STOCK".equals(o.status())).count();
    return new Backorders(backorders.size(), waits.size(), Percentiles.hours(Percentiles.nearestRank(waits, 50)),
        Percentiles.hours(Percentiles.nearestRank(waits, 90)), waiting);
  }

  private static List<PaymentMethodShare> paymentMix(List<OrderRow> orders) {
    Map<String, Long> counts = new TreeMap<>(orders.stream()
        .collect(Collectors.groupingBy(OrderRow::paymentMethod, Collectors.counting())));
    return counts.entrySet().stream()
        .map(e -> new PaymentMethodShare(e.getKey(), e.getValue(), Percentiles.ratio(e.getValue(), orders.size())))
        .toList();
  }

  private static List<ChannelRevenue> revenue(List<OrderRow> orders, Map<String, List<LineRow>> lines) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (OrderRow order : orders) {
      if (NOT_CHARGED.contains(order.status())) {
        continue;
      }
      BigDecimal goods = lines.getOrDefault(order.id(), List.of()).stream()
          .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity() - l.unavailable())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal amount = goods.add(order.shippingCost() == null ? BigDecimal.ZERO : order.shippingCost());
      sums.merge(order.channel() + "\u0000" + order.currency(), amount, BigDecimal::add);
    }
    return sums.entrySet().stream().map(e -> {
      String[] key = e.getKey().split("\u0000");
      return new ChannelRevenue(key[0], key[1], e.getValue().setScale(2, java.math.RoundingMode.HALF_UP));
    }).toList();
  }

  private static List<StatusCount> byStatus(List<OrderRow> orders) {
    return new TreeMap<>(orders.stream().collect(Collectors.groupingBy(OrderRow::status, Collectors.counting())))
        .entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
  }
}
