package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stores the eligibility decided per line; answers {@code eligibility}: APPROVED, REVIEW or REJECTED. */
@Component
public class RecordReturnEligibilityWorker {

  private final ReturnHandling handling;

  public RecordReturnEligibilityWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.RECORD_RETURN_ELIGIBILITY)
  public Map<String, Object> recordEligibility(@Variable String returnId,
      @Variable List<Map<String, Object>> lineDecisions) {
    List<ReturnHandling.LineDecision> decisions = lineDecisions.stream()
        .map(d -> new ReturnHandling.LineDecision(Binding.integer(d.get("lineNo")), Binding.text(d.get("decision")),
            Binding.text(d.get("explanation")))).toList();
    return Map.of("eligibility", handling.recordEligibility(returnId, decisions));
  }
}
