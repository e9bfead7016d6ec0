package io.orderflow.fulfillment.order;

/** Starts the order-fulfillment process for a stored order; implemented by the engine adapter. */
public interface OrderProcessStarter {

  /** @return the process instance key */
  long startOrderProcess(String orderId, String orderNumber);
}
