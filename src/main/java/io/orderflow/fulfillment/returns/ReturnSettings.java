package io.orderflow.fulfillment.returns;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The returns settings ({@code fulfillment.returns.*}).
 *
 * @param windowDays days after delivery within which goods may be returned (the same setting the mails state)
 * @param parcelTimeout how long an approved RMA waits for its parcel before it expires
 * @param labelFee what a return label costs the customer for a return that is not the shop's fault, in the order's
 *     currency (never for complaints)
 */
@ConfigurationProperties("fulfillment.returns")
public record ReturnSettings(@DefaultValue("30") int windowDays, @DefaultValue("P21D") Duration parcelTimeout,
    @DefaultValue("3.95") BigDecimal labelFee) {

  public ReturnSettings {
    if (parcelTimeout == null || parcelTimeout.isNegative() || parcelTimeout.isZero()) {
      throw new IllegalArgumentException("fulfillment.returns.parcel-timeout must be a positive duration");
    }
    if (labelFee == null || labelFee.signum() < 0) {
      throw new IllegalArgumentException("fulfillment.returns.label-fee must not be negative");
    }
  }

  static ReturnSettings defaults() {
    return new ReturnSettings(30, Duration.ofDays(21), new BigDecimal("3.95"));
  }
}
