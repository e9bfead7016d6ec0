package io.orderflow.fulfillment.shipping;

/** The carrier's booking API. The shipment reference makes a repeated booking return the first one. */
public interface CourierGateway {

  record BookingRequest(String shipmentReference, String fromWarehouse, String fromCountry, String toPostalCode,
      String toCity, String toCountry, int weightGrams, String packageType) {}

  record Booking(String carrier, String trackingNumber) {}

  /** @throws CourierUnavailableException when the carrier cannot answer now */
  Booking book(BookingRequest request);
}
