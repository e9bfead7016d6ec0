package io.orderflow.fulfillment.notification.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** The payment is secured: the order acknowledgement is recorded and queued for the customer, once. */
@Component
public class AcknowledgeOrderWorker {

  private final Notifications notifications;

  public AcknowledgeOrderWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = JobTypes.ACKNOWLEDGE_ORDER)
  public void acknowledgeOrder(@Variable String orderId) {
    notifications.acknowledge(orderId);
  }
}
