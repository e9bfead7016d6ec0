package io.orderflow.fulfillment.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * One parcel of a plan: the warehouse it leaves from, its great-circle distance to the delivery address in km (one
 * decimal) and the units per SKU it carries, in the order's line order. Immutable.
 */
public record PlannedShipment(String warehouseId, BigDecimal distanceKm, SequencedMap<String, Integer> lines) {

  public PlannedShipment {
    Objects.requireNonNull(warehouseId, "warehouseId");
    distanceKm = distanceKm.setScale(1, RoundingMode.HALF_UP);
    lines = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(lines));
  }
}
