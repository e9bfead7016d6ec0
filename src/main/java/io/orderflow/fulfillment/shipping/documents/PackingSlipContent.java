package io.orderflow.fulfillment.shipping.documents;

import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import java.time.LocalDate;
import java.util.List;

/**
 * What the packing slip of one parcel shows: the goods in this parcel with their bins in its warehouse, the units
 * that follow later, and the customer's delivery wishes. The carrier and tracking number are there once booked.
 */
record PackingSlipContent(String orderNumber, LocalDate orderDate, int parcelNo, int parcelCount,
    WarehouseAddress from, String recipientName, Address to, Delivery delivery, List<Line> lines, List<Line> toFollow,
    String carrier, String trackingNumber) {

  /** One article: in this parcel with its bin, or to follow (no bin). */
  record Line(String sku, String productName, int quantity, String binLocation) {}
}
