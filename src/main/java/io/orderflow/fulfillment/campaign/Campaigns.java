package io.orderflow.fulfillment.campaign;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.insight.CustomerInsights;
import io.orderflow.fulfillment.insight.CustomerInsights.InsightView;
import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderChannel;
import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.process.CampaignProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign module's use cases: define and start a campaign, the process steps (size up, decide, select, send,
 * expire, results), and the customer's side (their open offers, accepting one). Every step is idempotent: a job
 * delivered twice finds its effect done (offers are unique per campaign and customer, mails per offer).
 */
@Service
public class Campaigns {

  private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

  /** Offers per batch of the send step. */
  public static final int BATCH_SIZE = 200;

  /** What a new campaign is made of (the API's request, already typed). */
  public record Definition(String name, CampaignRule rule, Segment segment, List<String> products,
      Integer discountPercent, Instant validUntil) {}

  /** The facts the approval form shows. */
  public record Preparation(String campaignName, String campaignRule, String products, int discountPercent,
      String validUntil, int audienceSize, String createdBy) {}

  /** What the selection did: recipients and the batch numbers of their offers. */
  public record Selection(int recipientCount, List<Integer> offerBatches) {}

  /** The results of a campaign. */
  public record Results(int offersSent, int offersAccepted, BigDecimal campaignRevenue) {}

  /** An offer as its customer sees it: the products at the campaign's price. */
  public record OfferView(String id, String campaignId, String campaignName, OfferStatus status, Instant validUntil,
      int discountPercent, List<OfferedProduct> products, String orderId) {}

  public record OfferedProduct(String sku, String name, BigDecimal catalogPrice, BigDecimal offerPrice,
      String currency) {}

  private final CampaignRepository campaigns;
  private final CampaignOfferRepository offers;
  private final CampaignProcessStarter starter;
  private final ProcessMessages messages;
  private final CustomerInsights insights;
  private final Catalog catalog;
  private final Notifications notifications;
  private final OrderPlacement placement;
  private final OrderService orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  Campaigns(CampaignRepository campaigns, CampaignOfferRepository offers, CampaignProcessStarter starter,
      ProcessMessages messages, CustomerInsights insights, Catalog catalog, Notifications notifications,
      OrderPlacement placement, OrderService orders, PlatformTransactionManager txManager, Clock clock) {
    this.campaigns = campaigns;
    this.offers = offers;
    this.starter = starter;
    this.messages = messages;
    this.insights = insights;
    this.catalog = catalog;
    this.notifications = notifications;
    this.placement = placement;
    this.orders = orders;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Stores the campaign (400 naming the fields of a bad definition, unknown products included) and starts its
   * process; when the engine refuses, nothing stays behind.
   */
  public Campaign define(Definition d, String createdBy) {
    Campaign campaign = Campaign.define(d.name(), d.rule(), d.segment(), d.products(), d.discountPercent(),
        d.validUntil(), createdBy, clock.instant());
    Map<String, Product> known = catalog.bySku(campaign.productList());
    List<String> unknown = campaign.productList().stream().filter(s -> !known.containsKey(s)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException("products", "unknown products " + unknown);
    }
    campaign.submit();
    tx.executeWithoutResult(s -> campaigns.saveAndFlush(campaign));
    long key;
    try {
      key = starter.startCampaignProcess(campaign.id(), campaign.validUntil().toString());
    } catch (RuntimeException e) {
      tx.executeWithoutResult(s -> campaigns.deleteById(campaign.id()));
      throw e;
    }
    tx.executeWithoutResult(s -> campaigns.recordProcessInstance(campaign.id(), key));
    log.info("Campaign {} defined, process instance {}", campaign.id(), key);
    return load(campaign.id());
  }

  public List<Campaign> all() {
    return campaigns.findAllByOrderByCreatedAtDesc();
  }

  public Campaign get(String id) {
    return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
  }

  /** Marketing stops the campaign: recorded at once, and the process told (its open offers then expire). */
  public Campaign cancel(String id) {
    Campaign cancelled = tx.execute(s -> {
      Campaign c = load(id);
      c.cancel();
      return c;
    });
    messages.publish(CampaignProcess.Messages.CAMPAIGN_CANCELLED, id, "campaign-cancelled-" + id,
        Duration.ofDays(1), Map.of());
    log.info("Campaign {} cancelled", id);
    return cancelled;
  }

  /** prepare-campaign: the facts the approval shows, with the audience the rule selects now. */
  public Preparation prepare(String campaignId) {
    return tx.execute(s -> {
      Campaign c = load(campaignId);
      int audience = audience(c).size();
      c.sizedUp(audience);
      return new Preparation(c.name(), c.describeRule(), String.join(", ", c.productList()), c.discountPercent(),
          c.validUntil().toString(), audience, c.createdBy());
    });
  }

  /** Four eyes, checked before the approval task is completed: the author may not decide. */
  public void checkDecider(String campaignId, String user) {
    load(campaignId).requireOtherThanAuthor(user);
  }

  /** record-campaign-decision: APPROVE runs the campaign, anything else rejects it. Returns whether it runs. */
  public boolean decide(String campaignId, String decision, String note, String decidedBy) {
    boolean approve = "APPROVE".equals(decision);
    return tx.execute(s -> {
      Campaign c = load(campaignId);
      if (c.status() == CampaignStatus.CANCELLED) {
        return false;
      }
      c.decide(approve, decidedBy, note, clock.instant());
      log.info("Campaign {} {} by the marketing manager", campaignId, approve ? "approved" : "rejected");
      return approve;
    });
  }

  /**
   * select-campaign-recipients: one offer per consenting customer the rule selects (once: a repeated job keeps the
   * offers there and adds none), numbered in batches of {@link #BATCH_SIZE}.
   */
  public Selection selectRecipients(String campaignId) {
    return tx.execute(s -> {
      Campaign c = load(campaignId);
      List<CampaignOffer> existing = offers.findByCampaignIdOrderByBatchNoAscCustomerEmailAsc(campaignId);
      if (existing.isEmpty() && c.status() == CampaignStatus.RUNNING) {
        Instant now = clock.instant();
        List<String> recipients = audience(c);
        for (int i = 0; i < recipients.size(); i++) {
          existing.add(offers.save(new CampaignOffer(campaignId, recipients.get(i), i / BATCH_SIZE + 1, now)));
        }
        log.info("Campaign {}: {} offers created", campaignId, existing.size());
      }
      TreeSet<Integer> batches = new TreeSet<>();
      existing.forEach(o -> batches.add(o.batchNo()));
      return new Selection(existing.size(), List.copyOf(batches));
    });
  }

  /** send-campaign-offers: one mail per offer of the batch (the notification's key makes a repeat a no-op). */
  public int sendBatch(String campaignId, int batchNo) {
    Campaign c = get(campaignId);
    List<String> facts = new ArrayList<>();
    Map<String, Product> products = catalog.bySku(c.productList());
    for (String sku : c.productList()) {
      Product p = products.get(sku);
      if (p != null) {
        facts.add(p.name() + " (" + sku + "): " + c.discounted(p.price()) + " " + p.currency() + " instead of "
            + p.price() + " " + p.currency());
      }
    }
    facts.add("Valid until " + c.validUntil());
    int sent = 0;
    for (CampaignOffer offer : offers.findByCampaignIdAndBatchNoOrderByCustomerEmail(campaignId, batchNo)) {
      if (notifications.notifyCustomerAbout(offer.customerEmail(), offer.id(), "CAMPAIGN_OFFER", "offer",
          c.name() + ": " + c.discountPercent() + " % off for you", facts)) {
        sent++;
      }
      tx.executeWithoutResult(st -> offers.findById(offer.id()).ifPresent(o -> o.sent(clock.instant())));
    }
    log.info("Campaign {}: batch {} sent ({} new mails)", campaignId, batchNo, sent);
    return sent;
  }

  /** expire-campaign-offers: every offer not accepted expires. */
  public int expireOffers(String campaignId) {
    return tx.execute(s -> {
      load(campaignId);
      int expired = 0;
      for (CampaignOffer o : offers.findByCampaignIdOrderByBatchNoAscCustomerEmailAsc(campaignId)) {
        if (o.status() == OfferStatus.OPEN) {
          o.expire();
          expired++;
        }
      }
      log.info("Campaign {}: {} offers expired", campaignId, expired);
      return expired;
    });
  }

  /** record-campaign-results: sent, accepted, and the revenue = the accepted offers' orders' totals. */
  public Results recordResults(String campaignId) {
    return tx.execute(s -> {
      Campaign c = load(campaignId);
      List<CampaignOffer> all = offers.findByCampaignIdOrderByBatchNoAscCustomerEmailAsc(campaignId);
      int sent = (int) all.stream().filter(o -> o.sentAt() != null).count();
      List<CampaignOffer> accepted = all.stream().filter(o -> o.status() == OfferStatus.ACCEPTED).toList();
      BigDecimal revenue = BigDecimal.ZERO;
      for (CampaignOffer o : accepted) {
        // As the KPIs count revenue: orders that were cancelled or expired (quote not accepted) brought none.
        io.orderflow.fulfillment.order.OrderService.OrderSummary order = orders.summary(o.orderId());
        if (order.status() != io.orderflow.fulfillment.order.OrderStatus.CANCELLED
            && order.status() != io.orderflow.fulfillment.order.OrderStatus.EXPIRED) {
          revenue = revenue.add(order.totalAmount());
        }
      }
      c.finish(sent, accepted.size(), revenue);
      return new Results(sent, accepted.size(), revenue);
    });
  }

  /** The customer's open offers of running campaigns, newest first. */
  public List<OfferView> openOffersOf(String email) {
    Instant now = clock.instant();
    List<OfferView> views = new ArrayList<>();
    for (CampaignOffer o : offers.findByCustomerEmailAndStatusOrderByCreatedAtDesc(key(email), OfferStatus.OPEN)) {
      Campaign c = get(o.campaignId());
      if (c.acceptsOffers(now)) {
        views.add(view(o, c));
      }
    }
    return views;
  }

  /**
   * The customer accepts their offer: an order with the campaign's products at the discounted prices, channel CAMPAIGN
   * (404 when it is not their offer; 409 when it expired, was accepted, or the campaign no longer runs).
   *
   * @param quantities per SKU of the campaign; null or empty orders one of each product
   */
  public OrderSummary accept(String offerId, String email, OrderService.PlaceOrder order,
      Map<String, Integer> quantities) {
    CampaignOffer offer = offers.findById(offerId).filter(o -> o.customerEmail().equalsIgnoreCase(key(email)))
        .orElseThrow(() -> new NotFoundException("Offer", offerId));
    offer.requireOpen();
    Campaign c = get(offer.campaignId());
    if (!c.acceptsOffers(clock.instant())) {
      throw new ConflictException("The campaign of offer " + offerId + " is " + c.status()
          + (c.status() == CampaignStatus.RUNNING ? " but its offers expired at " + c.validUntil() : ""));
    }
    Map<String, Product> products = catalog.bySku(c.productList());
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    List<OrderService.RequestedLine> lines = new ArrayList<>();
    Set<String> unknown = new HashSet<>(quantities == null ? Set.of() : quantities.keySet());
    for (String sku : c.productList()) {
      Product p = products.get(sku);
      int qty = quantities == null || quantities.isEmpty() ? 1 : quantities.getOrDefault(sku, 0);
      unknown.remove(sku);
      if (p == null || qty <= 0) {
        continue;
      }
      prices.put(sku, c.discounted(p.price()));
      lines.add(new OrderService.RequestedLine(sku, qty));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException("quantities", "not in this campaign: " + unknown);
    }
    OrderService.PlaceOrder command = new OrderService.PlaceOrder(order.customer(), order.shippingAddress(), lines,
        order.paymentMethod(), order.paymentReference(), order.delivery(), order.marketingConsent(), order.language(),
        OrderChannel.CAMPAIGN);
    // Take the offer first (optimistic lock): of two acceptances at once one places the order, the other gets 409.
    try {
      tx.executeWithoutResult(s -> offers.findById(offerId).orElseThrow().accept(clock.instant()));
    } catch (org.springframework.orm.ObjectOptimisticLockingFailureException concurrent) {
      throw new ConflictException("Offer " + offerId + " was accepted already");
    }
    OrderSummary placed;
    try {
      placed = placement.placeFromOffer(command, prices, OrderChannel.CAMPAIGN);
    } catch (RuntimeException e) {
      tx.executeWithoutResult(s -> offers.findById(offerId).orElseThrow().release());
      throw e;
    }
    tx.executeWithoutResult(s -> offers.findById(offerId).orElseThrow().placed(placed.id()));
    log.info("Offer {} of campaign {} accepted: order {}", offerId, c.id(), placed.id());
    return placed;
  }

  private OfferView view(CampaignOffer o, Campaign c) {
    Map<String, Product> products = catalog.bySku(c.productList());
    List<OfferedProduct> offered = c.productList().stream().filter(products::containsKey).map(products::get)
        .map(p -> new OfferedProduct(p.sku(), p.name(), p.price(), c.discounted(p.price()), p.currency().toString()))
        .toList();
    return new OfferView(o.id(), c.id(), c.name(), o.status(), c.validUntil(), c.discountPercent(), offered,
        o.orderId());
  }

  /** The consenting customers the rule selects, by e-mail. */
  private List<String> audience(Campaign c) {
    List<InsightView> consenting = insights.inSegment(c.rule() == CampaignRule.SEGMENT ? c.segment() : null, true);
    Set<String> skus = Set.copyOf(c.productList());
    return consenting.stream().filter(InsightView::marketingConsent)
        .filter(v -> c.rule() == CampaignRule.SEGMENT
            || v.recommendations().stream().anyMatch(r -> skus.contains(r.sku())))
        .map(v -> key(v.email())).distinct().sorted().toList();
  }

  private Campaign load(String id) {
    return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
