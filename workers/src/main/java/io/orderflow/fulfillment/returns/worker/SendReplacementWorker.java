package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A free replacement order for the returned items; answers {@code replacementOrderId}. */
@Component
public class SendReplacementWorker {

  private final ReturnHandling handling;

  public SendReplacementWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.SEND_REPLACEMENT)
  public Map<String, Object> sendReplacement(@Variable String returnId) {
    return Map.of("replacementOrderId", handling.sendReplacement(returnId));
  }
}
