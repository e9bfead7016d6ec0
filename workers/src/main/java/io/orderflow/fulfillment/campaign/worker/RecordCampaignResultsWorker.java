package io.orderflow.fulfillment.campaign.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records offers sent, accepted and the revenue of their orders; answers offersSent, offersAccepted, campaignRevenue. */
@Component
public class RecordCampaignResultsWorker {

  private final Campaigns campaigns;

  public RecordCampaignResultsWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @JobWorker(type = JobTypes.RECORD_CAMPAIGN_RESULTS)
  public Map<String, Object> record(@Variable String campaignId) {
    Campaigns.Results r = campaigns.recordResults(campaignId);
    return Map.of("offersSent", r.offersSent(), "offersAccepted", r.offersAccepted(),
        "campaignRevenue", r.campaignRevenue());
  }
}
