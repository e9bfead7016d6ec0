package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Replacement shipments: a complaint (damaged, defective, wrong item) resolved by sending the items again, free of
 * charge. The replacement is a new order that goes through the normal fulfilment (stock reserved, quote, payment,
 * pick, pack, label, courier), so stock and warehouse work are counted once; it costs the customer nothing (lines and
 * shipping at 0.00, payment method {@code NO_CHARGE}, no VAT invoice) and its process runs with
 * {@code chargeCustomer = false} (no quote acceptance is awaited). One replacement per RMA.
 */
@Service
public class Replacements {

  private static final Logger log = LoggerFactory.getLogger(Replacements.class);

  /** A replacement order: its id and number, the order it replaces and the RMA that decided it. */
  public record Replacement(String orderId, String orderNumber, String originalOrderId, String rmaNumber) {}

  private final OrderService orders;
  private final OrderPlacement placement;

  Replacements(OrderService orders, OrderPlacement placement) {
    this.orders = orders;
    this.placement = placement;
  }

  /**
   * Places the replacement of the given items of the original order and starts its process. Idempotent per RMA: a
   * repeated call returns the replacement placed before, and starts its process if that did not happen yet (the
   * engine was unreachable; the retry of {@link OrderPlacement} would start it too).
   *
   * @param lines SKUs of the original order, each at most the quantity it shipped
   * @throws io.orderflow.fulfillment.shared.NotFoundException (404) when the original order does not exist
   * @throws io.orderflow.fulfillment.shared.InvalidRequestException (400) when a line is not an item of the original
   *     order or asks for more units than it shipped, or the RMA number is missing
   * @throws io.orderflow.fulfillment.shared.ConflictException (409) when the RMA has a replacement for another order
   */
  public Replacement send(String originalOrderId, String rmaNumber, List<OrderService.RequestedLine> lines) {
    OrderSummary replacement;
    try {
      replacement = orders.placeReplacement(originalOrderId, rmaNumber, lines);
    } catch (DataIntegrityViolationException placedConcurrently) {
      // A concurrent call committed the RMA's replacement a moment ago (unique RMA): this finds and returns that one.
      replacement = orders.placeReplacement(originalOrderId, rmaNumber, lines);
    }
    if (replacement.processInstanceKey() == null) {
      placement.start(replacement);
    }
    log.info("Order {}: replacement order {} for RMA {}", originalOrderId, replacement.id(),
        replacement.replacementFor().rmaNumber());
    return new Replacement(replacement.id(), replacement.orderNumber(), replacement.replacementFor().orderId(),
        replacement.replacementFor().rmaNumber());
  }
}
