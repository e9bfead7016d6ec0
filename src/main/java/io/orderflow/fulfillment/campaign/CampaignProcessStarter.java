package io.orderflow.fulfillment.campaign;

/** Starts the campaign process ({@code campaign}) of a stored campaign; implemented by the engine adapter. */
public interface CampaignProcessStarter {

  /**
   * @param validUntil ISO date-time when the offers expire
   * @return the process instance key
   */
  long startCampaignProcess(String campaignId, String validUntil);
}
