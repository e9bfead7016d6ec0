package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The order's delivered parcels: what each held (per SKU), its shipping cost, and when it was delivered. */
@Component
class DeliveredGoods {

  /** One delivered parcel. */
  record Parcel(int shipmentNo, String warehouseId, Map<String, Integer> contents, BigDecimal shippingCost,
      Instant deliveredAt) {

    int units(String sku) {
      return contents.getOrDefault(sku, 0);
    }
  }

  private final OrderService orders;
  private final Inventory inventory;

  DeliveredGoods(OrderService orders, Inventory inventory) {
    this.orders = orders;
    this.inventory = inventory;
  }

  /** The delivered parcels of the order, in parcel order; a delivery time from the order's history. */
  List<Parcel> of(OrderSummary order) {
    List<OrderService.Milestone> history = orders.history(order.id());
    return order.shipments().stream().filter(s -> "DELIVERED".equals(s.status()))
        .sorted(Comparator.comparingInt(ShipmentSummary::shipmentNo))
        .map(s -> new Parcel(s.shipmentNo(), s.warehouseId(), inventory.shipmentContents(order.id(), s.warehouseId()),
            s.shippingCost(), deliveredAt(history, s.shipmentNo(), order)))
        .toList();
  }

  private static Instant deliveredAt(List<OrderService.Milestone> history, int shipmentNo, OrderSummary order) {
    return history.stream()
        .filter(m -> "PARCEL_DELIVERED".equals(m.milestone()) && Integer.valueOf(shipmentNo).equals(m.shipmentNo()))
        .map(OrderService.Milestone::at).findFirst().orElse(order.updatedAt());
  }
}
