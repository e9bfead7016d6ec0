package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("The money ledger")
class MoneyMovementsTest {

  private final MoneyMovementRepository repository = mock(MoneyMovementRepository.class);
  private final MoneyMovements movements = new MoneyMovements(repository, CLOCK);

  @Test
  @DisplayName("records a movement with its amount in cents and the time it happened")
  void records() {
    boolean recorded = movements.record("o-1", MoneyMovements.Kind.CAPTURED, new BigDecimal("51.8"), "EUR", "cap_1",
        "CAPTURED:o-1");

    assertThat(recorded).isTrue();
    ArgumentCaptor<MoneyMovement> saved = ArgumentCaptor.forClass(MoneyMovement.class);
    verify(repository).saveAndFlush(saved.capture());
    assertThat(saved.getValue().amount()).isEqualTo(new BigDecimal("51.80"));
    assertThat(saved.getValue().occurredAt()).isEqualTo(NOW);
    assertThat(saved.getValue().reference()).isEqualTo("cap_1");
  }

  @Test
  @DisplayName("records nothing for a business key recorded before (a repeated job)")
  void once() {
    when(repository.existsByBusinessKey("CAPTURED:o-1")).thenReturn(true);

    boolean recorded = movements.record("o-1", MoneyMovements.Kind.CAPTURED, new BigDecimal("51.80"), "EUR", "cap_1",
        "CAPTURED:o-1");

    assertThat(recorded).isFalse();
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("refuses a negative amount: the kind gives the direction")
  void positive() {
    assertThatThrownBy(() -> movements.record("o-1", MoneyMovements.Kind.REFUNDED, new BigDecimal("-1.00"), "EUR",
        null, "REFUNDED:o-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
