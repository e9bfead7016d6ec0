package io.orderflow.fulfillment.inventory;

import java.util.List;
import java.util.Set;

/**
 * Available stock went down (units reserved for an order, or issued to the courier), published as a Spring event in
 * the transaction that took it; listeners act once it committed (replenishment checks the reorder points).
 *
 * @param reason what took the stock, for log lines (e.g. {@code reservation of order <id>})
 * @param positions the SKUs and warehouses whose stock went down
 * @param unavailableSkus SKUs an order wanted that no warehouse had (the reservation reported them unavailable)
 */
public record StockDecreased(String reason, List<Position> positions, Set<String> unavailableSkus) {

  /** One SKU in one warehouse. */
  public record Position(String sku, String warehouseId) {}

  public StockDecreased {
    positions = List.copyOf(positions);
    unavailableSkus = Set.copyOf(unavailableSkus);
  }
}
