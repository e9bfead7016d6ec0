package io.orderflow.fulfillment.order;

/** Starts the order-fulfillment process for a stored order; implemented by the engine adapter. */
public interface OrderProcessStarter {

  /** @return the process instance key */
  /**
   * Starts the order's process with its id, number and the decision inputs the model routes on (payment method,
   * delivery method, marketing consent).
   */
  long startOrderProcess(String orderId, String orderNumber, java.util.Map<String, Object> decisionInputs);
}
