package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.inventory.StockDecreased;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ReplenishmentProcess;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Messages;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Variables;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts replenishment: once stock taken by a reservation or an issue is committed ({@link StockDecreased}), each
 * SKU and warehouse it touched is checked ({@link Replenishment#check}); below the reorder point with nothing open,
 * the message {@code replenishment-needed} is published (correlation key {@code sku@warehouseId}, time to live zero:
 * the engine starts at most one process instance per key while one is active, and a message nobody takes is gone). A
 * SKU the reservation found nowhere is checked in every warehouse with a policy for it.
 *
 * <p>The check after a commit runs on the trigger's own thread, off the committing thread (usually a reserve-stock
 * job): a reservation's job completes without waiting for the check and the engine's answer to the publication.
 *
 * <p>A scheduled sweep checks every reorder policy ({@code fulfillment.replenishment.sweep-interval}), the safety net
 * for a publication that failed. A failure to check or publish is logged, never thrown: the reservation stands.
 */
@Component
class ReplenishmentTrigger {

  private static final Logger log = LoggerFactory.getLogger(ReplenishmentTrigger.class);

  private final Replenishment replenishment;
  private final ReorderPolicyRepository policies;
  private final ProcessMessages messages;
  /** After a commit the finished transaction's resources are still bound: reads run in a new one. */
  private final TransactionTemplate newReadOnly;
  /** One thread, so checks run in commit order; a failure is logged by the check itself. */
  private final java.util.concurrent.ExecutorService checks = java.util.concurrent.Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("replenishment-trigger").daemon(true).factory());

  ReplenishmentTrigger(Replenishment replenishment, ReorderPolicyRepository policies, ProcessMessages messages,
      PlatformTransactionManager txManager) {
    this.replenishment = replenishment;
    this.policies = policies;
    this.messages = messages;
    this.newReadOnly = new TransactionTemplate(txManager);
    this.newReadOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.newReadOnly.setReadOnly(true);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onStockDecreased(StockDecreased event) {
    try {
      checks.execute(() -> stockDecreased(event));
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      log.debug("Reorder points after the {} not checked: shutting down (the sweep catches up)", event.reason());
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    checks.shutdownNow();
  }

  /** Checks what the committed stock change touched; returns how many replenishments were signalled. */
  int stockDecreased(StockDecreased event) {
    Set<StockDecreased.Position> positions;
    try {
      positions = newReadOnly.execute(s -> {
        Set<StockDecreased.Position> all = new LinkedHashSet<>(event.positions());
        for (String sku : event.unavailableSkus()) {
          policies.findBySkuOrderByWarehouseId(sku)
              .forEach(p -> all.add(new StockDecreased.Position(p.sku(), p.warehouseId())));
        }
        return all;
      });
    } catch (RuntimeException e) {
      log.warn("Reorder points after the {} not checked: {}", event.reason(), e.toString());
      return 0;
    }
    int signalled = 0;
    for (StockDecreased.Position p : positions) {
      if (checkAndSignal(p.sku(), p.warehouseId())) {
        signalled++;
      }
    }
    return signalled;
  }

  @Scheduled(fixedDelayString = "${fulfillment.replenishment.sweep-interval:PT15M}",
      initialDelayString = "${fulfillment.replenishment.sweep-interval:PT15M}")
  void scheduledSweep() {
    sweep();
  }

  /** Every reorder policy, checked; returns how many replenishments were signalled. */
  int sweep() {
    java.util.List<ReorderPolicy.Key> keys;
    try {
      keys = newReadOnly.execute(s -> policies.findAllByOrderBySkuAscWarehouseIdAsc().stream()
          .map(p -> new ReorderPolicy.Key(p.sku(), p.warehouseId())).toList());
    } catch (RuntimeException e) {
      log.warn("Reorder policy sweep failed: {}", e.toString());
      return 0;
    }
    int signalled = 0;
    for (ReorderPolicy.Key key : keys) {
      if (checkAndSignal(key.sku(), key.warehouseId())) {
        signalled++;
      }
    }
    if (signalled > 0) {
      log.info("Reorder policy sweep: {} of {} SKU/warehouse pair(s) need replenishment", signalled, keys.size());
    }
    return signalled;
  }

  /** True when the SKU needs replenishment in the warehouse and the message was published. */
  boolean checkAndSignal(String sku, String warehouseId) {
    try {
      Optional<Replenishment.ReplenishmentNeed> need = newReadOnly.execute(s -> replenishment.check(sku, warehouseId));
      if (need == null || need.isEmpty()) {
        return false;
      }
      String key = ReplenishmentProcess.key(sku, warehouseId);
      messages.publish(Messages.REPLENISHMENT_NEEDED, key, Messages.REPLENISHMENT_NEEDED + ":" + key + ":"
          + UUID.randomUUID(), Duration.ZERO, Map.of(Variables.SKU, sku, Variables.WAREHOUSE_ID, warehouseId));
      log.info("Replenishment needed for {}: available {} below reorder point {}", key, need.get().available(),
          need.get().reorderPoint());
      return true;
    } catch (RuntimeException e) {
      log.warn("Replenishment of {} for {} not signalled: {}", sku, warehouseId, e.toString());
      return false;
    }
  }
}
