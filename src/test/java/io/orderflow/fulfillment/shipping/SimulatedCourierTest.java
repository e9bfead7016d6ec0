package io.orderflow.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.shipping.CourierGateway.Booking;
import io.orderflow.fulfillment.shipping.CourierGateway.BookingRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The sandbox courier")
class SimulatedCourierTest {

  private final SimulatedCourier courier = new SimulatedCourier("Simulated Express");

  private static BookingRequest bookingFor(String shipmentReference, String fromCountry) {
    return new BookingRequest(shipmentReference, "MAD", fromCountry, "00-001", "Warszawa", "PL", 1250, "MEDIUM_BOX");
  }

  /*
   * UPU S10 check digit: weights 8,6,4,2,3,5,9,7 on the eight serial digits; S = weighted sum; C = 11 - (S mod 11);
   * C = 10 becomes 0 and C = 11 becomes 5. Worked by hand:
   *
   *   47312482 (the example published with the standard's description, e.g. Wikipedia "S10 (UPU standard)"):
   *     4*8 + 7*6 + 3*4 + 1*2 + 2*3 + 4*5 + 8*9 + 2*7 = 32+42+12+2+6+20+72+14 = 200;
   *     200 mod 11 = 2 (11*18 = 198); C = 11 - 2 = 9
   *   12345678: 8+12+12+8+15+30+63+56 = 204; 204 mod 11 = 6; C = 11 - 6 = 5
   *   00000001: 1*7 = 7; 7 mod 11 = 7; C = 11 - 7 = 4
   *   00060000: 6*2 = 12; 12 mod 11 = 1; C = 11 - 1 = 10 -> 0
   *   10001000: 1*8 + 1*3 = 11; 11 mod 11 = 0; C = 11 - 0 = 11 -> 5
   *   00000000: S = 0; 0 mod 11 = 0; C = 11 -> 5
   */
  @ParameterizedTest(name = "serial {0} → check digit {1}")
  @CsvSource({
      "47312482, 9",
      "12345678, 5",
      "00000001, 4",
      "00060000, 0",
      "10001000, 5",
      "00000000, 5"
  })
  @DisplayName("computes the UPU S10 check digit")
  void s10CheckDigit(String serial, int expected) {
    // when
    int checkDigit = SimulatedCourier.checkDigit(serial);

    // then
    assertThat(checkDigit).isEqualTo(expected);
  }

  @Test
  @DisplayName("builds an S10 number: service code, serial, check digit, origin country")
  void s10Number() {
    // when
    String trackingNumber = SimulatedCourier.s10("47312482", "ES");

    // then
    assertThat(trackingNumber).isEqualTo("SX473124829ES");
  }

  @Test
  @DisplayName("books a pickup and issues a valid S10 tracking number for the origin country")
  void booking() {
    // when
    Booking booking = courier.book(bookingFor("order-1", "ES"));

    // then
    assertThat(booking.carrier()).isEqualTo("Simulated Express");
    assertThat(booking.trackingNumber()).matches("SX\\d{9}ES");
    String serial = booking.trackingNumber().substring(2, 10);
    int checkDigit = booking.trackingNumber().charAt(10) - '0';
    assertThat(checkDigit).isEqualTo(SimulatedCourier.checkDigit(serial));
  }

  @Test
  @DisplayName("uses the country the parcel leaves from, not where it goes")
  void originCountry() {
    // when
    Booking fromPoland = courier.book(bookingFor("order-2", "PL"));
    Booking fromBulgaria = courier.book(bookingFor("order-3", "BG"));

    // then
    assertThat(fromPoland.trackingNumber()).matches("SX\\d{9}PL");
    assertThat(fromBulgaria.trackingNumber()).matches("SX\\d{9}BG");
  }

  @Test
  @DisplayName("answers a repeated booking for the same shipment with the first tracking number")
  void repeatedBooking() {
    // given
    Booking first = courier.book(bookingFor("order-1", "ES"));

    // when
    Booking again = courier.book(bookingFor("order-1", "ES"));

    // then
    assertThat(again).isEqualTo(first);
  }

  @Test
  @DisplayName("gives different shipments different tracking numbers")
  void differentShipments() {
    // given
    Set<String> trackingNumbers = new HashSet<>();

    // when
    for (int i = 0; i < 20; i++) {
      trackingNumbers.add(courier.book(bookingFor("order-" + i, "ES")).trackingNumber());
    }

    // then
    assertThat(trackingNumbers).hasSize(20);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "DHL Express,     '\\d{10}'",
      "DPD,             '\\d{14}'",
      "GLS,             '\\d{11}'",
      "InPost,          '\\d{24}'",
      "Bulgarian Posts, 'CP\\d{9}BG'"
  })
  @DisplayName("books the carrier asked for, with that carrier's tracking number format")
  void carrierAskedFor(String carrier, String format) {
    // when
    Booking booking = courier.book(new BookingRequest("order-c/1", "sofia", "BG", "1000", "Sofia", "BG", 1250,
        "MEDIUM_BOX", carrier, null));

    // then
    assertThat(booking.carrier()).isEqualTo(carrier);
    assertThat(booking.trackingNumber()).matches(format);
  }

  @Test
  @DisplayName("without a carrier asked for, books the default carrier with an S10 number")
  void defaultCarrier() {
    // when
    Booking booking = courier.book(new BookingRequest("order-d/1", "sofia", "BG", "1000", "Sofia", "BG", 1250,
        "MEDIUM_BOX", null, null));

    // then
    assertThat(booking.carrier()).isEqualTo("Simulated Express");
    assertThat(booking.trackingNumber()).matches("SX\\d{9}BG");
  }
}
