package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The campaign ended: every offer not accepted expires (an expired offer stays expired). */
@Component
public class ExpireCampaignOffersWorker {

  private final Campaigns campaigns;

  public ExpireCampaignOffersWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.EXPIRE_CAMPAIGN_OFFERS)
  public Map<String, Object> expire(@Variable String campaignId) {
    campaigns.expireOffers(campaignId);
    return Map.of();
  }
}
