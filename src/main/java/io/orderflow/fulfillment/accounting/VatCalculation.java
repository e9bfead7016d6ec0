package io.orderflow.fulfillment.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VAT on gross (VAT-inclusive) prices, line by line: the line's gross is quantity × unit price, its net is the gross
 * divided by (1 + rate), both rounded half-up to cents, and its VAT is the difference, so every line adds up to the
 * cent. Totals and the breakdown per rate are sums of the lines.
 */
final class VatCalculation {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A line to invoice: {@code ratePercent} e.g. 21 or 5.5. */
  record LineInput(String sku, String description, int quantity, BigDecimal unitPriceGross, BigDecimal ratePercent) {}

  record PricedLine(int lineNo, String sku, String description, int quantity, BigDecimal unitPriceGross,
      BigDecimal ratePercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {}

  /** The sums of the lines taxed at one rate. */
  record RateTotal(BigDecimal ratePercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {}

  record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross) {}

  record Result(List<PricedLine> lines, List<RateTotal> breakdown, Totals totals) {}

  private VatCalculation() {}

  static Result of(List<LineInput> inputs) {
    List<PricedLine> lines = new java.util.ArrayList<>();
    int no = 1;
    for (LineInput in : inputs) {
      lines.add(price(no++, in));
    }
    return new Result(List.copyOf(lines), breakdown(lines), totals(lines));
  }

  static PricedLine price(int lineNo, LineInput in) {
    if (in.quantity() < 1) {
      throw new IllegalArgumentException("An invoice line needs a quantity of at least 1");
    }
    if (in.ratePercent().signum() < 0) {
      throw new IllegalArgumentException("A VAT rate cannot be negative");
    }
    BigDecimal gross = in.unitPriceGross().multiply(BigDecimal.valueOf(in.quantity())).setScale(2, RoundingMode.HALF_UP);
    BigDecimal net = gross.multiply(HUNDRED).divide(HUNDRED.add(in.ratePercent()), 2, RoundingMode.HALF_UP);
    return new PricedLine(lineNo, in.sku(), in.description(), in.quantity(),
        in.unitPriceGross().setScale(2, RoundingMode.HALF_UP), in.ratePercent(), net, gross.subtract(net), gross);
  }

  /** Net, VAT and gross per rate, lowest rate first. */
  static List<RateTotal> breakdown(List<PricedLine> lines) {
    Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();
    for (PricedLine line : lines) {
      BigDecimal[] sums = byRate.computeIfAbsent(line.ratePercent().stripTrailingZeros(),
          r -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
      sums[0] = sums[0].add(line.net());
      sums[1] = sums[1].add(line.vat());
      sums[2] = sums[2].add(line.gross());
    }
    return byRate.entrySet().stream()
        .map(e -> new RateTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
  }

  static Totals totals(List<PricedLine> lines) {
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    BigDecimal vat = BigDecimal.ZERO.setScale(2);
    BigDecimal gross = BigDecimal.ZERO.setScale(2);
    for (PricedLine line : lines) {
      net = net.add(line.net());
      vat = vat.add(line.vat());
      gross = gross.add(line.gross());
    }
    return new Totals(net, vat, gross);
  }

  /** A rate as printed: "21 %", "5.5 %". */
  static String percent(BigDecimal rate) {
    return rate.stripTrailingZeros().toPlainString() + " %";
  }
}
