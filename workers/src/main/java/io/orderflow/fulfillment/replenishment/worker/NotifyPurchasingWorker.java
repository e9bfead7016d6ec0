package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Headers;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import org.springframework.stereotype.Component;

/**
 * Mails purchasing about the purchase order (header {@code topic}: SUPPLIER_REJECTED with the supplier's reason, or
 * RECEIPT_DISCREPANCY with receipt receiptNo's over, short and damaged units), once per step (its element instance).
 */
@Component
public class NotifyPurchasingWorker {

  private final Replenishment replenishment;

  public NotifyPurchasingWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.NOTIFY_PURCHASING)
  public void notifyPurchasing(ActivatedJob job, @Variable String poId, @Variable Integer receiptNo) {
    String topic = job.getCustomHeaders().get(Headers.TOPIC);
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Task " + job.getElementId() + " has no 'topic' header");
    }
    if (poId == null) {
      throw new IllegalArgumentException("notify-purchasing (" + topic + ") at " + job.getElementId()
          + " needs the variable poId");
    }
    replenishment.notifyPurchasing(poId, topic, receiptNo, Long.toString(job.getElementInstanceKey()));
  }
}
