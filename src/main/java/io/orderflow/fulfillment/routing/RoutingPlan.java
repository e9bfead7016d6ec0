package io.orderflow.fulfillment.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an order's lines ship from: the shipments (nearest warehouse first), the units per SKU that no warehouse can
 * give ({@code unavailable}, in line order, empty when the whole order is served) and the reason for the choice in
 * words, to be kept with the order and shown on it.
 */
public record RoutingPlan(List<PlannedShipment> shipments, Map<String, Integer> unavailable, String reason) {

  public RoutingPlan {
    shipments = List.copyOf(shipments);
    unavailable = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(unavailable));
    Objects.requireNonNull(reason, "reason");
  }

  /** Every ordered unit has a warehouse. */
  public boolean isComplete() {
    return unavailable.isEmpty();
  }

  /** The order leaves in more than one parcel. */
  public boolean isSplit() {
    return shipments.size() > 1;
  }
}
