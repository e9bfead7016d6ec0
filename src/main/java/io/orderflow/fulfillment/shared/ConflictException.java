package io.orderflow.fulfillment.shared;

import java.util.Map;

/** The request contradicts the state of what it addresses (HTTP 409); the message names the conflict. */
public class ConflictException extends RuntimeException {

  private final Map<String, Object> properties;

  public ConflictException(String message) {
    this(message, Map.of());
  }

  /** @param properties further members of the problem, e.g. a link to what the caller can do instead */
  public ConflictException(String message, Map<String, Object> properties) {
    super(message);
    this.properties = Map.copyOf(properties);
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
