package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.replenishment.Transfers.TransferView;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.routing.ShipmentPlanner;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock transfers on MariaDB with the real inventory: the units leave the source's hand once (TRANSFER_OUT), the good
 * units arrive at the destination once (TRANSFER_IN), one open transfer per SKU and destination even for orders made at
 * the same moment, gap-free TR numbers, and the constraints of the stock_transfer table.
 */
@MariaDbJpaTest
@Import({GapFreeNumbers.class, Inventory.class})
@MockitoBean(types = {OrderService.class, Geocoder.class, Catalog.class, ShipmentPlanner.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Stock transfer records on MariaDB")
class StockTransferMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  static final Instant NOW = Instant.parse("2030-03-02T10:00:00Z");

  @Autowired StockTransferRepository records;
  @Autowired ReorderPolicyRepository policies;
  @Autowired GapFreeNumbers numbering;
  @Autowired Inventory inventory;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;
  Transfers transfers;

  @BeforeEach
  void setUp() {
    transfers = new Transfers(records, new TransferSources(policies, inventory), numbering, inventory, txManager,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  int onHand(String sku, String warehouse) {
    return jdbc.queryForObject("select on_hand from stock where sku = ? and warehouse_id = ?", Integer.class, sku,
        warehouse);
  }

  int counter() {
    List<Integer> found = jdbc.queryForList(
        "select last_no from document_counter where series = 'TR' and counter_year = 2030", Integer.class);
    return found.isEmpty() ? 0 : found.get(0);
  }

  @Test
  @DisplayName("a transfer takes the surplus off the source's hand (TRANSFER_OUT), the count puts the good units on hand at "
      + "the destination (TRANSFER_IN); each twice happens once")
  void orderAndReceive() {
    // given: Sofia holds 40 jeans W32 and keeps 5 + 20 of them
    int sofiaBefore = onHand("JEANS-SLIM-W32", "sofia");
    int warsawBefore = onHand("JEANS-SLIM-W32", "warsaw");
    assertThat(sofiaBefore).isEqualTo(40);

    // when
    TransferView ordered = transfers.order("JEANS-SLIM-W32", "warsaw", "sofia", 20);
    TransferView again = transfers.order("JEANS-SLIM-W32", "warsaw", "sofia", 20);

    // then
    assertThat(ordered.quantity()).as("min(needed 20, surplus 15)").isEqualTo(15);
    assertThat(ordered.number()).matches("TR-2030-\\d{6}");
    assertThat(again.id()).isEqualTo(ordered.id());
    assertThat(onHand("JEANS-SLIM-W32", "sofia")).isEqualTo(sofiaBefore - 15);
    assertThat(jdbc.queryForObject("select count(*) from stock_transfer where sku = 'JEANS-SLIM-W32'", Integer.class))
        .isEqualTo(1);
    assertThat(inventory.movementsReferencing(ordered.number() + "/")).singleElement().satisfies(m -> {
      assertThat(m.type()).isEqualTo("TRANSFER_OUT");
      assertThat(m.warehouseId()).isEqualTo("sofia");
      assertThat(m.quantity()).isEqualTo(15);
      assertThat(m.onHandAfter()).isEqualTo(25);
    });
    assertThat(transfers.openTo("JEANS-SLIM-W32", "warsaw")).get().extracting(TransferView::id)
        .isEqualTo(ordered.id());

    // when: 15 arrive, 2 of them damaged, counted twice
    TransferView received = transfers.receive(ordered.id(), 15, 2, "two with torn seams", "picker.warsaw");
    transfers.receive(ordered.id(), 15, 2, "two with torn seams", "picker.warsaw");

    // then
    assertThat(received.status()).isEqualTo(StockTransferStatus.RECEIVED);
    assertThat(received.acceptedQuantity()).isEqualTo(13);
    assertThat(transfers.get(ordered.id())).satisfies(t -> {
      assertThat(t.damagedQuantity()).isEqualTo(2);
      assertThat(t.shortQuantity()).isZero();
      assertThat(t.discrepancies()).containsExactly("DAMAGED 2");
      assertThat(t.notes()).isEqualTo("two with torn seams");
      assertThat(t.receivedAt()).isEqualTo(NOW);
    });
    assertThat(onHand("JEANS-SLIM-W32", "warsaw")).isEqualTo(warsawBefore + 13);
    assertThat(onHand("JEANS-SLIM-W32", "sofia")).isEqualTo(sofiaBefore - 15);
    assertThat(inventory.movementsReferencing(ordered.number() + "/")).extracting(m -> m.type() + " "
        + m.warehouseId() + " " + m.quantity()).containsExactly("TRANSFER_OUT sofia 15", "TRANSFER_IN warsaw 13");
    assertThat(transfers.openTo("JEANS-SLIM-W32", "warsaw")).as("closed").isEmpty();
    assertThat(jdbc.queryForObject("select open_key from stock_transfer where id = ?", String.class, ordered.id()))
        .isNull();
  }

  @Test
  @DisplayName("no surplus at the source: TransferNotPossibleException, no transfer, no number taken, stock unchanged")
  void noSurplus() {
    // given: Sofia holds 8 backpacks and keeps 5 + 10
    int counterBefore = counter();

    // when / then
    assertThatThrownBy(() -> transfers.order("BACKPACK-20L", "madrid", "sofia", 10))
        .isInstanceOf(TransferNotPossibleException.class);
    assertThat(onHand("BACKPACK-20L", "sofia")).isEqualTo(8);
    assertThat(jdbc.queryForObject("select count(*) from stock_transfer where sku = 'BACKPACK-20L'", Integer.class))
        .isZero();
    assertThat(counter()).isEqualTo(counterBefore);
  }

  @Test
  @DisplayName("the stock update keeps what the source must keep: asked to leave less available, it takes nothing")
  void sendKeepsTheSourcesShare() {
    // given: Sofia holds 25 headphones, 3 of them reserved
    jdbc.update("update stock set reserved = 3 where sku = 'HEADPHONES-BT' and warehouse_id = 'sofia'");

    // when / then: 22 available, keeping 20 leaves 2 to send
    assertThat(inventory.sendOnTransfer("TR-2030-900001/OUT", "sofia", "HEADPHONES-BT", 3, 20)).isFalse();
    assertThat(onHand("HEADPHONES-BT", "sofia")).isEqualTo(25);
    assertThat(inventory.sendOnTransfer("TR-2030-900001/OUT", "sofia", "HEADPHONES-BT", 2, 20)).isTrue();
    assertThat(inventory.sendOnTransfer("TR-2030-900001/OUT", "sofia", "HEADPHONES-BT", 2, 20)).as("once").isTrue();
    assertThat(onHand("HEADPHONES-BT", "sofia")).isEqualTo(23);
  }

  @Test
  @DisplayName("the same transfer ordered by several threads at once: one transfer, stock taken once, one number")
  void concurrentOrders() throws Exception {
    // given: Sofia holds 40 desk lamps and keeps 5 + 20
    int counterBefore = counter();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);

    // when
    List<Future<String>> orders = IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
      start.await();
      return transfers.order("LAMP-DESK-LED", "madrid", "sofia", 6).id();
    })).toList();
    start.countDown();
    Set<String> ids = new TreeSet<>();
    for (Future<String> f : orders) {
      ids.add(f.get());
    }
    pool.shutdown();

    // then
    assertThat(ids).hasSize(1);
    assertThat(onHand("LAMP-DESK-LED", "sofia")).isEqualTo(34);
    assertThat(jdbc.queryForObject("select count(*) from stock_transfer where sku = 'LAMP-DESK-LED'", Integer.class))
        .isEqualTo(1);
    assertThat(counter()).as("gap-free: the losers' numbers were given back").isEqualTo(counterBefore + 1);
  }

  @Test
  @DisplayName("the table refuses a second open transfer of a SKU to a warehouse, a number twice, and a transfer to itself")
  void constraints() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    tx.executeWithoutResult(s -> records.saveAndFlush(
        new StockTransfer("tr-c1", "TR-2030-800001", "YOGA-MAT", "sofia", "warsaw", 3, NOW)));
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> records.saveAndFlush(
        new StockTransfer("tr-c2", "TR-2030-800002", "YOGA-MAT", "madrid", "warsaw", 3, NOW))))
        .as("open key").isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> records.saveAndFlush(
        new StockTransfer("tr-c3", "TR-2030-800001", "YOGA-MAT", "sofia", "madrid", 3, NOW))))
        .as("number").isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("insert into stock_transfer (id, transfer_number, sku, from_warehouse_id, "
        + "to_warehouse_id, quantity, status, created_at, updated_at) values ('tr-c4', 'TR-2030-800004', 'YOGA-MAT', "
        + "'sofia', 'sofia', 3, 'IN_TRANSIT', ?, ?)", java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW)))
        .as("to itself").isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update stock_transfer set received_quantity = 2, damaged_quantity = 3 "
        + "where id = 'tr-c1'")).as("more damaged than received").isInstanceOf(DataIntegrityViolationException.class);

    // received, the key is free again
    transfers.receive("tr-c1", 3, 0, null, "picker.warsaw");
    tx.executeWithoutResult(s -> records.saveAndFlush(
        new StockTransfer("tr-c5", "TR-2030-800005", "YOGA-MAT", "madrid", "warsaw", 3, NOW)));
    assertThat(records.findByOpenKey("YOGA-MAT@warsaw")).get().extracting(StockTransfer::id).isEqualTo("tr-c5");
  }
}
