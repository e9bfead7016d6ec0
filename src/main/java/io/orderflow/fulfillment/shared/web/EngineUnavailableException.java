package io.orderflow.fulfillment.shared.web;

/** The process engine did not answer; the request may be retried: 503. */
public class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
