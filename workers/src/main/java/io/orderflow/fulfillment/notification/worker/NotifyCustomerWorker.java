package io.orderflow.fulfillment.notification.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about the order: the task's {@code topic} header says what, the optional {@code detailVariable}
 * header names a variable whose text goes with it (a cancellation reason, an answer). The step's element instance is
 * the de-duplication key, so a job delivered twice queues one message.
 */
@Component
public class NotifyCustomerWorker {

  private final Notifications notifications;

  public NotifyCustomerWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = JobTypes.NOTIFY_CUSTOMER)
  public void notifyCustomer(ActivatedJob job) {
    String orderId = (String) job.getVariable("orderId");
    notifications.notify(orderId, Audience.CUSTOMER, Notifying.topic(job), Long.toString(job.getElementInstanceKey()),
        Notifying.detail(job));
  }
}
