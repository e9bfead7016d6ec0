package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records the warehouse's scan and inspection; answers {@code receivedLines} and {@code anythingReceived}. */
@Component
public class RecordReturnInspectionWorker {

  private final ReturnHandling handling;

  public RecordReturnInspectionWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.RECORD_RETURN_INSPECTION)
  public Map<String, Object> recordInspection(@Variable String returnId, @Variable String scannedItems,
      @Variable List<Map<String, Object>> inspectedLines) {
    ReturnHandling.Inspection inspection = handling.recordInspection(returnId, scannedItems,
        ReturnHandling.inspectedLines(inspectedLines));
    return Map.of("receivedLines", inspection.receivedLines(), "anythingReceived", inspection.anythingReceived());
  }
}
