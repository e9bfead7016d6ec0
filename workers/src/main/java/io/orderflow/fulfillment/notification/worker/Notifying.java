package io.orderflow.fulfillment.notification.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Headers;

/** Reading the notification headers of a task. */
final class Notifying {

  static final String DETAIL_VARIABLE = "detailVariable";

  static String topic(ActivatedJob job) {
    String topic = job.getCustomHeaders().get(Headers.TOPIC);
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Task " + job.getElementId() + " has no 'topic' header");
    }
    return topic;
  }

  static String detail(ActivatedJob job) {
    String variable = job.getCustomHeaders().get(DETAIL_VARIABLE);
    if (variable == null) {
      return null;
    }
    Object value = job.getVariablesAsMap().get(variable);
    return value == null ? null : value.toString();
  }

  private Notifying() {}
}
