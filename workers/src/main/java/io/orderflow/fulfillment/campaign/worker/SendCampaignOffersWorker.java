package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Mails the offers of one batch (batchNo), once per offer. */
@Component
public class SendCampaignOffersWorker {

  private final Campaigns campaigns;

  public SendCampaignOffersWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.SEND_CAMPAIGN_OFFERS)
  public Map<String, Object> send(@Variable String campaignId, @Variable Integer batchNo) {
    if (batchNo == null) {
      throw new IllegalArgumentException("batchNo is missing");
    }
    campaigns.sendBatch(campaignId, batchNo);
    return Map.of();
  }
}
