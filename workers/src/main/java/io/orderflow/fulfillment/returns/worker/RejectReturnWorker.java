package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import org.springframework.stereotype.Component;

/** The request is refused. */
@Component
public class RejectReturnWorker {

  private final ReturnHandling handling;

  public RejectReturnWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.REJECT_RETURN)
  public void reject(@Variable String returnId) {
    handling.reject(returnId);
  }
}
