package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** The shipping quote was not accepted in time: the order ends EXPIRED (the reserved stock was released before). */
@Component
public class ExpireOrderWorker {

  private final OrderService orders;

  public ExpireOrderWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = JobTypes.EXPIRE_ORDER)
  public void expireOrder(@Variable String orderId) {
    orders.expire(orderId);
  }
}
