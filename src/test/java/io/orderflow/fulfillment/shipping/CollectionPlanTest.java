package io.orderflow.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The courier's collection at the warehouse")
class CollectionPlanTest {

  @ParameterizedTest(name = "now {0}, slot {1}, cut-off {2}, warehouse in {3} → {4}")
  @DisplayName("is the business day before the delivery slot by the cut-off, in warehouse time, else the next cut-off ahead")
  @CsvSource(textBlock = """
      # now (UTC),           slot date,  cut-off, country, collection (UTC)
      2026-11-23T08:00:00Z,  2026-11-26, 12:00,   BG,      2026-11-25T10:00:00Z
      2026-11-23T08:00:00Z,  2026-11-30, 13:00,   ES,      2026-11-27T12:00:00Z
      2026-11-23T08:00:00Z,  2026-11-29, 12:00,   PL,      2026-11-27T11:00:00Z
      2026-11-23T08:00:00Z,  2026-11-26, ,        ES,      2026-11-25T15:00:00Z
      2026-11-23T08:00:00Z,  ,           12:00,   BG,      2026-11-23T10:00:00Z
      2026-11-23T11:00:00Z,  ,           12:00,   BG,      2026-11-24T10:00:00Z
      2026-11-27T16:00:00Z,  2026-11-24, 12:00,   PL,      2026-11-30T11:00:00Z
      2026-07-01T08:00:00Z,  2026-07-03, 12:00,   ES,      2026-07-02T10:00:00Z
      """)
  void collectionTime(Instant now, LocalDate slotDate, String cutoff, String country, Instant expected) {
    assertThat(CollectionPlan.collectionTime(slotDate, cutoff, country, now)).isEqualTo(expected);
  }

  @Test
  @DisplayName("refuses a cut-off that is no time of day")
  void badCutoff() {
    assertThatThrownBy(() -> CollectionPlan.collectionTime(null, "noon", "ES", Instant.parse("2026-11-23T08:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noon");
  }
}
