package io.orderflow.fulfillment.shipping;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A carrier in sandbox mode: books a pickup and issues a tracking number in the UPU S10 format used by postal
 * carriers (two letters, eight digits, a check digit, the origin country), e.g. {@code SX473129582ES}.
 */
@Component
class SimulatedCourier implements CourierGateway {

  private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

  private final String carrierName;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Booking> bookings = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();

  SimulatedCourier(@Value("${fulfillment.courier.carrier-name:Simulated Express}") String carrierName) {
    this.carrierName = carrierName;
  }

  @Override
  public Booking book(BookingRequest request) {
    return bookings.computeIfAbsent(request.shipmentReference(),
        ref -> new Booking(carrierName, newTrackingNumber(request.fromCountry())));
  }

  /** A carrier never reuses a tracking number: draw again on the rare clash. */
  private String newTrackingNumber(String country) {
    String number;
    do {
      number = s10(String.format("%08d", random.nextInt(100_000_000)), country);
    } while (!issued.add(number));
    return number;
  }

  static String s10(String serial, String country) {
    return "SX" + serial + checkDigit(serial) + country;
  }

  static int checkDigit(String eightDigits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (eightDigits.charAt(i) - '0') * S10_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 0 : check == 11 ? 5 : check;
  }
}
