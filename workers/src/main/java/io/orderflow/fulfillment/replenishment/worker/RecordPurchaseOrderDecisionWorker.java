package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records purchasing's decision from the approval form (poDecision APPROVE or REFUSE, decisionNote), by the user who
 * completed the task (completedBy; "purchasing" when Tasklist completed it); answers poApproved.
 */
@Component
public class RecordPurchaseOrderDecisionWorker {

  /** Who decided when the task was completed outside the app (Tasklist sets no completedBy). */
  static final String UNNAMED_DECIDER = "purchasing";

  private final Replenishment replenishment;

  public RecordPurchaseOrderDecisionWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.RECORD_PURCHASE_ORDER_DECISION)
  public Map<String, Object> recordDecision(@Variable String poId, @Variable String poDecision,
      @Variable String decisionNote, @Variable String completedBy) {
    boolean approved = switch (poDecision == null ? "" : poDecision) {
      case "APPROVE" -> true;
      case "REFUSE" -> false;
      default -> throw new IllegalArgumentException("poDecision must be APPROVE or REFUSE, was " + poDecision);
    };
    replenishment.decide(poId, approved, decisionNote == null || decisionNote.isBlank() ? null : decisionNote,
        completedBy == null || completedBy.isBlank() ? UNNAMED_DECIDER : completedBy);
    return Map.of("poApproved", approved);
  }
}
