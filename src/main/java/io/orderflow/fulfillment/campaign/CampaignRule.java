package io.orderflow.fulfillment.campaign;

/** How a campaign selects its customers: an RFM segment, or customers whose recommendations include a product. */
public enum CampaignRule { SEGMENT, RECOMMENDED_SKU }
