package io.orderflow.fulfillment.campaign;

/** Where a campaign stands; RUNNING is the only state in which offers can be accepted. */
public enum CampaignStatus { DRAFT, AWAITING_APPROVAL, REJECTED, RUNNING, FINISHED, CANCELLED }
