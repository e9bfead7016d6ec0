package io.orderflow.fulfillment.shipping;

import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.COLLECTED;
import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.DAMAGED;
import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.DELIVERED;
import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.DELIVERY_FAILED;
import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.IN_TRANSIT;
import static io.orderflow.fulfillment.shipping.Shipping.TrackingEventType.OUT_FOR_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A parcel on its way")
class ShipmentTrackingTest {

  private static final Instant BOOKED = Instant.parse("2026-11-23T09:00:00Z");

  private final Shipment parcel = new Shipment("order-1", 1, "sofia", "Bulgarian Posts", "CP473124829BG",
      "MEDIUM_BOX", 1200, BOOKED);

  private static Instant at(int hoursAfterBooking) {
    return BOOKED.plusSeconds(hoursAfterBooking * 3600L);
  }

  @Test
  @DisplayName("moves through collected, in transit and out for delivery to delivered as the courier reports it")
  void progresses() {
    assertThat(parcel.status()).isEqualTo(Shipment.Status.BOOKED);

    parcel.report(COLLECTED, at(1), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.COLLECTED);
    parcel.report(IN_TRANSIT, at(5), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.IN_TRANSIT);
    parcel.report(OUT_FOR_DELIVERY, at(20), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.OUT_FOR_DELIVERY);
    boolean delivered = parcel.report(DELIVERED, at(24), null);

    assertThat(delivered).isTrue();
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DELIVERED);
    assertThat(parcel.deliveredAt()).isEqualTo(at(24));
  }

  @ParameterizedTest(name = "{0} reported after the parcel was {1} leaves it {1}")
  @DisplayName("never moves backwards when an event comes late")
  @CsvSource({
      "IN_TRANSIT,       DELIVERED",
      "OUT_FOR_DELIVERY, DELIVERED",
      "DELIVERY_FAILED,  DELIVERED",
      "DAMAGED,          DELIVERED",
      "COLLECTED,        IN_TRANSIT",
      "IN_TRANSIT,       OUT_FOR_DELIVERY",
      "OUT_FOR_DELIVERY, DAMAGED",
  })
  void neverBackwards(Shipping.TrackingEventType late, Shipping.TrackingEventType reached) {
    // given
    parcel.report(reached, at(10), null);

    // when the late event happened before, or even arrives with a later time
    boolean delivered = parcel.report(late, at(12), null);

    // then
    assertThat(delivered).isFalse();
    assertThat(parcel.status().name()).isEqualTo(reached.name());
  }

  @Test
  @DisplayName("a second delivery report does not deliver the parcel again")
  void deliveredOnce() {
    assertThat(parcel.report(DELIVERED, at(24), null)).isTrue();
    assertThat(parcel.report(DELIVERED, at(25), null)).isFalse();
    assertThat(parcel.deliveredAt()).isEqualTo(at(24));
  }

  @Test
  @DisplayName("goes out for delivery again after a failed attempt, but an older attempt does not undo a newer one")
  void failedAttemptThenRetry() {
    parcel.report(OUT_FOR_DELIVERY, at(20), null);
    parcel.report(DELIVERY_FAILED, at(22), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DELIVERY_FAILED);

    parcel.report(OUT_FOR_DELIVERY, at(44), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.OUT_FOR_DELIVERY);

    // the first attempt's failure, resent late by the carrier under another event id
    parcel.report(DELIVERY_FAILED, at(22), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.OUT_FOR_DELIVERY);
  }

  @Test
  @DisplayName("shows the ETA of the latest event that announced one, whatever order the events arrive in")
  void latestEtaWins() {
    Instant firstEta = Instant.parse("2026-11-25T18:00:00Z");
    Instant revisedEta = Instant.parse("2026-11-26T12:00:00Z");

    parcel.report(IN_TRANSIT, at(10), revisedEta);
    parcel.report(COLLECTED, at(2), firstEta);        // older announcement, arrives late
    assertThat(parcel.estimatedDelivery()).isEqualTo(revisedEta);

    parcel.report(OUT_FOR_DELIVERY, at(30), null);    // no ETA: keeps the known one
    assertThat(parcel.estimatedDelivery()).isEqualTo(revisedEta);

    Instant today = Instant.parse("2026-11-24T15:00:00Z");
    parcel.report(OUT_FOR_DELIVERY, at(31), today);
    assertThat(parcel.estimatedDelivery()).isEqualTo(today);
  }

  @Test
  @DisplayName("damage reported in transit shows until the parcel is delivered")
  void damagedThenDelivered() {
    parcel.report(IN_TRANSIT, at(5), null);
    parcel.report(DAMAGED, at(6), null);
    parcel.report(OUT_FOR_DELIVERY, at(20), null);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DAMAGED);

    assertThat(parcel.report(DELIVERED, at(24), null)).isTrue();
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DELIVERED);
  }
}
