package io.orderflow.fulfillment.payment;

/** The provider did not answer (timeout, 5xx): a transient failure, retried with backoff. */
public class PaymentProviderUnavailableException extends RuntimeException {

  public PaymentProviderUnavailableException(String message) {
    super(message);
  }
}
