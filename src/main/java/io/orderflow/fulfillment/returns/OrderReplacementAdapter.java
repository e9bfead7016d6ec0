package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.order.OrderService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The call into the order module's {@code Replacements.send}, being built on another branch; until it is merged the
 * call fails loudly (the replacement step becomes an incident).
 *
 * <p>TODO after the order merge, inject {@code io.orderflow.fulfillment.order.Replacements} and replace the body with:
 * <pre>{@code
 * var r = replacements.send(originalOrderId, rmaNumber, lines);
 * return new Replacement(r.orderId(), r.orderNumber());
 * }</pre>
 */
@Component
class OrderReplacementAdapter implements ReplacementPort {

  @Override
  public Replacement send(String originalOrderId, String rmaNumber, List<OrderService.RequestedLine> lines) {
    throw new UnsupportedOperationException(
        "Replacements.send not available yet: the order module's replacement API is not merged");
  }
}
