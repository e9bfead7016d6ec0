package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.process.ReplenishmentProcess;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskCompletionGuard;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The receive-transfer task is completed only with a count that can be (a received quantity, damaged at most that):
 * staff get a 400 naming the field, instead of the receive-transfer step failing later.
 */
@Component
class TransferCountGuard implements TaskCompletionGuard {

  private final Transfers transfers;

  TransferCountGuard(Transfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public boolean guards(StaffTask task) {
    return ReplenishmentProcess.Forms.RECEIVE_TRANSFER.equals(task.formId())
        || ReplenishmentProcess.Elements.RECEIVE_TRANSFER.equals(task.elementId());
  }

  @Override
  public void checkCompletion(StaffTask task, Map<String, Object> variables, Map<String, Object> submitted) {
    Map<String, Object> values = new HashMap<>(variables);
    values.putAll(submitted);
    Object notes = values.get("transferNotes");
    transfers.checkCount(whole(values, "transferReceivedQuantity"), whole(values, "transferDamagedQuantity"),
        notes == null ? null : notes.toString());
  }

  /** A count from the form: a whole number (JSON may carry it as 3, 3.0 or "3"), null when absent. */
  private static Integer whole(Map<String, Object> values, String field) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException notWhole) {
      throw new InvalidRequestException(field, "a whole number of units, not " + value);
    }
  }
}
