package io.orderflow.fulfillment.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock reservation on MariaDB through {@link StockRepository}'s conditional updates, the CHECK constraints behind
 * them, and the unique key that makes the reserve-stock worker idempotent. Methods without their own
 * {@code @Transactional} run in the slice's rolled-back test transaction.
 */
@MariaDbJpaTest
class StockRepositoryMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> THREADS + 2); // every thread gets a connection
  }

  private static final int THREADS = 20;

  @Autowired
  StockRepository stock;

  @Autowired
  StockReservationRepository reservations;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    tx = new TransactionTemplate(txManager);
  }

  @Test
  void reservesUnitsOnlyWhenThatManyAreAvailable() {
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-L", "madrid", 9)).as("8 on hand").isZero();
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-L", "madrid", 5)).isEqualTo(1);
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-L", "madrid", 4)).as("3 left").isZero();
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-L", "madrid", 3)).isEqualTo(1);
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-L", "madrid", 1)).isZero();
    assertThat(stock.reserveIfAvailable("PRINT-LIMITED", "warsaw", 1)).as("none on hand").isZero();
    assertThat(stock.reserveIfAvailable("NO-SUCH-SKU", "madrid", 1)).isZero();

    Stock hoodie = stock.findById(new Stock.Key("HOODIE-ZIP-L", "madrid")).orElseThrow();
    assertThat(hoodie.onHand()).isEqualTo(8);
    assertThat(hoodie.reserved()).isEqualTo(8);
    assertThat(hoodie.available()).isZero();
    assertThat(reservedInDatabase("HOODIE-ZIP-L", "madrid")).isEqualTo(8);
    assertThat(reservedInDatabase("HOODIE-ZIP-L", "warsaw")).as("other warehouses untouched").isZero();
  }

  @Test
  void issuingLowersOnHandAndReservedTogether() {
    assertThat(stock.reserveIfAvailable("HOODIE-ZIP-M", "madrid", 3)).isEqualTo(1);

    assertThat(stock.issue("HOODIE-ZIP-M", "madrid", 2)).isEqualTo(1);
    Stock hoodie = stock.findById(new Stock.Key("HOODIE-ZIP-M", "madrid")).orElseThrow();
    assertThat(hoodie.onHand()).isEqualTo(38);
    assertThat(hoodie.reserved()).isEqualTo(1);

    assertThat(stock.issue("HOODIE-ZIP-M", "madrid", 2)).as("only 1 reserved").isZero();
    assertThat(stock.unreserve("HOODIE-ZIP-M", "madrid", 2)).as("only 1 reserved").isZero();
    assertThat(stock.unreserve("HOODIE-ZIP-M", "madrid", 1)).isEqualTo(1);
    hoodie = stock.findById(new Stock.Key("HOODIE-ZIP-M", "madrid")).orElseThrow();
    assertThat(hoodie.onHand()).isEqualTo(38);
    assertThat(hoodie.reserved()).isZero();
  }

  @Test
  void checkConstraintsRefuseNegativeStockAndMoreReservedThanOnHand() {
    String where = " where sku = 'MUG-CERAMIC' and warehouse_id = 'madrid'"; // 20 on hand

    assertThatThrownBy(() -> jdbc.update("update stock set reserved = on_hand + 1" + where))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_stock_reserved");
    assertThatThrownBy(() -> jdbc.update("update stock set reserved = -1" + where))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_stock_reserved");
    assertThatThrownBy(() -> jdbc.update("update stock set on_hand = -1" + where))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_stock_on_hand");
    assertThat(stock.reserveIfAvailable("MUG-CERAMIC", "madrid", 5)).isEqualTo(1);
    assertThatThrownBy(() -> jdbc.update("update stock set on_hand = 4" + where))
        .as("on hand below reserved").isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_stock_reserved");
    assertThatThrownBy(() -> jdbc.update(
        "insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values ('NO-SUCH-SKU', 'madrid', 1, 0, 'Z')"))
        .as("foreign key to product").isInstanceOf(DataIntegrityViolationException.class);

    assertThat(jdbc.queryForMap("select on_hand, reserved from stock" + where))
        .containsEntry("on_hand", 20).containsEntry("reserved", 5);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void concurrentReservationsNeverTakeMoreUnitsThanOnHand() throws Exception {
    String sku = "IT-CONCURRENT-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("""
        insert into product (sku, model_code, name, category, variant, price_amount, price_currency, weight_grams, serialized)
        values (?, 'IT', 'Concurrency test article', 'test', null, 1.00, 'EUR', 100, false)""", sku);
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values (?, 'sofia', 5, 0, 'T-1')",
        sku);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        attempts.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return tx.execute(status -> {
            int taken = stock.reserveIfAvailable(sku, "sofia", 1);
            sleep(20); // hold the row lock a little, so that the others queue behind it
            return taken;
          });
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();

      int succeeded = 0;
      int refused = 0;
      for (Future<Integer> attempt : attempts) {
        int result = attempt.get(60, TimeUnit.SECONDS);
        assertThat(result).isBetween(0, 1);
        if (result == 1) {
          succeeded++;
        } else {
          refused++;
        }
      }
      assertThat(succeeded).isEqualTo(5);
      assertThat(refused).isEqualTo(THREADS - 5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForMap("select on_hand, reserved from stock where sku = ? and warehouse_id = 'sofia'", sku))
        .containsEntry("on_hand", 5).containsEntry("reserved", 5);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aSecondReservationRowForTheSameOrderSkuAndWarehouseIsRefused() {
    String orderId = UUID.randomUUID().toString();
    Instant now = Instant.parse("2026-09-01T10:00:00Z");
    tx.executeWithoutResult(s -> reservations.saveAndFlush(new StockReservation(orderId, "YOGA-MAT", "warsaw", 2, now)));

    assertThatThrownBy(() -> tx.executeWithoutResult(
        s -> reservations.saveAndFlush(new StockReservation(orderId, "YOGA-MAT", "warsaw", 1, now))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_reservation");
    tx.executeWithoutResult(s -> reservations.saveAndFlush(new StockReservation(orderId, "YOGA-MAT", "sofia", 2, now)));

    assertThat(reservations.findByOrderIdOrderById(orderId)).extracting(StockReservation::warehouseId,
        StockReservation::quantity, StockReservation::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("warsaw", 2, StockReservation.Status.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("sofia", 2, StockReservation.Status.ACTIVE));
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void reservationsNeedAStockRowAndAPositiveQuantity() {
    Instant now = Instant.parse("2026-09-01T10:00:00Z");
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> reservations.saveAndFlush(
        new StockReservation(UUID.randomUUID().toString(), "YOGA-MAT", "lisbon", 1, now))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("fk_reservation_stock");
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> reservations.saveAndFlush(
        new StockReservation(UUID.randomUUID().toString(), "YOGA-MAT", "madrid", 0, now))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_reservation_quantity");
  }

  private int reservedInDatabase(String sku, String warehouseId) {
    return jdbc.queryForObject("select reserved from stock where sku = ? and warehouse_id = ?", Integer.class, sku,
        warehouseId);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
