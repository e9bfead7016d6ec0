package io.orderflow.fulfillment.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.accounting.VatCalculation.LineInput;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("VAT on gross prices")
class VatCalculationTest {

  private final VatRates rates = new VatRates(new VatSettings(new BigDecimal("21"),
      Map.of("ES", new BigDecimal("21"), "PL", new BigDecimal("23"), "DE", new BigDecimal("19"),
          "FR", new BigDecimal("20")),
      Map.of("ES", new BigDecimal("4"), "FR", new BigDecimal("5.5"), "DE", new BigDecimal("7")),
      Set.of("books"), ZoneId.of("Europe/Madrid")));

  @ParameterizedTest(name = "{1} × {0} at {2} %: net {3}, VAT {4}, gross {5}")
  @CsvSource(textBlock = """
      # unit gross, qty, rate, net,   vat,  gross
        19.90,       1,   21,   16.45, 3.45, 19.90
        19.90,       3,   21,   49.34, 10.36, 59.70
        89.95,       1,   23,   73.13, 16.82, 89.95
        10.00,       1,   5.5,  9.48,  0.52, 10.00
        0.05,        1,   21,   0.04,  0.01, 0.05
        49.00,       2,   19,   82.35, 15.65, 98.00
        5.90,        1,   0,    5.90,  0.00, 5.90
      """)
  @DisplayName("each line: gross = quantity × unit price, net = gross / (1 + rate) rounded half-up to cents, VAT the rest")
  void perLine(String unit, int quantity, String rate, String net, String vat, String gross) {
    // when
    VatCalculation.PricedLine line = VatCalculation.price(1, new LineInput("SKU", "Thing", quantity,
        new BigDecimal(unit), new BigDecimal(rate)));

    // then
    assertThat(line.net()).isEqualByComparingTo(net);
    assertThat(line.vat()).isEqualByComparingTo(vat);
    assertThat(line.gross()).isEqualByComparingTo(gross);
    assertThat(line.net().add(line.vat())).isEqualByComparingTo(line.gross());
  }

  @Test
  @DisplayName("rounds half-up per line, so the totals are the sums of the printed lines")
  void roundsPerLine() {
    // given: 1.05 gross at 5 % is 1.00 net exactly; 0.10 at 21 % is 0.0826… net → 0.08 (half-up), VAT 0.02
    List<LineInput> lines = List.of(
        new LineInput("A", "A", 1, new BigDecimal("0.10"), new BigDecimal("21")),
        new LineInput("B", "B", 1, new BigDecimal("0.10"), new BigDecimal("21")),
        new LineInput("C", "C", 1, new BigDecimal("1.05"), new BigDecimal("5")));

    // when
    VatCalculation.Result result = VatCalculation.of(lines);

    // then: rounding the sum instead (0.20 / 1.21 = 0.165… → 0.17) would give A+B a net of 0.17, not 0.08 + 0.08
    assertThat(result.lines()).extracting(VatCalculation.PricedLine::net)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.08"), new BigDecimal("0.08"), new BigDecimal("1.00"));
    assertThat(result.breakdown().get(1).net()).isEqualByComparingTo("0.16");
    assertThat(result.totals().net()).isEqualByComparingTo("1.16");
    assertThat(result.totals().vat()).isEqualByComparingTo("0.09");
    assertThat(result.totals().gross()).isEqualByComparingTo("1.25");
    assertThat(result.lines()).extracting(VatCalculation.PricedLine::lineNo).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("breaks VAT down by rate, lowest rate first, each rate the sum of its lines")
  void breakdown() {
    // given: a book at the reduced Spanish rate, a T-shirt and the shipping at the standard rate
    List<LineInput> lines = List.of(
        new LineInput("BOOK-1", "A novel", 2, new BigDecimal("12.48"), rates.forGoods("ES", "books")),
        new LineInput("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("19.90"),
            rates.forGoods("ES", "apparel")),
        new LineInput(null, "Shipping, parcel 1", 1, new BigDecimal("4.90"), rates.standard("ES")));

    // when
    VatCalculation.Result result = VatCalculation.of(lines);

    // then
    assertThat(result.breakdown()).hasSize(2);
    VatCalculation.RateTotal reduced = result.breakdown().get(0);
    assertThat(reduced.ratePercent()).isEqualByComparingTo("4");
    assertThat(reduced.gross()).isEqualByComparingTo("24.96");
    assertThat(reduced.net()).isEqualByComparingTo("24.00");
    assertThat(reduced.vat()).isEqualByComparingTo("0.96");
    VatCalculation.RateTotal standard = result.breakdown().get(1);
    assertThat(standard.ratePercent()).isEqualByComparingTo("21");
    assertThat(standard.gross()).isEqualByComparingTo("24.80"); // 19.90 + 4.90
    assertThat(standard.net()).isEqualByComparingTo("20.50"); // 16.45 + 4.05, line by line
    assertThat(standard.vat()).isEqualByComparingTo("4.30");
    assertThat(result.totals().gross()).isEqualByComparingTo("49.76");
    assertThat(result.totals().net().add(result.totals().vat())).isEqualByComparingTo(result.totals().gross());
  }

  @ParameterizedTest(name = "{0}, {1}: {2} %")
  @CsvSource({
      "ES, apparel, 21", "ES, books, 4", "PL, apparel, 23", "PL, books, 23", "DE, Books, 7", "FR, books, 5.5",
      "es, footwear, 21", "NL, apparel, 21", "NL, books, 21"})
  @DisplayName("the rate is the destination's, reduced for listed categories where the country has a reduced rate, "
      + "the default for countries without a rate")
  void rates(String country, String category, String expected) {
    assertThat(rates.forGoods(country, category)).isEqualByComparingTo(expected);
  }

  @Test
  @DisplayName("refuses lines without a quantity")
  void refusesEmptyLines() {
    assertThatThrownBy(() -> VatCalculation.price(1, new LineInput("A", "A", 0, BigDecimal.ONE, BigDecimal.TEN)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
