package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.order.DeliveryOptions.DeliverySlot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Delivery slots offered at checkout")
class DeliveryOptionsTest {

  /** Friday 2026-11-27, 16:00 in Madrid. */
  private final DeliveryOptions options = new DeliveryOptions(
      Clock.fixed(Instant.parse("2026-11-27T15:00:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Madrid"));

  @ParameterizedTest(name = "{0}: first date {1}, last date {2}, {3} windows a day")
  @CsvSource({
      "STANDARD,     2026-12-01, 2026-12-07, 3",
      "EXPRESS,      2026-11-30, 2026-12-02, 2",
      "PICKUP_POINT, 2026-12-01, 2026-12-07, 1"})
  @DisplayName("start after the right number of business days and skip weekends")
  void businessDays(DeliveryMethod method, LocalDate first, LocalDate last, int windowsPerDay) {
    var slots = options.offered(method);
    assertThat(slots.get(0).date()).isEqualTo(first);
    assertThat(slots.get(slots.size() - 1).date()).isEqualTo(last);
    assertThat(slots).allSatisfy(s -> assertThat(s.date().getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
    assertThat(slots.stream().filter(s -> s.date().equals(first)).count()).isEqualTo(windowsPerDay);
  }

  @Test
  @DisplayName("the date follows the shop's time zone, not UTC")
  void shopTimeZone() {
    // 23:30 UTC on Sunday is already Monday in Madrid: express then goes out on Tuesday
    DeliveryOptions late = new DeliveryOptions(Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneOffset.UTC),
        ZoneId.of("Europe/Madrid"));
    assertThat(late.offered(DeliveryMethod.EXPRESS).get(0).date()).isEqualTo(LocalDate.parse("2026-12-01"));
  }

  @Test
  @DisplayName("a slot that was not offered is refused, naming the field and what is offered")
  void notOffered() {
    options.requireOffered(DeliveryMethod.STANDARD, new DeliverySlot(LocalDate.parse("2026-12-01"), "13:00-17:00"), "delivery.slot");
    assertThatThrownBy(() -> options.requireOffered(DeliveryMethod.STANDARD,
        new DeliverySlot(LocalDate.parse("2026-11-28"), "09:00-13:00"), "delivery.slot"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("delivery.slot").hasMessageContaining("2026-12-01");
    assertThatThrownBy(() -> options.requireOffered(DeliveryMethod.EXPRESS,
        new DeliverySlot(LocalDate.parse("2026-11-30"), "17:00-21:00"), "delivery.slot"))
        .isInstanceOf(InvalidRequestException.class);
  }
}
