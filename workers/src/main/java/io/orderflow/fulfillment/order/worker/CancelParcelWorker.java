package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records a parcel as cancelled on the order once its effects are undone; the parcel's scope learns it, and whether
 * other parcels of the order are still coming (then the customer is told about this one).
 */
@Component
public class CancelParcelWorker {

  private final OrderService orders;

  public CancelParcelWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = JobTypes.CANCEL_PARCEL)
  public Map<String, Object> cancelParcel(@Variable String orderId, @Variable int shipmentNo) {
    boolean noneLeft = orders.shipmentCancelled(orderId, shipmentNo);
    return Map.of(Variables.PARCEL_CANCELLED, true, Variables.OTHER_PARCELS_LEFT, !noneLeft);
  }
}
