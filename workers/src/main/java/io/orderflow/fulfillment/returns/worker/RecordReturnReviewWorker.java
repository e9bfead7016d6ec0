package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stores customer service's review; answers {@code eligibility}. */
@Component
public class RecordReturnReviewWorker {

  private final ReturnHandling handling;

  public RecordReturnReviewWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.RECORD_RETURN_REVIEW)
  public Map<String, Object> recordReview(@Variable String returnId, @Variable String reviewDecision,
      @Variable String reviewNote) {
    return Map.of("eligibility", handling.recordReview(returnId, reviewDecision, reviewNote));
  }
}
