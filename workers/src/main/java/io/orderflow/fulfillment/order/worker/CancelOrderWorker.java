package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

@Component
public class CancelOrderWorker {

  private final OrderService orders;

  public CancelOrderWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = JobTypes.CANCEL_ORDER)
  public void cancelOrder(@Variable String orderId, @Variable(optional = true) String cancellationReason) {
    orders.cancel(orderId, cancellationReason);
  }
}
