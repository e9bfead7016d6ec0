package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.CompleteReservation;
import io.orderflow.fulfillment.order.Backorders;
import io.orderflow.fulfillment.order.OrderService.WaitingBackorder;
import io.orderflow.fulfillment.order.WaitingOrderResumption;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer orders waiting for goods (backorder orders) get the stock that arrived, oldest first: by the time their
 * original order was placed, then by id. An order is given stock only when all of it can be reserved; an order short of
 * the arrived SKU ends the round (strict first come, first served: a younger order must not take units an older one
 * waits for), an order short only of other SKUs is passed over. Each allocation reserves the goods and records it on the
 * order in one transaction, under a lock on the order's row, so concurrent rounds never allocate an order twice; after
 * it committed the order's process is told ({@code backorder-stock-allocated}).
 */
@Service
public class WaitingOrders implements WaitingOrderResumption {

  private static final Logger log = LoggerFactory.getLogger(WaitingOrders.class);
  /** The message waits this long for a process that has not reached its wait yet (e.g. just started). */
  static final Duration MESSAGE_TTL = Duration.ofDays(1);
  static final int MAX_ATTEMPTS = 3;

  private enum Outcome { ALLOCATED, SHORT_OF_THIS_SKU, SHORT_OF_OTHER_SKUS, NOT_WAITING }

  private final Backorders backorders;
  private final Inventory inventory;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;

  WaitingOrders(Backorders backorders, Inventory inventory, ProcessMessages messages,
      PlatformTransactionManager txManager) {
    this.backorders = backorders;
    this.inventory = inventory;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
  }

  /**
   * Gives the stock of the SKU in the warehouses now to the orders waiting for it, oldest first, as far as it goes, and
   * tells each one's process. A repeat allocates nothing twice; it sends again the message of an order given its stock
   * whose process has not gone on yet (an earlier round may have failed to send it; the engine drops a duplicate).
   * Called outside a transaction: each allocation commits on its own before its process is told.
   *
   * @return the numbers of the orders given their stock by this call, oldest first
   */
  @Override
  public List<String> resume(String sku) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Waiting orders are resumed outside a transaction: each allocation commits "
          + "before its process is told");
    }
    List<String> allocatedIds = new ArrayList<>();
    List<String> resumed = new ArrayList<>();
    for (WaitingBackorder order : backorders.waitingFor(sku)) {
      Outcome outcome = allocate(order.orderId(), sku);
      if (outcome == Outcome.ALLOCATED) {
        allocatedIds.add(order.orderId());
        resumed.add(order.orderNumber());
        log.info("Backorder order {} given its stock ({} arrived)", order.orderId(), sku);
      } else if (outcome == Outcome.SHORT_OF_THIS_SKU) {
        log.info("Backorder order {} waits for more {}; younger orders wait behind it", order.orderId(), sku);
        break;
      }
    }
    for (String orderId : backorders.allocatedFor(sku)) {
      if (!allocatedIds.contains(orderId)) {
        allocatedIds.add(orderId);
      }
    }
    // Only after the reservations committed: the process goes on to "Reserve stock", which finds them.
    allocatedIds.forEach(this::tellProcess);
    return resumed;
  }

  private Outcome allocate(String orderId, String sku) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return tx.execute(status -> {
          if (!backorders.lockAwaitingStock(orderId)) {
            return Outcome.NOT_WAITING;
          }
          CompleteReservation reservation = inventory.reserveIfComplete(orderId);
          if (reservation instanceof CompleteReservation.Incomplete incomplete) {
            status.setRollbackOnly();
            return incomplete.skus().contains(sku) ? Outcome.SHORT_OF_THIS_SKU : Outcome.SHORT_OF_OTHER_SKUS;
          }
          return Outcome.ALLOCATED;
        });
      } catch (Inventory.StockTakenException taken) {
        log.debug("Stock for backorder order {} taken concurrently, planning again", orderId);
      }
    }
    // Not a business outcome: the job fails and is retried with fresh stock figures.
    throw new IllegalStateException("Stock for backorder order " + orderId + " kept changing during " + MAX_ATTEMPTS
        + " allocation attempts");
  }

  private void tellProcess(String orderId) {
    messages.publish(Messages.BACKORDER_STOCK_ALLOCATED, orderId, "backorder-stock-allocated-" + orderId, MESSAGE_TTL,
        Map.of());
  }
}
