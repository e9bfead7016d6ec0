package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** The customer chose to receive the available items now; the unavailable units are backordered and not charged. */
@Component
public class RecordBackorderWorker {

  private final OrderService orders;

  public RecordBackorderWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = JobTypes.RECORD_BACKORDER)
  public void recordBackorder(@Variable String orderId) {
    orders.backorderUnavailable(orderId);
  }
}
