package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import org.springframework.stereotype.Component;

/** Tells the customer about the return: the {@code topic} header says what; the step's element instance is the de-duplication key, so a job delivered twice queues one mail. */
@Component
public class NotifyReturnCustomerWorker {

  private final ReturnHandling handling;

  public NotifyReturnCustomerWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.NOTIFY_RETURN_CUSTOMER)
  public void notifyCustomer(ActivatedJob job, @Variable String returnId) {
    String topic = job.getCustomHeaders().get("topic");
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Task " + job.getElementId() + " has no 'topic' header");
    }
    handling.notifyCustomer(returnId, topic, Long.toString(job.getElementInstanceKey()));
  }
}
