package io.orderflow.fulfillment.shipping;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Elements;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The hand-over at the dock decides the race with a cancellation: confirming it records the parcel as handed over
 * (after which a cancellation is refused), and it is refused while the parcel's cancellation is under way (the parcel
 * must not leave the warehouse).
 */
@Component
class HandOverGuard implements TaskCompletionGuard {

  private final OrderService orders;

  HandOverGuard(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public boolean guards(StaffTask task) {
    return Elements.HAND_OVER_PARCEL.equals(task.elementId());
  }

  @Override
  public void checkCompletion(StaffTask task, Map<String, Object> variables) {
    Object orderId = variables.get(Variables.ORDER_ID);
    Object shipmentNo = variables.get(Variables.SHIPMENT_NO);
    if (orderId == null || !(shipmentNo instanceof Number n)) {
      throw new IllegalStateException("Hand-over task " + task.key() + " lacks orderId or shipmentNo: "
          + variables.keySet());
    }
    orders.handOver(orderId.toString(), n.intValue());
  }
}
