package io.orderflow.fulfillment.insight;

import java.math.BigDecimal;

/**
 * RFM scores (1 = weakest, 5 = strongest) by fixed thresholds, and the segment they make.
 *
 * <p>Inputs: <b>recency</b> = whole days since the customer's last purchase; <b>frequency</b> = purchases in the last 365
 * days; <b>monetary</b> = the goods totals of those purchases (in the currency of the customer's last purchase).
 *
 * <table>
 *   <caption>Scores</caption>
 *   <tr><th>score</th><th>recency (days)</th><th>frequency (orders / 365 d)</th><th>monetary</th></tr>
 *   <tr><td>5</td><td>0 - 30</td><td>10 or more</td><td>1000 or more</td></tr>
 *   <tr><td>4</td><td>31 - 60</td><td>6 - 9</td><td>500 - 999.99</td></tr>
 *   <tr><td>3</td><td>61 - 120</td><td>3 - 5</td><td>200 - 499.99</td></tr>
 *   <tr><td>2</td><td>121 - 240</td><td>2</td><td>50 - 199.99</td></tr>
 *   <tr><td>1</td><td>241 or more</td><td>0 - 1</td><td>below 50</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Segments: the first rule that matches, top to bottom</caption>
 *   <tr><th>segment</th><th>rule</th><th>meaning</th></tr>
 *   <tr><td>CHAMPION</td><td>R ≥ 4, F ≥ 4, M ≥ 4</td><td>buys often, much, and lately</td></tr>
 *   <tr><td>LOYAL</td><td>R ≥ 3, F ≥ 3</td><td>comes back regularly</td></tr>
 *   <tr><td>NEW</td><td>R ≥ 4, F = 1</td><td>one recent purchase</td></tr>
 *   <tr><td>LOST</td><td>R = 1</td><td>nothing for more than 240 days</td></tr>
 *   <tr><td>AT_RISK</td><td>R = 2, F ≥ 2</td><td>bought repeatedly, quiet for 4 - 8 months</td></tr>
 *   <tr><td>OCCASIONAL</td><td>anything else</td><td></td></tr>
 * </table>
 */
final class RfmScoring {

  record Scores(int recency, int frequency, int monetary, Segment segment) {}

  private RfmScoring() {}

  static Scores score(long recencyDays, int frequency, BigDecimal monetary) {
    int r = recencyDays <= 30 ? 5 : recencyDays <= 60 ? 4 : recencyDays <= 120 ? 3 : recencyDays <= 240 ? 2 : 1;
    int f = frequency >= 10 ? 5 : frequency >= 6 ? 4 : frequency >= 3 ? 3 : frequency == 2 ? 2 : 1;
    int m = atLeast(monetary, 1000) ? 5 : atLeast(monetary, 500) ? 4 : atLeast(monetary, 200) ? 3
        : atLeast(monetary, 50) ? 2 : 1;
    return new Scores(r, f, m, segment(r, f, m));
  }

  static Segment segment(int r, int f, int m) {
    if (r >= 4 && f >= 4 && m >= 4) {
      return Segment.CHAMPION;
    }
    if (r >= 3 && f >= 3) {
      return Segment.LOYAL;
    }
    if (r >= 4 && f == 1) {
      return Segment.NEW;
    }
    if (r == 1) {
      return Segment.LOST;
    }
    if (r == 2 && f >= 2) {
      return Segment.AT_RISK;
    }
    return Segment.OCCASIONAL;
  }

  private static boolean atLeast(BigDecimal amount, int threshold) {
    return amount.compareTo(BigDecimal.valueOf(threshold)) >= 0;
  }
}
