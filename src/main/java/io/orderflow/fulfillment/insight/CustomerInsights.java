package io.orderflow.fulfillment.insight;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.insight.InsightCalculator.CustomerInsight;
import io.orderflow.fulfillment.insight.InsightCalculator.Recommendation;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Purchase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the insight of every customer from all their purchases ({@link InsightCalculator}) and stores it, replacing
 * the previous results as a whole in one transaction (readers see the old or the new set, never half of it).
 */
@Service
public class CustomerInsights {

  private static final Logger log = LoggerFactory.getLogger(CustomerInsights.class);

  /** A customer's stored insight. */
  public record InsightView(String email, Instant computedAt, Instant lastOrderAt, int recencyDays, int frequency,
      BigDecimal monetary, String currency, int recencyScore, int frequencyScore, int monetaryScore, Segment segment,
      boolean marketingConsent, List<RecommendationView> recommendations) {}

  /** A stored recommendation: BOUGHT_TOGETHER (score = co-purchases) or REORDER (score = interval days, dueDate). */
  public record RecommendationView(String kind, int rank, String sku, BigDecimal score, String reason,
      LocalDate dueDate) {}

  /** What a refresh did. */
  public record RefreshResult(Instant computedAt, int customers, int recommendations) {}

  private final OrderService orders;
  private final Catalog catalog;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CustomerInsights(OrderService orders, Catalog catalog, JdbcTemplate jdbc, Clock clock) {
    this.orders = orders;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Recomputes every customer's insight from all purchases and replaces the stored results. */
  @Transactional
  public RefreshResult refresh() {
    Instant now = clock.instant();
    List<Purchase> purchases = orders.purchasesSince(Instant.EPOCH);
    Map<String, String> categories = catalog.bySku(purchases.stream()
            .flatMap(p -> p.quantities().keySet().stream()).distinct().toList())
        .values().stream().collect(Collectors.toMap(Product::sku, Product::category, (a, b) -> a));
    List<CustomerInsight> computed = InsightCalculator.compute(purchases, categories::get, now);
    jdbc.update("delete from customer_recommendation");
    jdbc.update("delete from customer_insight");
    int recommendations = 0;
    for (CustomerInsight c : computed) {
      jdbc.update("insert into customer_insight (customer_email, computed_at, last_order_at, recency_days, frequency,"
              + " monetary, currency, recency_score, frequency_score, monetary_score, segment, marketing_consent)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.email(), Timestamp.from(now),
          Timestamp.from(c.lastOrderAt()), (int) Math.min(Integer.MAX_VALUE, c.recencyDays()), c.frequency(),
          c.monetary(), c.currency(), c.scores().recency(), c.scores().frequency(), c.scores().monetary(),
          c.scores().segment().name(), c.marketingConsent());
      for (Recommendation r : c.recommendations()) {
        jdbc.update("insert into customer_recommendation (customer_email, kind, rank_no, sku, score, reason, due_date)"
            + " values (?, ?, ?, ?, ?, ?, ?)", c.email(), r.kind().name(), r.rank(), r.sku(), r.score(), r.reason(),
            r.dueDate() == null ? null : java.sql.Date.valueOf(r.dueDate()));
        recommendations++;
      }
    }
    log.info("Customer insight refreshed: {} customers, {} recommendations", computed.size(), recommendations);
    return new RefreshResult(now, computed.size(), recommendations);
  }

  /** The stored insight of the customer (e-mail case-insensitive), with recommendations. */
  @Transactional(readOnly = true)
  public Optional<InsightView> of(String email) {
    List<InsightView> found = query("where customer_email = ?", InsightCalculator.key(email));
    return found.stream().findFirst();
  }

  /** The stored insights of a segment (all segments when null), optionally only consenting customers, by e-mail. */
  @Transactional(readOnly = true)
  public List<InsightView> inSegment(Segment segment, boolean consentingOnly) {
    String where = "where 1 = 1" + (segment == null ? "" : " and segment = '" + segment.name() + "'")
        + (consentingOnly ? " and marketing_consent = true" : "");
    return query(where);
  }

  private List<InsightView> query(String where, Object... args) {
    List<InsightView> insights = jdbc.query("select * from customer_insight " + where + " order by customer_email",
        (rs, i) -> new InsightView(rs.getString("customer_email"), rs.getTimestamp("computed_at").toInstant(),
            rs.getTimestamp("last_order_at").toInstant(), rs.getInt("recency_days"), rs.getInt("frequency"),
            rs.getBigDecimal("monetary"), rs.getString("currency"), rs.getInt("recency_score"),
            rs.getInt("frequency_score"), rs.getInt("monetary_score"), Segment.valueOf(rs.getString("segment")),
            rs.getBoolean("marketing_consent"), List.of()), args);
    if (insights.isEmpty()) {
      return insights;
    }
    Map<String, List<RecommendationView>> recs = jdbc.query(
            "select * from customer_recommendation order by customer_email, kind, rank_no",
            (rs, i) -> Map.entry(rs.getString("customer_email"), new RecommendationView(rs.getString("kind"),
                rs.getInt("rank_no"), rs.getString("sku"), rs.getBigDecimal("score"), rs.getString("reason"),
                rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate())))
        .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return insights.stream().map(v -> new InsightView(v.email(), v.computedAt(), v.lastOrderAt(), v.recencyDays(),
        v.frequency(), v.monetary(), v.currency(), v.recencyScore(), v.frequencyScore(), v.monetaryScore(),
        v.segment(), v.marketingConsent(), recs.getOrDefault(v.email(), List.of()))).toList();
  }
}
