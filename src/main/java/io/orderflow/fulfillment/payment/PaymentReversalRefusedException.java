package io.orderflow.fulfillment.payment;

/** The provider refused to void or refund (e.g. nothing left to refund); retrying cannot help, someone must look. */
public class PaymentReversalRefusedException extends RuntimeException {

  public PaymentReversalRefusedException(String message) {
    super(message);
  }
}
