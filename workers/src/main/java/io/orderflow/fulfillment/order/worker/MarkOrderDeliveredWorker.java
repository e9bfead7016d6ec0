package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

@Component
public class MarkOrderDeliveredWorker {

  private final OrderService orders;

  public MarkOrderDeliveredWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = JobTypes.MARK_ORDER_DELIVERED)
  public void markOrderDelivered(@Variable String orderId) {
    orders.delivered(orderId);
  }
}
