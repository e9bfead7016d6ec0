package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Refunds the received lines; answers refundRoute: DONE or BANK_PAYOUT. */
@Component
public class RefundReturnWorker {

  private final ReturnHandling handling;

  public RefundReturnWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.REFUND_RETURN)
  public Map<String, Object> refund(@Variable String returnId) {
    return Map.of("refundRoute", handling.refund(returnId).name());
  }
}
