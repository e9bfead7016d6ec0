package io.orderflow.fulfillment.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.DeliveryOptions;
import io.orderflow.fulfillment.order.OrderChannel;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The insight tables (V25) on MariaDB: a refresh stored and read back, site events, the review constraints. */
@MariaDbJpaTest
@Import({OrderService.class, Catalog.class, io.orderflow.fulfillment.routing.Geocoder.class, DeliveryOptions.class,
    CustomerInsights.class, SiteEvents.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Customer insight on MariaDB")
class InsightPersistenceMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @Autowired OrderService orders;
  @Autowired CustomerInsights insights;
  @Autowired SiteEvents events;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("a refresh stores each customer's insight and recommendations, read back by e-mail and segment")
  void refreshRoundTrip() {
    OrderSummary ivan = place("ivan@example.com", true, "TSHIRT-ORG-M", "MUG-CERAMIC");
    place("olga@example.com", false, "TSHIRT-ORG-M");
    assertThat(ivan.channel()).isEqualTo(OrderChannel.SEARCH);

    insights.refresh();
    insights.refresh(); // replaces, never duplicates

    CustomerInsights.InsightView olga = insights.of("OLGA@example.com").orElseThrow();
    assertThat(olga.segment()).isEqualTo(Segment.NEW);
    assertThat(olga.marketingConsent()).isFalse();
    assertThat(olga.recommendations()).extracting(CustomerInsights.RecommendationView::sku).contains("MUG-CERAMIC");
    assertThat(insights.inSegment(Segment.NEW, true)).extracting(CustomerInsights.InsightView::email)
        .containsExactly("ivan@example.com");
  }

  @Test
  @DisplayName("site events are stored; a review is unique per order and SKU and rated 1 to 5")
  void eventsAndReviews() {
    events.record("ivan@example.com", List.of(new SiteEvents.SiteEvent("SEARCH", null, "mug", null),
        new SiteEvents.SiteEvent("PRODUCT_VIEW", "MUG-CERAMIC", null, null)));
    assertThat(events.countOf("IVAN@example.com")).isEqualTo(2);

    OrderSummary order = place("rev@example.com", false, "TSHIRT-ORG-M");
    String insert = "insert into product_review (id, order_id, sku, customer_email, rating, created_at)"
        + " values (?, ?, 'TSHIRT-ORG-M', 'rev@example.com', ?, current_timestamp)";
    jdbc.update(insert, "r1", order.id(), 5);
    assertThatThrownBy(() -> jdbc.update(insert, "r2", order.id(), 4))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("insert into product_review (id, order_id, sku, customer_email, rating,"
        + " created_at) values ('r3', ?, 'MUG-CERAMIC', 'rev@example.com', 6, current_timestamp)", order.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private OrderSummary place(String email, boolean consent, String... skus) {
    PlaceOrder command = new PlaceOrder(new Customer("Test", email, null), new Address("bul. Vitosha 1", "1000",
        "Sofia", "BG"), java.util.Arrays.stream(skus).map(s -> new RequestedLine(s, 1)).toList(), "CARD",
        "pm_card_visa", OrderService.Delivery.standard(), consent, "bg", OrderChannel.SEARCH);
    return orders.place(command);
  }
}
