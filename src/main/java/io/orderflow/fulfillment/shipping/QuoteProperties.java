package io.orderflow.fulfillment.shipping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a shipping quote stays open for the customer's acceptance ({@code fulfillment.quote.validity}, default
 * 30 minutes). The reserved goods are held for the same time.
 */
@ConfigurationProperties("fulfillment.quote")
public record QuoteProperties(@DefaultValue("PT30M") Duration validity) {

  public QuoteProperties {
    if (validity == null || validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("fulfillment.quote.validity must be a positive duration");
    }
  }
}
