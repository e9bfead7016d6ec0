package io.orderflow.fulfillment.notification.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Headers;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/**
 * Tells a department (header {@code department}: customer-service, finance, marketing, ...) about the order (header
 * {@code topic}). Marketing only ever receives contact data of customers who consented; the service enforces that.
 */
@Component
public class NotifyDepartmentWorker {

  private final Notifications notifications;

  public NotifyDepartmentWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = JobTypes.NOTIFY_DEPARTMENT)
  public void notifyDepartment(ActivatedJob job) {
    String department = job.getCustomHeaders().get(Headers.DEPARTMENT);
    if (department == null) {
      throw new IllegalArgumentException("Task " + job.getElementId() + " has no 'department' header");
    }
    String orderId = (String) job.getVariable("orderId");
    notifications.notify(orderId, Audience.ofCode(department), Notifying.topic(job),
        Long.toString(job.getElementInstanceKey()), Notifying.detail(job));
  }
}
