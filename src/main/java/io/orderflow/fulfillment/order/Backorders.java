package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.WaitingBackorder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Backorder orders: when some items of an order were in no warehouse and the customer chose to receive the rest now,
 * the missing units become a follow-up order of the same customer (at the original prices, paid by the order's own
 * method) that waits for stock. Its process ({@code backorder = true}) waits until arrived stock is reserved for it
 * (oldest waiting order first, see {@link WaitingOrderResumption}) or {@code backorderMaxWait} passes (then it is
 * cancelled); it then goes through the normal fulfilment without asking the customer to accept a quote: the second
 * parcel ships at the shop's expense. One backorder order per order.
 */
@Service
public class Backorders {

  private static final Logger log = LoggerFactory.getLogger(Backorders.class);

  /** A backorder order: its id and number, the order it completes, and its SKUs. */
  public record Backorder(String orderId, String orderNumber, String originalOrderId, List<String> skus) {}

  private final OrderService orders;
  private final OrderPlacement placement;
  private final ObjectProvider<WaitingOrderResumption> resumption;

  Backorders(OrderService orders, OrderPlacement placement, ObjectProvider<WaitingOrderResumption> resumption) {
    this.orders = orders;
    this.placement = placement;
    this.resumption = resumption;
  }

  /**
   * The customer chose to receive the available items now: the choice is recorded on the order (its unavailable units
   * are not charged with it), their backorder order is placed and its process started, and the stock already in the
   * warehouses is offered to the waiting orders of its SKUs. Idempotent per order: a repeat returns the backorder order
   * placed before, also when a concurrent call placed it. Only the call that placed it starts its process, so a
   * concurrent repeat cannot start a second one; when the engine was unreachable, the retry of orders without process
   * ({@link OrderPlacement}) starts it.
   *
   * @throws IllegalOrderStateException (409) when the order is not waiting for that choice (nothing unavailable, or no
   *     longer reserved)
   */
  public Backorder backorderUnavailable(String orderId) {
    try {
      orders.backorderUnavailable(orderId);
    } catch (OptimisticLockingFailureException recordedConcurrently) {
      // A concurrent repeat recorded the choice a moment ago; recording it again finds it recorded.
      orders.backorderUnavailable(orderId);
    }
    OrderSummary backorder = orders.backorderOrderOf(orderId).orElse(null);
    if (backorder == null) {
      try {
        backorder = orders.placeBackorder(orderId);
        placement.start(backorder);
      } catch (DataIntegrityViolationException placedConcurrently) {
        // A concurrent call committed the order's backorder order a moment ago (unique per order) and starts it.
        backorder = orders.backorderOrderOf(orderId).orElseThrow(() -> placedConcurrently);
      }
    }
    List<String> skus = backorder.lines().stream().map(OrderService.LineSummary::sku).toList();
    log.info("Order {}: backorder order {} waits for {}", orderId, backorder.id(), skus);
    // Goods may have arrived since the order was reserved: the waiting orders of these SKUs get them, oldest first.
    resumption.ifAvailable(waiting -> skus.forEach(waiting::resume));
    return new Backorder(backorder.id(), backorder.orderNumber(), orderId, skus);
  }

  /**
   * The backorder orders with a line of the SKU that wait for stock, oldest first (by the time their original order
   * was placed, then by id).
   */
  public List<WaitingBackorder> waitingFor(String sku) {
    return orders.waitingBackorders(sku);
  }

  /**
   * Ids of the backorder orders with a line of the SKU that were given their stock and whose process has not gone on
   * from there yet (their message may need to be sent again).
   */
  public List<String> allocatedFor(String sku) {
    return orders.allocatedBackorders(sku);
  }

  /**
   * Must run in the transaction that reserves the stock: holds the order's row until it ends and tells whether the
   * order still waits for stock (nothing allocated, not cancelled). A concurrent allocation of the same order waits for
   * this one and then finds it allocated.
   */
  public boolean lockAwaitingStock(String orderId) {
    return orders.lockAwaitingStock(orderId);
  }
}
