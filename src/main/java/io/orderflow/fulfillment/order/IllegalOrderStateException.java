package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.shared.ConflictException;

public class IllegalOrderStateException extends ConflictException {

  IllegalOrderStateException(String orderNumber, OrderStatus current, String attempted) {
    super("Order " + orderNumber + " is " + current + " and cannot be " + attempted);
  }
}
