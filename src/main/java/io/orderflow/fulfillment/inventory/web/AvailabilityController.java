package io.orderflow.fulfillment.inventory.web;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock availability for the storefront, public like the catalogue: per SKU only the units available over all
 * warehouses and a level (IN_STOCK, LOW_STOCK at {@value Inventory#LOW_STOCK_THRESHOLD} or fewer, OUT_OF_STOCK); no
 * warehouse, bin or reservation is shown. Lives with the stock (the catalogue does not know the stock; the stock
 * knows the catalogue).
 */
@RestController
class AvailabilityController {

  static final int MAX_SKUS = 100;

  private final Inventory inventory;

  AvailabilityController(Inventory inventory) {
    this.inventory = inventory;
  }

  /** Every catalogue product, or the SKUs given ({@code ?sku=A&sku=B}, at most {@value #MAX_SKUS}; unknown → 400). */
  @GetMapping("/api/products/availability")
  List<Inventory.Availability> availability(@RequestParam(required = false) List<String> sku) {
    List<String> skus = sku == null ? List.of() : sku.stream().filter(s -> s != null && !s.isBlank()).toList();
    if (skus.size() > MAX_SKUS) {
      throw new InvalidRequestException("sku", "give at most " + MAX_SKUS + " SKUs");
    }
    return inventory.availability(skus);
  }
}
