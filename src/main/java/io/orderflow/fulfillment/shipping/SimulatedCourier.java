package io.orderflow.fulfillment.shipping;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A carrier in sandbox mode: books a pickup and issues a tracking number in the format of the carrier asked for. The
 * default carrier (none asked for) and the postal carriers use the UPU S10 format (two letters, eight digits, a check
 * digit, the origin country), e.g. {@code SX473129582ES}; the postal carriers with the parcel service code {@code CP}.
 * DHL Express issues 10 digits, DPD 14, GLS 11, InPost 24; any other carrier an S10 number.
 */
@Component
class SimulatedCourier implements CourierGateway {

  private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

  private final String carrierName;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Booking> bookings = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final Set<String> returning = ConcurrentHashMap.newKeySet();

  SimulatedCourier(@Value("${fulfillment.courier.carrier-name:Simulated Express}") String carrierName) {
    this.carrierName = carrierName;
  }

  @Override
  public Booking book(BookingRequest request) {
    return bookings.computeIfAbsent(request.shipmentReference(),
        ref -> {
          String carrier = request.carrier() == null || request.carrier().isBlank() ? carrierName : request.carrier();
          return new Booking(carrier, newTrackingNumber(request.carrier(), request.fromCountry()));
        });
  }

  /** The pickup is withdrawn; the tracking number stays used (a carrier never reissues one). */
  @Override
  public void cancel(String shipmentReference, String trackingNumber) {
    Booking booking = bookings.get(shipmentReference);
    if (booking != null && !booking.trackingNumber().equals(trackingNumber)) {
      throw new IllegalArgumentException("Booking " + shipmentReference + " has another tracking number");
    }
    cancelled.add(shipmentReference);
  }

  @Override
  public void returnToSender(String shipmentReference, String trackingNumber) {
    returning.add(shipmentReference);
  }

  boolean returning(String shipmentReference) {
    return returning.contains(shipmentReference);
  }

  boolean cancelled(String shipmentReference) {
    return cancelled.contains(shipmentReference);
  }

  /** A carrier never reuses a tracking number: draw again on the rare clash. */
  private String newTrackingNumber(String carrier, String country) {
    String number;
    do {
      number = trackingNumber(carrier, country);
    } while (!issued.add(number));
    return number;
  }

  private String trackingNumber(String carrier, String country) {
    return switch (carrier == null ? "" : carrier) {
      case "DHL Express" -> digits(10);
      case "DPD" -> digits(14);
      case "GLS" -> digits(11);
      case "InPost" -> digits(24);
      case "Correos", "Poczta Polska", "Bulgarian Posts" -> s10("CP", digits(8), country);
      default -> s10(digits(8), country);
    };
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  static String s10(String serial, String country) {
    return s10("SX", serial, country);
  }

  static String s10(String serviceCode, String serial, String country) {
    return serviceCode + serial + checkDigit(serial) + country;
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
