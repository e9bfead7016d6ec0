package io.orderflow.fulfillment.insight;

import io.orderflow.fulfillment.order.OrderService.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes every customer's insight from the purchases (cancelled orders, free replacements and backorder orders are
 * not purchases, see {@code OrderService.Purchase}). Customers are told apart by e-mail, case-insensitively.
 *
 * <p><b>RFM</b>: see {@link RfmScoring}. <b>Bought together</b>: for every purchase of another customer that holds a
 * product this customer bought, each of its other products the customer never bought scores one point; the top
 * {@value #TOP_BOUGHT_TOGETHER} by score (then SKU), the reason naming the customer's product they were most often
 * bought with. <b>Re-order reminders</b> for consumables (category {@value #CONSUMABLE_CATEGORY}, or a product the
 * customer bought in two or more purchases): the median of the days between their purchases of it (a grocery product
 * bought once: {@value #DEFAULT_REORDER_DAYS} days) after the last one is the expected next purchase. Marketing consent
 * is the one given with the customer's last purchase.
 */
final class InsightCalculator {

  static final int TOP_BOUGHT_TOGETHER = 5;
  static final String CONSUMABLE_CATEGORY = "grocery";
  static final int DEFAULT_REORDER_DAYS = 30;

  enum Kind { BOUGHT_TOGETHER, REORDER }

  record Recommendation(Kind kind, int rank, String sku, BigDecimal score, String reason, LocalDate dueDate) {}

  record CustomerInsight(String email, Instant lastOrderAt, long recencyDays, int frequency, BigDecimal monetary,
      String currency, RfmScoring.Scores scores, boolean marketingConsent, List<Recommendation> recommendations) {}

  private InsightCalculator() {}

  /**
   * @param purchases every purchase to consider (any order), any order of them
   * @param categoryOf the catalogue category of a SKU (null when unknown)
   */
  static List<CustomerInsight> compute(List<Purchase> purchases, Function<String, String> categoryOf, Instant now) {
    Map<String, List<Purchase>> byCustomer = new TreeMap<>();
    for (Purchase p : purchases) {
      byCustomer.computeIfAbsent(key(p.customerEmail()), k -> new ArrayList<>()).add(p);
    }
    byCustomer.values().forEach(list -> list.sort(Comparator.comparing(Purchase::placedAt)));
    List<CustomerInsight> result = new ArrayList<>();
    byCustomer.forEach((email, own) -> result.add(customer(email, own, purchases, categoryOf, now)));
    return result;
  }

  private static CustomerInsight customer(String email, List<Purchase> own, List<Purchase> all,
      Function<String, String> categoryOf, Instant now) {
    Purchase last = own.get(own.size() - 1);
    long recency = Math.max(0, Duration.between(last.placedAt(), now).toDays());
    Instant yearAgo = now.minus(365, ChronoUnit.DAYS);
    List<Purchase> lastYear = own.stream().filter(p -> !p.placedAt().isBefore(yearAgo)).toList();
    BigDecimal monetary = lastYear.stream().filter(p -> p.currency().equals(last.currency()))
        .map(Purchase::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    List<Recommendation> recommendations = new ArrayList<>(boughtTogether(email, own, all));
    recommendations.addAll(reorders(own, categoryOf));
    return new CustomerInsight(email, last.placedAt(), recency, lastYear.size(), monetary,
        last.currency().getCurrencyCode(), RfmScoring.score(recency, lastYear.size(), monetary),
        last.marketingConsent(), List.copyOf(recommendations));
  }

  private static List<Recommendation> boughtTogether(String email, List<Purchase> own, List<Purchase> all) {
    Set<String> bought = new TreeSet<>();
    own.forEach(p -> bought.addAll(p.quantities().keySet()));
    Map<String, Integer> score = new HashMap<>();
    Map<String, Map<String, Integer>> with = new HashMap<>(); // candidate -> own SKU -> purchases together
    for (Purchase other : all) {
      if (key(other.customerEmail()).equals(email)) {
        continue;
      }
      List<String> ownInIt = other.quantities().keySet().stream().filter(bought::contains).sorted().toList();
      if (ownInIt.isEmpty()) {
        continue;
      }
      for (String candidate : other.quantities().keySet()) {
        if (bought.contains(candidate)) {
          continue;
        }
        score.merge(candidate, 1, Integer::sum);
        ownInIt.forEach(o -> with.computeIfAbsent(candidate, c -> new TreeMap<>()).merge(o, 1, Integer::sum));
      }
    }
    List<String> ranked = score.keySet().stream()
        .sorted(Comparator.comparing((String s) -> -score.get(s)).thenComparing(Function.identity()))
        .limit(TOP_BOUGHT_TOGETHER).toList();
    List<Recommendation> result = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      String sku = ranked.get(i);
      Map.Entry<String, Integer> best = with.get(sku).entrySet().stream()
          .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow();
      result.add(new Recommendation(Kind.BOUGHT_TOGETHER, i + 1, sku, BigDecimal.valueOf(score.get(sku)).setScale(2),
          "bought with " + best.getKey() + " in " + best.getValue() + " order" + (best.getValue() == 1 ? "" : "s")
              + " of other customers", null));
    }
    return result;
  }

  private static List<Recommendation> reorders(List<Purchase> own, Function<String, String> categoryOf) {
    Map<String, List<LocalDate>> dates = new TreeMap<>();
    for (Purchase p : own) {
      LocalDate day = LocalDate.ofInstant(p.placedAt(), ZoneOffset.UTC);
      p.quantities().keySet().forEach(sku -> dates.computeIfAbsent(sku, s -> new ArrayList<>()).add(day));
    }
    List<Recommendation> result = new ArrayList<>();
    for (Map.Entry<String, List<LocalDate>> e : dates.entrySet()) {
      List<LocalDate> days = e.getValue();
      boolean grocery = CONSUMABLE_CATEGORY.equals(categoryOf.apply(e.getKey()));
      if (days.size() < 2 && !grocery) {
        continue;
      }
      long interval = days.size() < 2 ? DEFAULT_REORDER_DAYS : medianInterval(days);
      LocalDate lastDay = days.get(days.size() - 1);
      result.add(new Recommendation(Kind.REORDER, 0, e.getKey(), BigDecimal.valueOf(interval).setScale(2),
          (days.size() < 2 ? "a grocery product, usually re-ordered within " + interval + " days"
              : "bought " + days.size() + " times, every " + interval + " days (median)") + "; last on " + lastDay,
          lastDay.plusDays(interval)));
    }
    result.sort(Comparator.comparing(Recommendation::dueDate).thenComparing(Recommendation::sku));
    List<Recommendation> ranked = new ArrayList<>();
    for (int i = 0; i < result.size(); i++) {
      Recommendation r = result.get(i);
      ranked.add(new Recommendation(r.kind(), i + 1, r.sku(), r.score(), r.reason(), r.dueDate()));
    }
    return ranked;
  }

  /** The median of the days between consecutive dates (the lower middle of an even count, averaged down). */
  static long medianInterval(List<LocalDate> sortedDays) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < sortedDays.size(); i++) {
      gaps.add(ChronoUnit.DAYS.between(sortedDays.get(i - 1), sortedDays.get(i)));
    }
    gaps.sort(Comparator.naturalOrder());
    int n = gaps.size();
    return n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
  }

  static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
