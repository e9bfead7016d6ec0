package io.orderflow.fulfillment.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The backorder settings ({@code fulfillment.backorders.*}).
 *
 * @param maxWait how long a backorder order waits for its goods before it is cancelled (default 30 days); every order's
 *     process gets it as {@code backorderMaxWait}
 */
@ConfigurationProperties("fulfillment.backorders")
public record BackorderSettings(@DefaultValue("P30D") Duration maxWait) {

  public BackorderSettings {
    if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("fulfillment.backorders.max-wait must be a positive duration");
    }
  }

  static BackorderSettings defaults() {
    return new BackorderSettings(Duration.ofDays(30));
  }

  /** The wait as an ISO-8601 duration for the process's timer: whole days as days ({@code P30D}), else as time. */
  String maxWaitIso() {
    long seconds = maxWait.toSeconds();
    return seconds % 86_400 == 0 && maxWait.toNanosPart() == 0 ? "P" + seconds / 86_400 + "D" : maxWait.toString();
  }
}
