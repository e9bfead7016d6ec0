package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseLocation;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which warehouses can spare units of a SKU for another one. A warehouse keeps its reorder point plus one order
 * quantity of the SKU when it has a reorder policy for it (giving more away would make it reorder at once), nothing
 * when it has none; what it has available (on hand − reserved) beyond that is its surplus.
 */
@Component
class TransferSources {

  /**
   * A warehouse with a surplus of the SKU, its great-circle distance to the destination (km, raw and to one decimal).
   */
  record Source(String warehouseId, int surplus, double distanceKm) {

    BigDecimal roundedKm() {
      return BigDecimal.valueOf(distanceKm).setScale(1, RoundingMode.HALF_UP);
    }
  }

  private final ReorderPolicyRepository policies;
  private final Inventory inventory;

  TransferSources(ReorderPolicyRepository policies, Inventory inventory) {
    this.policies = policies;
    this.inventory = inventory;
  }

  /** The units of the SKU the warehouse keeps for itself: reorder point + order quantity, or 0 without a policy. */
  int keepAvailable(String sku, String warehouseId) {
    return policies.findById(new ReorderPolicy.Key(sku, warehouseId))
        .map(p -> p.reorderPoint() + p.orderQuantity()).orElse(0);
  }

  /** What the warehouse can give away now (never negative). */
  int surplus(String sku, String warehouseId) {
    int available = inventory.stockIn(sku, warehouseId).map(Inventory.WarehouseStock::available).orElse(0);
    return Math.max(0, available - keepAvailable(sku, warehouseId));
  }

  /**
   * Every other warehouse with a surplus of the SKU, nearest to the destination first (then the larger surplus, then
   * the warehouse id).
   */
  List<Source> ranked(String sku, String destinationId) {
    List<WarehouseLocation> locations = inventory.warehouseLocations();
    WarehouseLocation destination = locations.stream().filter(w -> w.id().equals(destinationId)).findFirst()
        .orElseThrow(() -> new NotFoundException("Warehouse", destinationId));
    Map<String, Integer> available = inventory.stockOf(List.of(sku)).stream()
        .collect(Collectors.toMap(Inventory.WarehouseStock::warehouseId, Inventory.WarehouseStock::available));
    return locations.stream()
        .filter(w -> !w.id().equals(destinationId))
        .map(w -> new Source(w.id(), available.getOrDefault(w.id(), 0) - keepAvailable(sku, w.id()),
            destination.location().distanceKmTo(w.location())))
        .filter(s -> s.surplus() > 0)
        .sorted(Comparator.comparingDouble(Source::distanceKm)
            .thenComparing(Comparator.comparingInt(Source::surplus).reversed())
            .thenComparing(Source::warehouseId))
        .toList();
  }
}
