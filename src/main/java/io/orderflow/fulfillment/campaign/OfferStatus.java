package io.orderflow.fulfillment.campaign;

/** An offer is OPEN until the customer accepts it or the campaign ends (EXPIRED). */
public enum OfferStatus { OPEN, ACCEPTED, EXPIRED }
