package io.orderflow.fulfillment.insight;

/** A customer's RFM segment; the rules are in {@link RfmScoring}. */
public enum Segment { CHAMPION, LOYAL, NEW, AT_RISK, LOST, OCCASIONAL }
