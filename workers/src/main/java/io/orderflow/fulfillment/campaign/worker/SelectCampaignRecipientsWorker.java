package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Creates one offer per consenting customer of the rule (once) and answers recipientCount and offerBatches. */
@Component
public class SelectCampaignRecipientsWorker {

  private final Campaigns campaigns;

  public SelectCampaignRecipientsWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.SELECT_CAMPAIGN_RECIPIENTS)
  public Map<String, Object> select(@Variable String campaignId) {
    Campaigns.Selection s = campaigns.selectRecipients(campaignId);
    return Map.of("recipientCount", s.recipientCount(), "offerBatches", s.offerBatches());
  }
}
