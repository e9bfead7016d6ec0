package io.orderflow.fulfillment.notification;

import java.util.Arrays;

/** Who is told: the customer of the order, or a department (candidate-group names of the roles). */
public enum Audience {
  CUSTOMER("customer"),
  CUSTOMER_SERVICE("customer-service"),
  MARKETING("marketing"),
  FINANCE("finance"),
  WAREHOUSE("warehouse"),
  PURCHASING("purchasing");

  private final String code;

  Audience(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The audience for a department name as written in the models' task headers, e.g. {@code customer-service}. */
  public static Audience ofCode(String code) {
    return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown audience '" + code + "'; known: "
            + Arrays.stream(values()).map(Audience::code).toList()));
  }
}
