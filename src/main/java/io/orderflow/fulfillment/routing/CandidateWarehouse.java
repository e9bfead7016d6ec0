package io.orderflow.fulfillment.routing;

import java.util.Map;
import java.util.Objects;

/**
 * A warehouse the planner may ship from: its id, the name used in the reason (the id when none is given), where it is
 * and how many units of each SKU it can still give (on hand minus reserved). SKUs it does not hold may be left out.
 */
public record CandidateWarehouse(String id, String name, GeoPoint location, Map<String, Integer> available) {

  public CandidateWarehouse {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a warehouse needs an id");
    }
    Objects.requireNonNull(location, "location of warehouse " + id);
    name = name == null || name.isBlank() ? id : name;
    available = Map.copyOf(Objects.requireNonNull(available, "available stock of warehouse " + id));
    available.forEach((sku, quantity) -> {
      if (quantity < 0) {
        throw new IllegalArgumentException("warehouse " + id + " has " + quantity + " units of " + sku + " available");
      }
    });
  }

  public CandidateWarehouse(String id, GeoPoint location, Map<String, Integer> available) {
    this(id, id, location, available);
  }

  int availableOf(String sku) {
    return available.getOrDefault(sku, 0);
  }
}
