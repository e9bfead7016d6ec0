package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import org.springframework.stereotype.Component;

/** No parcel came back in time: the RMA is closed and its label cancelled. */
@Component
public class ExpireReturnWorker {

  private final ReturnHandling handling;

  public ExpireReturnWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.EXPIRE_RETURN)
  public void expire(@Variable String returnId) {
    handling.expire(returnId);
  }
}
