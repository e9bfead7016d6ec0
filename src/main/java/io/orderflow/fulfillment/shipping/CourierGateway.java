package io.orderflow.fulfillment.shipping;

import java.time.Instant;

/** The carrier's booking API. The shipment reference makes a repeated booking return the first one. */
public interface CourierGateway {

  /**
   * @param carrier the carrier chosen for the parcel (the courier-selection decision); null for the default carrier
   * @param collectAt when the courier is to collect the parcel at the warehouse
   */
  record BookingRequest(String shipmentReference, String fromWarehouse, String fromCountry, String toPostalCode,
      String toCity, String toCountry, int weightGrams, String packageType, String carrier, Instant collectAt) {

    public BookingRequest(String shipmentReference, String fromWarehouse, String fromCountry, String toPostalCode,
        String toCity, String toCountry, int weightGrams, String packageType) {
      this(shipmentReference, fromWarehouse, fromCountry, toPostalCode, toCity, toCountry, weightGrams, packageType,
          null, null);
    }
  }

  record Booking(String carrier, String trackingNumber) {}

  /** @throws CourierUnavailableException when the carrier cannot answer now */
  Booking book(BookingRequest request);

  /**
   * Withdraws the booking of a parcel the courier has not collected yet. Cancelling a cancelled booking is no error.
   *
   * @throws CourierUnavailableException when the carrier cannot answer now
   */
  void cancel(String shipmentReference, String trackingNumber);

  /**
   * Asks the carrier to bring the parcel back to the warehouse it left; it then reports RETURNED.
   *
   * @throws CourierUnavailableException when the carrier cannot answer now
   */
  void returnToSender(String shipmentReference, String trackingNumber);
}
