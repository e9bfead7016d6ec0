package io.orderflow.fulfillment.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.fulfillment.insight.InsightCalculator.CustomerInsight;
import io.orderflow.fulfillment.insight.InsightCalculator.Kind;
import io.orderflow.fulfillment.insight.InsightCalculator.Recommendation;
import io.orderflow.fulfillment.order.OrderChannel;
import io.orderflow.fulfillment.order.OrderService.Purchase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Customer insight on a small, hand-checked data set (numbers worked out by hand in the comments, not by the code).
 * Now = 2025-06-30 12:00 UTC. COFFEE and CAKE are groceries.
 */
@DisplayName("Customer insight")
class InsightCalculatorTest {

  static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Set<String> GROCERY = Set.of("COFFEE", "CAKE");

  static Purchase p(String email, String day, String total, boolean consent, String... skus) {
    Map<String, Integer> q = new java.util.TreeMap<>();
    for (String s : skus) {
      q.merge(s, 1, Integer::sum);
    }
    return new Purchase(email + day, email, Instant.parse(day + "T12:00:00Z"), new BigDecimal(total), EUR, consent,
        OrderChannel.WEB_SHOP, q);
  }

  static final List<Purchase> PURCHASES = List.of(
      // Ana: 4 purchases in the year, last 10 days ago, 600 + 300 + 200 + 100 = 1200
      p("ana@example.com", "2025-06-20", "600.00", true, "COFFEE", "MUG"),
      p("ana@example.com", "2025-05-21", "300.00", true, "COFFEE"),
      p("ana@example.com", "2025-04-21", "200.00", true, "COFFEE", "FILTER"),
      p("ana@example.com", "2025-03-22", "100.00", true, "TEA"),
      // Ben: one purchase 20 days ago, 40.00, no consent
      p("BEN@example.com", "2025-06-10", "40.00", false, "COFFEE", "CAKE"),
      // Cleo: two purchases, the last 211 days ago (2024-12-01), 80 + 90 = 170
      p("cleo@example.com", "2024-10-01", "80.00", true, "MUG", "CAKE"),
      p("cleo@example.com", "2024-12-01", "90.00", true, "MUG", "SPOON"));

  List<CustomerInsight> computed() {
    return InsightCalculator.compute(PURCHASES, sku -> GROCERY.contains(sku) ? "grocery" : "home", NOW);
  }

  CustomerInsight of(String email) {
    return computed().stream().filter(c -> c.email().equals(email)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("RFM of three customers: Ana LOYAL (5/3/5), Ben NEW (5/1/1), Cleo AT_RISK (2/2/2)")
  void rfm() {
    assertThat(computed()).extracting(CustomerInsight::email, CustomerInsight::recencyDays,
            CustomerInsight::frequency, CustomerInsight::monetary, c -> c.scores().recency(),
            c -> c.scores().frequency(), c -> c.scores().monetary(), c -> c.scores().segment(),
            CustomerInsight::marketingConsent)
        .containsExactly(
            tuple("ana@example.com", 10L, 4, new BigDecimal("1200.00"), 5, 3, 5, Segment.LOYAL, true),
            tuple("ben@example.com", 20L, 1, new BigDecimal("40.00"), 5, 1, 1, Segment.NEW, false),
            tuple("cleo@example.com", 211L, 2, new BigDecimal("170.00"), 2, 2, 2, Segment.AT_RISK, true));
  }

  @Test
  @DisplayName("bought together: what other customers bought with the customer's products, minus what they own")
  void boughtTogether() {
    // Ana owns COFFEE, MUG, FILTER, TEA: CAKE is in Ben's (with COFFEE) and Cleo's first order (with MUG) = 2,
    // SPOON in Cleo's second (with MUG) = 1
    assertThat(recommendations("ana@example.com", Kind.BOUGHT_TOGETHER))
        .extracting(Recommendation::rank, Recommendation::sku, Recommendation::score, Recommendation::reason)
        .containsExactly(
            tuple(1, "CAKE", new BigDecimal("2.00"), "bought with COFFEE in 1 order of other customers"),
            tuple(2, "SPOON", new BigDecimal("1.00"), "bought with MUG in 1 order of other customers"));
    // Ben owns COFFEE, CAKE: MUG in Ana's 06-20 (COFFEE) and Cleo's 10-01 (CAKE) = 2, FILTER in Ana's 04-21 = 1
    assertThat(recommendations("ben@example.com", Kind.BOUGHT_TOGETHER))
        .extracting(Recommendation::sku, Recommendation::score)
        .containsExactly(tuple("MUG", new BigDecimal("2.00")), tuple("FILTER", new BigDecimal("1.00")));
    // Cleo owns MUG, CAKE, SPOON: COFFEE in Ana's 06-20 (MUG) and Ben's (CAKE) = 2
    assertThat(recommendations("cleo@example.com", Kind.BOUGHT_TOGETHER))
        .extracting(Recommendation::sku, Recommendation::score)
        .containsExactly(tuple("COFFEE", new BigDecimal("2.00")));
  }

  @Test
  @DisplayName("re-order reminders: median interval after the last purchase; a grocery bought once: 30 days")
  void reorders() {
    // Ana's COFFEE on 04-21, 05-21, 06-20: gaps 30, 30 → 2025-07-20; MUG, FILTER, TEA once and no groceries
    assertThat(recommendations("ana@example.com", Kind.REORDER))
        .extracting(Recommendation::sku, Recommendation::score, Recommendation::dueDate)
        .containsExactly(tuple("COFFEE", new BigDecimal("30.00"), LocalDate.parse("2025-07-20")));
    // Ben's groceries once each on 06-10 → 07-10, by SKU
    assertThat(recommendations("ben@example.com", Kind.REORDER))
        .extracting(Recommendation::rank, Recommendation::sku, Recommendation::dueDate)
        .containsExactly(tuple(1, "CAKE", LocalDate.parse("2025-07-10")),
            tuple(2, "COFFEE", LocalDate.parse("2025-07-10")));
    // Cleo's CAKE once on 2024-10-01 → 10-31; MUG on 10-01 and 12-01: 61 days → 2025-01-31
    assertThat(recommendations("cleo@example.com", Kind.REORDER))
        .extracting(Recommendation::sku, Recommendation::dueDate)
        .containsExactly(tuple("CAKE", LocalDate.parse("2024-10-31")), tuple("MUG", LocalDate.parse("2025-01-31")));
  }

  @Test
  @DisplayName("the median interval: the middle gap, or the two middle gaps averaged down")
  void median() {
    LocalDate d = LocalDate.parse("2025-01-01");
    // gaps 10, 20, 70 → 20
    assertThat(InsightCalculator.medianInterval(List.of(d, d.plusDays(10), d.plusDays(30), d.plusDays(100))))
        .isEqualTo(20);
    // gaps 10, 20, 31, 70 → (20 + 31) / 2 = 25
    assertThat(InsightCalculator.medianInterval(List.of(d, d.plusDays(10), d.plusDays(30), d.plusDays(61),
        d.plusDays(131)))).isEqualTo(25);
  }

  @ParameterizedTest(name = "recency {0} d, {1} orders, {2} → R{3} F{4} M{5} {6}")
  @CsvSource({
      "0,   10, 1000.00, 5, 5, 5, CHAMPION",
      "45,  6,  500.00,  4, 4, 4, CHAMPION",
      "60,  6,  499.99,  4, 4, 3, LOYAL",
      "120, 3,  10.00,   3, 3, 1, LOYAL",
      "30,  1,  250.00,  5, 1, 3, NEW",
      "31,  2,  60.00,   4, 2, 2, OCCASIONAL",
      "241, 12, 5000.00, 1, 5, 5, LOST",
      "121, 2,  49.99,   2, 2, 1, AT_RISK",
      "240, 1,  200.00,  2, 1, 3, OCCASIONAL",
      "121, 0,  0.00,    2, 1, 1, OCCASIONAL"})
  @DisplayName("RFM thresholds and segment rules")
  void thresholds(long recency, int frequency, BigDecimal monetary, int r, int f, int m, Segment segment) {
    assertThat(RfmScoring.score(recency, frequency, monetary))
        .isEqualTo(new RfmScoring.Scores(r, f, m, segment));
  }

  List<Recommendation> recommendations(String email, Kind kind) {
    return of(email).recommendations().stream().filter(r -> r.kind() == kind).toList();
  }
}
