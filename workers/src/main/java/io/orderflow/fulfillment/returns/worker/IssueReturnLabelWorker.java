package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import io.orderflow.fulfillment.shipping.CourierUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The RMA is approved: the return parcel is booked; answers returnTrackingNumber and the inspection form's lines. */
@Component
public class IssueReturnLabelWorker {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final ReturnHandling handling;

  public IssueReturnLabelWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.ISSUE_RETURN_LABEL)
  public Map<String, Object> issueLabel(ActivatedJob job, @Variable String returnId) {
    try {
      ReturnHandling.IssuedLabel label = handling.issueLabel(returnId);
      return Map.of("returnTrackingNumber", label.returnTrackingNumber(), "inspectedLines", label.inspectedLines());
    } catch (CourierUnavailableException e) {
      throw CamundaError.jobError("Return label booking failed: " + e.getMessage(), Map.of(), job.getRetries() - 1,
          RETRY_BACKOFF, e);
    }
  }
}
