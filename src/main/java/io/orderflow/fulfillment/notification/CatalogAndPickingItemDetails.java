package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.warehouse.Picking;
import io.orderflow.fulfillment.warehouse.Picking.PickedSerial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The size/colour from the catalogue, the serial numbers from the warehouse's completed picks. */
@Component
class CatalogAndPickingItemDetails implements ItemDetails {

  private final Catalog catalog;
  private final Picking picking;

  CatalogAndPickingItemDetails(Catalog catalog, Picking picking) {
    this.catalog = catalog;
    this.picking = picking;
  }

  @Override
  public Map<String, Item> of(OrderSummary order) {
    List<String> skus = order.lines().stream().map(LineSummary::sku).toList();
    Map<String, Product> products = catalog.bySku(skus);
    Map<String, List<String>> serials = new HashMap<>();
    for (PickedSerial serial : picking.serialsOf(order.id())) {
      serials.computeIfAbsent(serial.sku(), sku -> new ArrayList<>()).add(serial.serialNumber());
    }
    Map<String, Item> items = new HashMap<>();
    for (LineSummary line : order.lines()) {
      Product product = products.get(line.sku());
      List<String> picked = List.copyOf(serials.getOrDefault(line.sku(), List.of()));
      if (product != null) {
        items.put(line.sku(), new Item(product.name(), product.variant(), picked));
      } else if (!picked.isEmpty()) {
        items.put(line.sku(), new Item(line.productName(), null, picked));
      }
    }
    return items;
  }
}
