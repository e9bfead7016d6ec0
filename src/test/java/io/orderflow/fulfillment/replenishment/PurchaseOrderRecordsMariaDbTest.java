package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.replenishment.PurchaseOrder.Delivered;
import io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replenishment tables on MariaDB: purchase orders with lines, receipts and history; PO numbers unique and
 * gap-free; one open purchase order line per SKU and warehouse, even for proposals made at the same moment.
 */
@MariaDbJpaTest
@Import(GapFreeNumbers.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Purchase order records on MariaDB")
class PurchaseOrderRecordsMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  static final Instant NOW = Instant.parse("2030-03-02T10:00:00Z");

  @Autowired PurchaseOrderRepository purchaseOrders;
  @Autowired ReorderPolicyRepository policies;
  @Autowired SupplierRepository suppliers;
  @Autowired GapFreeNumbers numbering;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;

  Replenishment replenishment() {
    return new Replenishment(policies, suppliers, purchaseOrders, numbering, mock(SupplierGateway.class),
        mock(Inventory.class), mock(Catalog.class), mock(PurchasingNotices.class), ReplenishmentSettings.defaults(),
        txManager, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("the demo reorder policies and suppliers are there")
  void demoPolicies() {
    assertThat(policies.findBySkuOrderByWarehouseId("SMARTWATCH-S2")).extracting(ReorderPolicy::warehouseId)
        .containsExactly("madrid", "sofia", "warsaw");
    assertThat(suppliers.findById("voltware")).get().extracting(Supplier::currency).isEqualTo("EUR");
  }

  @Test
  @DisplayName("a purchase order is stored with its lines, receipts and history, and read back whole")
  void roundTrip() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    tx.executeWithoutResult(s -> {
      PurchaseOrder po = new PurchaseOrder("po-rt", "PO-2030-900001", "casa-goods", "madrid", "EUR",
          LocalDate.parse("2030-03-07"), NOW);
      po.addLine("MUG-CERAMIC", 20, new BigDecimal("5.40"));
      po.addLine("YOGA-MAT", 10, new BigDecimal("15.30"));
      po.markSent(NOW);
      po.confirm(Map.of("MUG-CERAMIC", 20, "YOGA-MAT", 6), LocalDate.parse("2030-03-09"), NOW);
      po.receive(List.of(new Delivered("MUG-CERAMIC", 22, 1, "LOT-1\nLOT-2", "D-03-1")), "DN-1", "picker", NOW);
      purchaseOrders.saveAndFlush(po);
    });
    PurchaseOrder read = tx.execute(s -> {
      PurchaseOrder po = purchaseOrders.findByPoNumber("PO-2030-900001").orElseThrow();
      po.lines().size();
      po.receipts().forEach(r -> r.lines().size());
      po.events().size();
      return po;
    });
    assertThat(read.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    assertThat(read.totalValue()).isEqualByComparingTo("261.00");
    assertThat(read.expectedDate()).isEqualTo(LocalDate.parse("2030-03-09"));
    assertThat(read.lines()).extracting(PurchaseOrderLine::sku, PurchaseOrderLine::acceptedQuantity,
        PurchaseOrderLine::openKey).containsExactly(
            org.assertj.core.groups.Tuple.tuple("MUG-CERAMIC", 20, null),
            org.assertj.core.groups.Tuple.tuple("YOGA-MAT", 0, "YOGA-MAT@madrid"));
    assertThat(read.receipts()).singleElement().satisfies(r -> {
      assertThat(r.deliveryReference()).isEqualTo("DN-1");
      assertThat(r.lines()).singleElement().satisfies(l -> {
        assertThat(l.acceptedQuantity()).isEqualTo(20);
        assertThat(l.overQuantity()).isEqualTo(1);
        assertThat(l.damagedQuantity()).isEqualTo(1);
        assertThat(l.lotOrSerials()).isEqualTo("LOT-1\nLOT-2");
      });
    });
    assertThat(read.events()).extracting(PurchaseOrderEvent::step)
        .containsExactly("PROPOSED", "SENT", "PARTIALLY_CONFIRMED", "PARTIALLY_RECEIVED");

    // the same number twice, or a second open line for the same SKU and warehouse, is refused by the database
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> purchaseOrders.saveAndFlush(new PurchaseOrder(
        UUID.randomUUID().toString(), "PO-2030-900001", "casa-goods", "madrid", "EUR", null, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      PurchaseOrder second = new PurchaseOrder(UUID.randomUUID().toString(), "PO-2030-900002", "casa-goods", "madrid",
          "EUR", null, NOW);
      second.addLine("YOGA-MAT", 5, new BigDecimal("15.30"));
      purchaseOrders.saveAndFlush(second);
    })).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(purchaseOrders.findByOpenKey("YOGA-MAT@madrid")).get().extracting(PurchaseOrder::id).isEqualTo("po-rt");
    // the MUG line is complete: another purchase order may be open for it
    tx.executeWithoutResult(s -> {
      PurchaseOrder next = new PurchaseOrder(UUID.randomUUID().toString(), "PO-2030-900003", "casa-goods", "madrid",
          "EUR", null, NOW);
      next.addLine("MUG-CERAMIC", 5, new BigDecimal("5.40"));
      purchaseOrders.saveAndFlush(next);
    });
  }

  @Autowired SupplierReminderRepository reminders;

  @Test
  @DisplayName("the process's facts are kept: the driving process instance, the date reminded of, the delivery note, "
      + "a purchase order closed short; the simulated supplier is reminded once per expected date")
  void processFacts() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    SimulatedSupplierGateway gateway = new SimulatedSupplierGateway(mock(SupplierDispatchRepository.class), reminders,
        Clock.fixed(NOW, ZoneOffset.UTC));
    SupplierGateway.Reminder reminder = new SupplierGateway.Reminder("po-pf", "PO-2030-900010", "casa-goods",
        "Casa & Home Goods EOOD", "orders@casa-goods.example", "madrid", LocalDate.parse("2030-03-09"),
        List.of(new SupplierGateway.Line(1, "MUG-CERAMIC", 20, new BigDecimal("5.40"))));
    tx.executeWithoutResult(s -> {
      PurchaseOrder po = new PurchaseOrder("po-pf", "PO-2030-900010", "casa-goods", "madrid", "EUR",
          LocalDate.parse("2030-03-09"), NOW);
      po.addLine("MUG-CERAMIC", 20, new BigDecimal("5.40"));
      po.drivenBy(2251799813685281L, NOW);
      po.markSent(NOW);
      assertThat(po.remind(NOW)).isTrue();
      po.receive(List.of(new Delivered("MUG-CERAMIC", 12, 2, null, "D-03-1")), "process-step-2251799813685300",
          "DN-77", "picker.madrid", true, NOW);
      purchaseOrders.saveAndFlush(po);
      gateway.remind(reminder);
      gateway.remind(reminder);
    });
    PurchaseOrder read = tx.execute(s -> {
      PurchaseOrder po = purchaseOrders.findByPoNumber("PO-2030-900010").orElseThrow();
      po.receipts().forEach(r -> r.lines().size());
      po.events().size();
      po.lines().size();
      return po;
    });
    assertThat(read.processInstanceKey()).isEqualTo(2251799813685281L);
    assertThat(read.remindedFor()).isEqualTo(LocalDate.parse("2030-03-09"));
    assertThat(read.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThat(read.receipts()).singleElement().satisfies(r -> {
      assertThat(r.deliveryNote()).isEqualTo("DN-77");
      assertThat(r.deliveryReference()).isEqualTo("process-step-2251799813685300");
    });
    assertThat(read.events()).extracting(PurchaseOrderEvent::step).containsExactly("PROPOSED", "PROCESS_STARTED",
        "SENT", "SUPPLIER_REMINDED", "CLOSED_SHORT");
    assertThat(read.lines()).singleElement().extracting(PurchaseOrderLine::openKey).as("freed").isNull();
    assertThat(reminders.findByPurchaseOrderIdOrderById("po-pf")).singleElement().satisfies(r -> {
      assertThat(r.supplierEmail()).isEqualTo("orders@casa-goods.example");
      assertThat(r.document()).contains("PO-2030-900010", "expected by 2030-03-09", "1. MUG-CERAMIC x 20");
    });
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> reminders.saveAndFlush(new SupplierReminder("po-pf",
        LocalDate.parse("2030-03-09"), "orders@casa-goods.example", "again", NOW))))
        .as("once per expected date").isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @DisplayName("PO numbers taken at once by several threads are 1..n of the year, none twice")
  void numbersAreUniqueAndGapFree() throws Exception {
    int year = 2031;
    numbering.prepareYear(Replenishment.PO_SERIES, year);
    TransactionTemplate tx = new TransactionTemplate(txManager);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> taken = IntStream.range(0, 20)
        .mapToObj(i -> pool.submit(() -> tx.execute(s -> GapFreeNumbers.format(Replenishment.PO_SERIES, year, numbering.next(Replenishment.PO_SERIES, year))))).toList();
    Set<String> numbers = new TreeSet<>();
    for (Future<String> f : taken) {
      numbers.add(f.get());
    }
    pool.shutdown();
    assertThat(numbers).hasSize(20).first().isEqualTo("PO-2031-000001");
    assertThat(numbers).last().isEqualTo("PO-2031-000020");
  }

  @Test
  @DisplayName("the same need proposed by several threads at once makes one purchase order; the number lost is given back")
  void concurrentProposalsMakeOnePurchaseOrder() throws Exception {
    Replenishment replenishment = replenishment();
    ReplenishmentNeed need = new ReplenishmentNeed("LAMP-DESK-LED", "warsaw", 2, 5, 20, "casa-goods");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> proposals = IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
      start.await();
      return replenishment.propose(need).id();
    })).toList();
    start.countDown();
    Set<String> ids = new TreeSet<>();
    for (Future<String> f : proposals) {
      ids.add(f.get());
    }
    pool.shutdown();
    assertThat(ids).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from purchase_order_line where sku = 'LAMP-DESK-LED' "
        + "and open_key is not null", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select po_number from purchase_order where id = ?", String.class,
        ids.iterator().next())).isEqualTo("PO-2030-000001");
    assertThat(jdbc.queryForObject("select last_no from document_counter where series = 'PO' and counter_year = 2030", Integer.class))
        .as("gap-free").isEqualTo(1);
    assertThat(replenishment.propose(need).id()).as("proposed again").isEqualTo(ids.iterator().next());
  }

  @Test
  @DisplayName("the stock ledger takes goods received against a purchase order, once per reference")
  void stockLedger() {
    String insert = "insert into stock_movement (sku, warehouse_id, movement_type, quantity, order_id, on_hand_after, "
        + "reserved_after, occurred_at, reference) values ('MUG-CERAMIC', 'madrid', 'RECEIVED', 4, null, 24, 0, ?, ?)";
    jdbc.update(insert, java.sql.Timestamp.from(NOW), "PO-2030-000009/R1/L1");
    assertThatThrownBy(() -> jdbc.update(insert, java.sql.Timestamp.from(NOW), "PO-2030-000009/R1/L1"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
