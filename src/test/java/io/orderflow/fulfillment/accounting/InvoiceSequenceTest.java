package io.orderflow.fulfillment.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("VAT invoice numbers")
class InvoiceSequenceTest {

  @Test
  @DisplayName("a year's counter hands out 1, 2, 3 … and prints them as VAT-<year>-<6 digits>")
  void countsWithoutGaps() {
    // given
    InvoiceSequence sequence = new InvoiceSequence(2026);

    // when
    int first = sequence.next();
    int second = sequence.next();
    int third = sequence.next();

    // then
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(third).isEqualTo(3);
    assertThat(sequence.lastNo()).isEqualTo(3);
    assertThat(InvoiceSequence.number(2026, first)).isEqualTo("VAT-2026-000001");
    assertThat(InvoiceSequence.number(2027, 123456)).isEqualTo("VAT-2027-123456");
  }

  @Test
  @DisplayName("stops at 999999 instead of printing a seven-digit number")
  void stopsAtTheLastNumber() {
    InvoiceSequence sequence = new InvoiceSequence(2026);
    for (int i = 0; i < InvoiceSequence.MAX; i++) {
      sequence.next();
    }
    assertThatThrownBy(sequence::next).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InvoiceSequence.number(2026, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
