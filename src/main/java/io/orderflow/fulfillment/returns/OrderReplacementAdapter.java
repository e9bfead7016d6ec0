package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.Replacements;
import java.util.List;
import org.springframework.stereotype.Component;

/** A free replacement order through the order module: the normal fulfilment, once per RMA. */
@Component
class OrderReplacementAdapter implements ReplacementPort {

  private final Replacements replacements;

  OrderReplacementAdapter(Replacements replacements) {
    this.replacements = replacements;
  }

  @Override
  public Replacement send(String originalOrderId, String rmaNumber, List<OrderService.RequestedLine> lines) {
    Replacements.Replacement r = replacements.send(originalOrderId, rmaNumber, lines);
    return new Replacement(r.orderId(), r.orderNumber());
  }
}
