package io.orderflow.fulfillment.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Nearest-rank percentiles: of the n values sorted ascending, the p-th percentile is the value at rank
 * ceil(p / 100 × n) (1-based). It is always a value that occurred; the median (p50) of an even count is the lower of
 * the two middle values. No values, no percentile (null).
 */
final class Percentiles {

  private Percentiles() {}

  /** @param values any order; not changed */
  static Long nearestRank(List<Long> values, int percentile) {
    if (percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + percentile);
    }
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Seconds as hours with two decimals (half up); null stays null. */
  static BigDecimal hours(Long seconds) {
    return seconds == null ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
  }

  /** part / whole with four decimals (half up); null when the whole is 0 (no rate without a base). */
  static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
