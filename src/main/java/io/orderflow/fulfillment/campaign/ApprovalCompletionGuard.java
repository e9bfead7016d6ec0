package io.orderflow.fulfillment.campaign;

import io.orderflow.fulfillment.process.CampaignProcess;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Four eyes: a campaign's approval task is refused (409) to the campaign's author, before the decision reaches the
 * process (the decision step checks the same again).
 */
@Component
class ApprovalCompletionGuard implements TaskCompletionGuard {

  private final Campaigns campaigns;

  ApprovalCompletionGuard(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public boolean guards(StaffTask task) {
    return CampaignProcess.Elements.APPROVE_CAMPAIGN.equals(task.elementId())
        || CampaignProcess.Forms.APPROVE_CAMPAIGN.equals(task.formId());
  }

  @Override
  public void checkCompletion(StaffTask task, Map<String, Object> variables) {
    Object campaignId = variables.get(CampaignProcess.Variables.CAMPAIGN_ID);
    if (campaignId == null) {
      return;
    }
    CurrentUser.current().ifPresent(user -> campaigns.checkDecider(campaignId.toString(), user.username()));
  }
}
