package io.orderflow.fulfillment.shipping.documents;

import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Delivery;

/** What the shipping label of one booked parcel shows: gathered from the order, the booking and the warehouse. */
record LabelContent(String orderNumber, int parcelNo, int parcelCount, WarehouseAddress from, String recipientName,
    String recipientPhone, Address to, Delivery delivery, String carrier, String trackingNumber, int weightGrams,
    String packageType) {}
