package io.orderflow.fulfillment.shipping;

public class CourierUnavailableException extends RuntimeException {

  public CourierUnavailableException(String message) {
    super(message);
  }
}
