package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sizes up the campaign's audience and hands the approval form its facts (reads only; safe to repeat). */
@Component
public class PrepareCampaignWorker {

  private final Campaigns campaigns;

  public PrepareCampaignWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.PREPARE_CAMPAIGN)
  public Map<String, Object> prepare(@Variable String campaignId) {
    Campaigns.Preparation p = campaigns.prepare(campaignId);
    return Map.of("campaignName", p.campaignName(), "campaignRule", p.campaignRule(), "products", p.products(),
        "discountPercent", p.discountPercent(), "validUntil", p.validUntil(), "audienceSize", p.audienceSize(),
        "createdBy", p.createdBy());
  }
}
