package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import java.util.List;
import java.util.Map;

/**
 * What a customer's mail shows about the ordered items beyond the order lines: the product's plain name and its
 * size/colour (the variant), and the serial numbers of the units picked for the order (known once a parcel is picked).
 */
@FunctionalInterface
interface ItemDetails {

  /**
   * @param name the product's name without the variant, e.g. "Organic cotton T-shirt"
   * @param variant its size/colour, e.g. "Size M", or null for a product without variants
   * @param serialNumbers the serial numbers picked for the order, in picking order; empty when none are known
   */
  record Item(String name, String variant, List<String> serialNumbers) {}

  /** Nothing beyond the order lines. */
  ItemDetails NONE = order -> Map.of();

  /** The details per SKU of the order's lines; a SKU without details is shown as the order line has it. */
  Map<String, Item> of(OrderSummary order);
}
