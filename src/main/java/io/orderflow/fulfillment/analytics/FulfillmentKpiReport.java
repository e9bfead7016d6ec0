package io.orderflow.fulfillment.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Fulfilment KPIs of the orders placed from {@code from} to {@code to} (UTC dates, both inclusive), optionally only
 * those of one warehouse. Durations are hours with two decimals, rates fractions with four; a figure without a base
 * (no order reached the stage, nothing delivered) is null, a count is 0.
 */
public record FulfillmentKpiReport(LocalDate from, LocalDate to, String warehouse, long ordersPlaced,
    List<StageCycleTime> cycleTimes, OnTimeDelivery onTime, FillRate fillRate, Returns returns, Backorders backorders,
    List<PaymentMethodShare> paymentMethods, List<ChannelRevenue> revenue, List<StatusCount> ordersByStatus) {

  /** The stages of an order's way, from the milestones it recorded. */
  public enum Stage { PLACED_TO_PAID, PAID_TO_PICKED, PICKED_TO_SHIPPED, SHIPPED_TO_DELIVERED, PLACED_TO_DELIVERED }

  /** How long the orders that went through a stage took: how many, the median and the 90th percentile (nearest rank). */
  public record StageCycleTime(Stage stage, long count, BigDecimal medianHours, BigDecimal p90Hours) {}

  /**
   * Delivered orders against their promise: on time when delivered no later than the promise; without a promise when
   * the order had neither a slot nor an ETA. rate = onTime / (onTime + late).
   */
  public record OnTimeDelivery(long onTime, long late, long withoutPromise, BigDecimal rate) {}

  /** Order lines of orders that shipped something, and those shipped complete at the first attempt. */
  public record FillRate(long lines, long filledLines, BigDecimal rate) {}

  /** Units delivered, units received back from customers, rate = returned / delivered, and per reason. */
  public record Returns(long deliveredUnits, long returnedUnits, BigDecimal rate, List<ReasonCount> byReason) {}

  /** RMAs asked for with a reason, and the units of them received back. */
  public record ReasonCount(String reason, long requests, long returnedUnits) {}

  /**
   * Backorder orders placed in the range: how many, how many got stock and how long they waited for it (placed →
   * stock allocated), and how many still wait.
   */
  public record Backorders(long count, long allocated, BigDecimal medianWaitHours, BigDecimal p90WaitHours,
      long stillWaiting) {}

  public record PaymentMethodShare(String method, long orders, BigDecimal share) {}

  /** Charged goods plus shipping of the channel's orders that were neither cancelled nor expired, in one currency. */
  public record ChannelRevenue(String channel, String currency, BigDecimal amount) {}

  public record StatusCount(String status, long orders) {}
}
