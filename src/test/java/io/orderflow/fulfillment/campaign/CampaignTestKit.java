package io.orderflow.fulfillment.campaign;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.insight.CustomerInsights;
import io.orderflow.fulfillment.insight.CustomerInsights.InsightView;
import io.orderflow.fulfillment.insight.CustomerInsights.RecommendationView;
import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderPlacement;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real {@link Campaigns} over in-memory campaigns and offers and mocked neighbours, for the workers' tests: the mails
 * recorded (once per offer and topic, like the notification outbox) are counted here.
 */
public final class CampaignTestKit {

  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  public static final String SKU = "TSHIRT-ORG-M";

  public final Campaigns campaigns;
  public final Notifications notifications = mock(Notifications.class);
  public final OrderPlacement placement = mock(OrderPlacement.class);
  public final OrderService orders = mock(OrderService.class);
  public final CustomerInsights insights = mock(CustomerInsights.class);
  private final Map<String, Campaign> stored = new ConcurrentHashMap<>();
  private final Map<String, CampaignOffer> storedOffers = new ConcurrentHashMap<>();
  private final Set<String> mails = ConcurrentHashMap.newKeySet();
  private final AtomicLong keys = new AtomicLong(100);

  public CampaignTestKit() {
    CampaignRepository repository = mock(CampaignRepository.class);
    when(repository.saveAndFlush(any())).thenAnswer(i -> {
      Campaign c = i.getArgument(0);
      stored.put(c.id(), c);
      return c;
    });
    when(repository.findById(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get(i.<String>getArgument(0))));
    CampaignOfferRepository offers = mock(CampaignOfferRepository.class);
    when(offers.save(any())).thenAnswer(i -> {
      CampaignOffer o = i.getArgument(0);
      storedOffers.put(o.id(), o);
      return o;
    });
    when(offers.findById(anyString()))
        .thenAnswer(i -> Optional.ofNullable(storedOffers.get(i.<String>getArgument(0))));
    when(offers.findByCampaignIdOrderByBatchNoAscCustomerEmailAsc(anyString())).thenAnswer(i -> new java.util.ArrayList<>(
        storedOffers.values().stream().filter(o -> o.campaignId().equals(i.getArgument(0)))
            .sorted(Comparator.comparing(CampaignOffer::batchNo).thenComparing(CampaignOffer::customerEmail)).toList()));
    when(offers.findByCampaignIdAndBatchNoOrderByCustomerEmail(anyString(), anyInt())).thenAnswer(i ->
        storedOffers.values().stream().filter(o -> o.campaignId().equals(i.getArgument(0))
            && o.batchNo() == i.<Integer>getArgument(1)).sorted(Comparator.comparing(CampaignOffer::customerEmail))
            .toList());
    Catalog catalog = mock(Catalog.class);
    when(catalog.bySku(any())).thenReturn(Map.of(SKU, new Product(SKU, "TSHIRT-ORG", "Organic T-shirt", "clothing",
        "M", new BigDecimal("20.00"), java.util.Currency.getInstance("EUR"), 200, false)));
    when(notifications.notifyCustomerAbout(anyString(), anyString(), anyString(), anyString(), anyString(), any()))
        .thenAnswer(i -> mails.add(i.getArgument(1) + "/" + i.getArgument(2) + "/" + i.getArgument(3)));
    CampaignProcessStarter starter = (id, validUntil) -> keys.incrementAndGet();
    campaigns = new Campaigns(repository, offers, starter, mock(ProcessMessages.class), insights, catalog,
        notifications, placement, orders, mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** {@code count} consenting customers in segment LOYAL, each recommended {@link #SKU}. */
  public void consentingLoyalCustomers(int count) {
    List<InsightView> views = java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(n -> new InsightView(String.format("c%04d@example.com", n), NOW, NOW, 1, 2, BigDecimal.TEN, "EUR",
            4, 4, 4, Segment.LOYAL, true, List.of(new RecommendationView("BOUGHT_TOGETHER", 1, SKU, BigDecimal.ONE,
                "bought together", null))))
        .toList();
    when(insights.inSegment(eq(Segment.LOYAL), eq(true))).thenReturn(views);
    when(insights.inSegment(eq(null), eq(true))).thenReturn(views);
  }

  /** A campaign for segment LOYAL defined by marketing.assistant and approved by marketing.manager. */
  public String runningCampaign() {
    String id = awaitingApproval();
    campaigns.decide(id, "APPROVE", null, "marketing.manager");
    return id;
  }

  /** A campaign for segment LOYAL defined by marketing.assistant, waiting for its approval. */
  public String awaitingApproval() {
    return campaigns.define(new Campaigns.Definition("Loyal tees", CampaignRule.SEGMENT, Segment.LOYAL, List.of(SKU),
        20, NOW.plus(Duration.ofDays(7))), "marketing.assistant").id();
  }

  public Campaign campaign(String id) {
    return stored.get(id);
  }

  public List<CampaignOffer> offers(String campaignId) {
    return storedOffers.values().stream().filter(o -> o.campaignId().equals(campaignId)).toList();
  }

  /** Marks an offer accepted with the given order (as the acceptance would). */
  public void accepted(String offerId, String orderId) {
    CampaignOffer o = storedOffers.get(offerId);
    o.accept(NOW);
    o.placed(orderId);
  }

  /** The customer mails recorded (one per offer, topic and key). */
  public int mails() {
    return mails.size();
  }

  static Set<String> copy(Set<String> s) {
    return new HashSet<>(s);
  }
}
