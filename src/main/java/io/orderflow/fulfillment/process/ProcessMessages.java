package io.orderflow.fulfillment.process;

import java.time.Duration;
import java.util.Map;

/** Publishes a BPMN message to the engine; implemented by the engine adapter. */
public interface ProcessMessages {

  /**
   * @param messageId the engine ignores a second message with the same id while the first is buffered
   * @param timeToLive how long the message waits for a process that has not reached its catch event yet
   */
  void publish(String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables);
}
