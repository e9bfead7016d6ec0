package io.orderflow.fulfillment.shared;

/** An id the caller named does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " '" + id + "' not found");
  }
}
