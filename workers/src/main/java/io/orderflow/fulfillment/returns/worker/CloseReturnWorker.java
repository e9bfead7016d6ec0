package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import org.springframework.stereotype.Component;

/** The RMA is complete. */
@Component
public class CloseReturnWorker {

  private final ReturnHandling handling;

  public CloseReturnWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.CLOSE_RETURN)
  public void close(@Variable String returnId) {
    handling.close(returnId);
  }
}
