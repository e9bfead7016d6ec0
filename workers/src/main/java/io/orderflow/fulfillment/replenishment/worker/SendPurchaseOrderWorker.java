package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import org.springframework.stereotype.Component;

/** Sends the purchase order to its supplier through the supplier port, once. */
@Component
public class SendPurchaseOrderWorker {

  private final Replenishment replenishment;

  public SendPurchaseOrderWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.SEND_PURCHASE_ORDER)
  public void sendPurchaseOrder(@Variable String poId) {
    replenishment.send(poId);
  }
}
