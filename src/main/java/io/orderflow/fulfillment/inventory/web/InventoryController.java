package io.orderflow.fulfillment.inventory.web;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseStock;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stock")
class InventoryController {

  private final Inventory inventory;

  InventoryController(Inventory inventory) {
    this.inventory = inventory;
  }

  /** Stock per warehouse of the given SKUs: on hand, reserved, available and bin location. */
  @GetMapping
  List<WarehouseStock> stock(@RequestParam List<String> sku) {
    if (sku.isEmpty() || sku.size() > 100) {
      throw new InvalidRequestException("sku", "give between 1 and 100 SKUs");
    }
    return inventory.stockOf(sku);
  }

  /** The stock ledger of a SKU (every warehouse), newest first: reservations, releases, goods issued. */
  @GetMapping("/movements")
  List<Inventory.Movement> movements(@RequestParam String sku, @RequestParam(defaultValue = "100") int max) {
    if (max < 1 || max > 1000) {
      throw new InvalidRequestException("max", "must be between 1 and 1000");
    }
    return inventory.movementsOf(sku, max);
  }

  /** Every stock movement an order caused, oldest first. */
  @GetMapping("/movements/orders/{orderId}")
  List<Inventory.Movement> movementsOfOrder(@PathVariable String orderId) {
    return inventory.movementsOfOrder(orderId);
  }
}
