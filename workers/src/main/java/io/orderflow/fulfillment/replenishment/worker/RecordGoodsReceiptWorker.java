package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records one delivery from the receipt form (receivedLines, deliveryNote, lastDelivery), counted by completedBy
 * ("warehouse" when Tasklist completed it). The delivery reference is this step's element instance, so a job delivered
 * twice records one receipt. Answers poFullyReceived (nothing more expected: complete, or closed short), receiptNo and
 * receiptDiscrepancies (over, short or damaged units).
 */
@Component
public class RecordGoodsReceiptWorker {

  /** Who counted when the task was completed outside the app (Tasklist sets no completedBy). */
  static final String UNNAMED_COUNTER = "warehouse";

  private final Replenishment replenishment;

  public RecordGoodsReceiptWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.RECORD_GOODS_RECEIPT)
  public Map<String, Object> recordGoodsReceipt(ActivatedJob job, @Variable String poId,
      @Variable String deliveryNote, @Variable List<Map<String, Object>> receivedLines,
      @Variable Boolean lastDelivery, @Variable String completedBy) {
    Replenishment.Receipt receipt = replenishment.receive(poId, new Replenishment.Delivery(
        deliveryReference(job), deliveryNote,
        completedBy == null || completedBy.isBlank() ? UNNAMED_COUNTER : completedBy,
        Replenishment.countedLines(receivedLines), Boolean.TRUE.equals(lastDelivery)));
    return Map.of("poFullyReceived", receipt.purchaseOrderClosed(), "receiptNo", receipt.receipt().receiptNo(),
        "receiptDiscrepancies", receipt.receipt().hasDiscrepancies());
  }

  /** The receive step this job belongs to: one receipt per step, however often the job is delivered. */
  static String deliveryReference(ActivatedJob job) {
    return "process-step-" + job.getElementInstanceKey();
  }
}
