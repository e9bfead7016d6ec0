package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import org.springframework.stereotype.Component;

/** Purchasing gave up on a silent supplier: the purchase order is cancelled with purchasing's note. */
@Component
public class CancelPurchaseOrderWorker {

  private final Replenishment replenishment;

  public CancelPurchaseOrderWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.CANCEL_PURCHASE_ORDER)
  public void cancelPurchaseOrder(@Variable String poId, @Variable String chaseNote) {
    replenishment.cancelUnanswered(poId, chaseNote);
  }
}
