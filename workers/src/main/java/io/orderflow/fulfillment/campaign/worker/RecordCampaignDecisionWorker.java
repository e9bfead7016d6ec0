package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records the marketing manager's decision (campaignDecision APPROVE or REJECT, campaignNote) by the user who
 * completed the task (completedBy; "marketing-manager" when Tasklist completed it); answers campaignApproved.
 */
@Component
public class RecordCampaignDecisionWorker {

  /** Who decided when the task was completed outside the app (Tasklist sets no completedBy). */
  static final String UNNAMED_DECIDER = "marketing-manager";

  private final Campaigns campaigns;

  public RecordCampaignDecisionWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.RECORD_CAMPAIGN_DECISION)
  public Map<String, Object> recordDecision(@Variable String campaignId, @Variable String campaignDecision,
      @Variable String campaignNote, @Variable String completedBy) {
    if (!"APPROVE".equals(campaignDecision) && !"REJECT".equals(campaignDecision)) {
      throw new IllegalArgumentException("campaignDecision must be APPROVE or REJECT, was " + campaignDecision);
    }
    boolean approved = campaigns.decide(campaignId, campaignDecision, campaignNote,
        completedBy == null || completedBy.isBlank() ? UNNAMED_DECIDER : completedBy);
    return Map.of("campaignApproved", approved);
  }
}
