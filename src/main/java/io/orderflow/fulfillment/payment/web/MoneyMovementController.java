package io.orderflow.fulfillment.payment.web;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.payment.MoneyMovements;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The money ledger of an order, for finance and customer service: every movement of its money, in order. */
@RestController
class MoneyMovementController {

  private final MoneyMovements movements;
  private final OrderService orders;

  MoneyMovementController(MoneyMovements movements, OrderService orders) {
    this.movements = movements;
    this.orders = orders;
  }

  /** 404 for an unknown order; an order without movements has an empty list. */
  @GetMapping("/api/orders/{orderId}/money-movements")
  List<MoneyMovements.Movement> movements(@PathVariable String orderId) {
    orders.summary(orderId);
    return movements.ofOrder(orderId);
  }
}
