package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.order.OrderService;
import java.util.List;

/**
 * A free replacement order through the normal fulfilment, idempotent per RMA (order module).
 * {@link OrderReplacementAdapter} holds the call into that module.
 */
interface ReplacementPort {

  record Replacement(String orderId, String orderNumber) {}

  Replacement send(String originalOrderId, String rmaNumber, List<OrderService.RequestedLine> lines);
}
