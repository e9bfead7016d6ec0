package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a SKU must be replenished in a warehouse, and the facts the replenishment decision
 * (replenishment-source.dmn: transfer or purchase) needs: how many units, and the best warehouse to take them from.
 */
@Service
public class ReplenishmentAssessment {

  private static final Logger log = LoggerFactory.getLogger(ReplenishmentAssessment.class);

  /**
   * @param needed available below the reorder point, and no purchase order or transfer open for the SKU and warehouse
   * @param neededQuantity what to get when needed (the policy's proposed quantity), else 0
   * @param available on hand − reserved in the warehouse now
   * @param reorderPoint the policy's, null without a policy
   * @param transferSourceWarehouseId the nearest other warehouse with a surplus of the SKU; null when none (or not needed)
   * @param transferableQuantity that warehouse's surplus; 0 when none
   * @param transferDistanceKm great-circle distance between the two warehouses (km, one decimal); null when none
   * @param reason why, in words, for the log
   */
  public record Assessment(String sku, String warehouseId, boolean needed, int neededQuantity, int available,
      Integer reorderPoint, String transferSourceWarehouseId, int transferableQuantity, BigDecimal transferDistanceKm,
      String reason) {}

  private final Replenishment replenishment;
  private final ReorderPolicyRepository policies;
  private final Transfers transfers;
  private final TransferSources sources;
  private final Inventory inventory;

  ReplenishmentAssessment(Replenishment replenishment, ReorderPolicyRepository policies, Transfers transfers,
      TransferSources sources, Inventory inventory) {
    this.replenishment = replenishment;
    this.policies = policies;
    this.transfers = transfers;
    this.sources = sources;
    this.inventory = inventory;
  }

  /**
   * Needed when the SKU's available stock is below its reorder point in the warehouse and neither a purchase order
   * ({@link Replenishment#check}) nor a transfer is open for it. When needed, the candidate transfer source is the
   * nearest other warehouse whose surplus ({@link TransferSources}) is positive.
   */
  @Transactional(readOnly = true)
  public Assessment assess(String sku, String warehouseId) {
    int available = inventory.stockIn(sku, warehouseId).map(Inventory.WarehouseStock::available).orElse(0);
    Optional<ReorderPolicy> policy = policies.findById(new ReorderPolicy.Key(sku, warehouseId));
    Integer reorderPoint = policy.map(ReorderPolicy::reorderPoint).orElse(null);
    Assessment assessment;
    if (policy.isEmpty()) {
      assessment = notNeeded(sku, warehouseId, available, null, "no reorder policy");
    } else if (available >= reorderPoint) {
      assessment = notNeeded(sku, warehouseId, available, reorderPoint,
          "available " + available + " is not below the reorder point " + reorderPoint);
    } else {
      Optional<ReplenishmentNeed> need = replenishment.check(sku, warehouseId);
      Optional<Transfers.TransferView> openTransfer = transfers.openTo(sku, warehouseId);
      if (need.isEmpty()) {
        assessment = notNeeded(sku, warehouseId, available, reorderPoint, "a purchase order is open for it");
      } else if (openTransfer.isPresent()) {
        assessment = notNeeded(sku, warehouseId, available, reorderPoint,
            "transfer " + openTransfer.get().number() + " is on its way");
      } else {
        List<TransferSources.Source> ranked = sources.ranked(sku, warehouseId);
        int quantity = need.get().proposedQuantity();
        assessment = ranked.isEmpty()
            ? new Assessment(sku, warehouseId, true, quantity, available, reorderPoint, null, 0, null,
                "below the reorder point; no other warehouse has a surplus")
            : new Assessment(sku, warehouseId, true, quantity, available, reorderPoint, ranked.get(0).warehouseId(),
                ranked.get(0).surplus(), ranked.get(0).roundedKm(),
                "below the reorder point; nearest surplus in " + ranked.get(0).warehouseId());
      }
    }
    log.info("Replenishment of {} in {}: {} ({})", sku, warehouseId, assessment.needed() ? "needed" : "not needed",
        assessment.reason());
    return assessment;
  }

  private static Assessment notNeeded(String sku, String warehouseId, int available, Integer reorderPoint,
      String reason) {
    return new Assessment(sku, warehouseId, false, 0, available, reorderPoint, null, 0, null, reason);
  }
}
