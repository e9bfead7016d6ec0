package io.orderflow.fulfillment.payment;

/** The provider refused to capture an authorization (expired, already captured, amount too large): no retry helps. */
public class PaymentCaptureRefusedException extends RuntimeException {

  public PaymentCaptureRefusedException(String message) {
    super(message);
  }
}
