package io.orderflow.fulfillment.order;

/** Starts the order-fulfillment process for a stored order; implemented by the engine adapter. */
public interface OrderProcessStarter {

  /**
   * Starts the order's process with its id, number and the decision inputs the model routes on (payment method,
   * delivery method, marketing consent, destination country, slot window, {@code chargeCustomer}: false for a free
   * replacement, {@code backorder}: true for a backorder order, and {@code backorderMaxWait}).
   *
   * @return the process instance key
   */
  long startOrderProcess(String orderId, String orderNumber, java.util.Map<String, Object> decisionInputs);
}
