package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Headers;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.PurchasingNotices;
import io.orderflow.fulfillment.replenishment.Replenishment;
import org.springframework.stereotype.Component;

/**
 * Mails purchasing (header {@code topic}): about the purchase order poId (SUPPLIER_REJECTED with the supplier's reason,
 * RECEIPT_DISCREPANCY with receipt receiptNo's over, short and damaged units), or about the transfer transferId
 * (TRANSFER_DISCREPANCY); once per step (its element instance).
 */
@Component
public class NotifyPurchasingWorker {

  private final Replenishment replenishment;
  private final PurchasingNotices notices;

  public NotifyPurchasingWorker(Replenishment replenishment, PurchasingNotices notices) {
    this.replenishment = replenishment;
    this.notices = notices;
  }

  @JobWorker(type = JobTypes.NOTIFY_PURCHASING)
  public void notifyPurchasing(ActivatedJob job, @Variable String poId, @Variable Integer receiptNo,
      @Variable String transferId) {
    String topic = job.getCustomHeaders().get(Headers.TOPIC);
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Task " + job.getElementId() + " has no 'topic' header");
    }
    String step = Long.toString(job.getElementInstanceKey());
    if (PurchasingNotices.TRANSFER_DISCREPANCY.equals(topic)) {
      require(transferId, "transferId", topic, job);
      notices.notifyTransfer(transferId, step);
    } else {
      require(poId, "poId", topic, job);
      replenishment.notifyPurchasing(poId, topic, receiptNo, step);
    }
  }

  private static void require(String value, String variable, String topic, ActivatedJob job) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("notify-purchasing (" + topic + ") at " + job.getElementId()
          + " needs the variable " + variable);
    }
  }
}
