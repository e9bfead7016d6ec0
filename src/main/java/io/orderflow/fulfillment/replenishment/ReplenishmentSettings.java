package io.orderflow.fulfillment.replenishment;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replenishment settings ({@code fulfillment.replenishment.*}).
 *
 * @param approvalThreshold a purchase order worth more than this (in its currency, EUR for the demo suppliers) waits
 *     for purchasing's approval; at or below it, it goes to the supplier at once
 */
@ConfigurationProperties("fulfillment.replenishment")
public record ReplenishmentSettings(@DefaultValue("1000") BigDecimal approvalThreshold) {

  public ReplenishmentSettings {
    if (approvalThreshold == null || approvalThreshold.signum() < 0) {
      throw new IllegalArgumentException("fulfillment.replenishment.approval-threshold must not be negative");
    }
  }

  static ReplenishmentSettings defaults() {
    return new ReplenishmentSettings(new BigDecimal("1000"));
  }
}
