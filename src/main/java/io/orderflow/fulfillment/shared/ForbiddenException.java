package io.orderflow.fulfillment.shared;

/** The caller is signed in but may not do this (403); the message names who may not do what. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
