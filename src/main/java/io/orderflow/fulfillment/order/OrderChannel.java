package io.orderflow.fulfillment.order;

/**
 * Where an order came from. The customer came on their own: through the shop itself ({@link #WEB_SHOP}, the default),
 * a marketplace, a search engine or a referral (a community, a rating platform, a link). Or the shop initiated it: the
 * customer accepted a campaign offer ({@link #CAMPAIGN}, only through the offer, never chosen at checkout). Every
 * channel starts the same order process; analytics reports revenue and results per channel.
 */
public enum OrderChannel {
  WEB_SHOP, MARKETPLACE, SEARCH, REFERRAL, CAMPAIGN;

  /** A channel a customer may name when placing an order themselves (a campaign order comes from its offer). */
  public boolean customerInitiated() {
    return this != CAMPAIGN;
  }
}
