package io.orderflow.fulfillment.order;

import java.util.List;

/**
 * The returns of an order as the order view shows them. The returns module implements it (it depends on the order
 * module, so the order module only knows this port); without an implementation the order shows no returns.
 */
public interface OrderReturns {

  /** One RMA of the order: its number, where it stands, and where its details are. */
  record ReturnSummary(String returnId, String rmaNumber, String kind, String status, String link) {}

  /** The order's RMAs, oldest first. */
  List<ReturnSummary> ofOrder(String orderId);
}
