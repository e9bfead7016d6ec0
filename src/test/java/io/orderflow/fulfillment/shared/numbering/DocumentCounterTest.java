package io.orderflow.fulfillment.shared.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A document counter")
class DocumentCounterTest {

  @Test
  @DisplayName("counts from 1 and prints series, year and six digits")
  void countsAndPrints() {
    DocumentCounter counter = new DocumentCounter("VAT", 2026);
    int first = counter.next();

    assertThat(first).isEqualTo(1);
    assertThat(counter.next()).isEqualTo(2);
    assertThat(counter.format(first)).isEqualTo("VAT-2026-000001");
    assertThat(GapFreeNumbers.format("RMA", 2027, 123456)).isEqualTo("RMA-2027-123456");
    assertThat(GapFreeNumbers.format("CN", 2026, 7)).isEqualTo("CN-2026-000007");
  }

  @Test
  @DisplayName("refuses a seventh digit, number 0 and a series that is not capital letters")
  void refusesOutOfRange() {
    DocumentCounter counter = new DocumentCounter("PO", 2026);
    for (int i = 0; i < DocumentCounter.MAX; i++) {
      counter.next();
    }

    assertThatThrownBy(counter::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("PO numbers of 2026");
    assertThatThrownBy(() -> GapFreeNumbers.format("VAT", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GapFreeNumbers.format("VAT", 2026, 1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GapFreeNumbers.format("vat; drop", 2026, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
