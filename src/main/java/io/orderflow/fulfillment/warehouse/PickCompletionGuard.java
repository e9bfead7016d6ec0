package io.orderflow.fulfillment.warehouse;

import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A pick task is completed only when every unit of its parcel was scanned; then the scans become the order's. */
@Component
class PickCompletionGuard implements TaskCompletionGuard {

  private final Picking picking;

  PickCompletionGuard(Picking picking) {
    this.picking = picking;
  }

  @Override
  public boolean guards(StaffTask task) {
    return Picking.isPickTask(task);
  }

  @Override
  public void checkCompletion(StaffTask task, Map<String, Object> variables) {
    picking.requireFullyScanned(Picking.parcelOf(task, variables));
  }

  @Override
  public void completed(StaffTask task, Map<String, Object> variables) {
    picking.picked(Picking.parcelOf(task, variables));
  }
}
