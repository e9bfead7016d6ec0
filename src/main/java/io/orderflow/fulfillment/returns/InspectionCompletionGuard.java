package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.process.ReturnProcess;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskCompletionGuard;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The inspection of a return parcel is completed only with a condition for every line of which something was received
 * (counted from the scans submitted with it): staff get a 400 naming the line, instead of the step failing later.
 */
@Component
class InspectionCompletionGuard implements TaskCompletionGuard {

  private final ReturnHandling handling;

  InspectionCompletionGuard(ReturnHandling handling) {
    this.handling = handling;
  }

  @Override
  public boolean guards(StaffTask task) {
    return ReturnProcess.Forms.INSPECT_RETURN.equals(task.formId())
        || ReturnProcess.Elements.INSPECT_RETURN.equals(task.elementId());
  }

  @Override
  public void checkCompletion(StaffTask task, Map<String, Object> variables, Map<String, Object> submitted) {
    Map<String, Object> values = new HashMap<>(variables);
    values.putAll(submitted);
    Object returnId = values.get("returnId");
    if (returnId == null) {
      return;
    }
    Object scanned = values.get("scannedItems");
    handling.checkInspection(returnId.toString(), scanned == null ? null : scanned.toString(),
        ReturnHandling.inspectedLines(values.get("inspectedLines")));
  }
}
