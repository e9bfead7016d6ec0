package io.orderflow.fulfillment.shared;

/** The request is valid but clashes with the current state (task already completed, order cancelled): 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
