package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import org.springframework.stereotype.Component;

/** Finance paid the refund out by bank transfer. */
@Component
public class RecordReturnPayoutWorker {

  private final ReturnHandling handling;

  public RecordReturnPayoutWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.RECORD_RETURN_PAYOUT)
  public void recordPayout(@Variable String returnId, @Variable String payoutReference) {
    handling.recordPayout(returnId, payoutReference);
  }
}
