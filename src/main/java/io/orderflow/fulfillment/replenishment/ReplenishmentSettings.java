package io.orderflow.fulfillment.replenishment;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replenishment settings ({@code fulfillment.replenishment.*}).
 *
 * @param approvalThreshold a purchase order worth more than this (in its currency, EUR for the demo suppliers) waits
 *     for purchasing's approval; at or below it, it goes to the supplier at once
 * @param sweepInterval how often every reorder policy is checked (a safety net for stock changes no event reported,
 *     e.g. a publication that failed while the engine was unreachable); the first sweep runs one interval after start
 */
@ConfigurationProperties("fulfillment.replenishment")
public record ReplenishmentSettings(@DefaultValue("1000") BigDecimal approvalThreshold,
    @DefaultValue("PT15M") Duration sweepInterval) {

  public ReplenishmentSettings {
    if (approvalThreshold == null || approvalThreshold.signum() < 0) {
      throw new IllegalArgumentException("fulfillment.replenishment.approval-threshold must not be negative");
    }
    if (sweepInterval == null || sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("fulfillment.replenishment.sweep-interval must be a positive duration");
    }
  }

  static ReplenishmentSettings defaults() {
    return new ReplenishmentSettings(new BigDecimal("1000"), Duration.ofMinutes(15));
  }
}
