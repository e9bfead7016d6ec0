package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefundAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The return tables on MariaDB: an RMA with its lines, photos, extras and history; RMA numbers unique and gap-free. */
@MariaDbJpaTest
@Import(GapFreeNumbers.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Return records on MariaDB")
class ReturnRecordsMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Autowired ReturnRequestRepository returns;
  @Autowired ReturnShippingRefundRepository shippingRefunds;
  @Autowired GapFreeNumbers numbering;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;

  @Test
  @DisplayName("an RMA is stored with its lines, photos, unexpected scans and history, and read back whole")
  void roundTrip() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    String orderId = order();
    tx.executeWithoutResult(s -> {
      ReturnRequest r = new ReturnRequest(UUID.randomUUID().toString(), "RMA-2030-000001", orderId, ReturnKind.COMPLAINT,
          ReturnReason.DEFECTIVE, "broken", RefundChoice.STORE_CREDIT, "ana", "madrid", 2, NOW);
      r.addLine(1, "TSHIRT-ORG-M", "T-shirt", "apparel", 2, new BigDecimal("19.90"));
      r.addPhoto("https://img.example/1.jpg");
      r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE), Map.of(1, "defect"), NOW);
      r.labelIssued("Simulated Express", "SX00000001ES", NOW);
      r.inspected("TSHIRT-ORG-M\nHOODIE", Map.of(1, 1), Map.of(1, ItemCondition.DEFECTIVE), Map.of(1, "seam"),
          Map.of("HOODIE", 1), NOW);
      r.refunded(ReturnRefundAction.STORE_CREDIT, new BigDecimal("24.80"), "EUR", "SC-1", new BigDecimal("4.90"), NOW);
      returns.saveAndFlush(r);
    });

    ReturnRequest read = tx.execute(s -> {
      ReturnRequest r = returns.findByRmaNumber("RMA-2030-000001").orElseThrow();
      r.lines().size();
      r.photos().size();
      r.extraItems().size();
      r.events().size();
      return r;
    });
    assertThat(read.status()).isEqualTo(ReturnStatus.REFUNDED);
    assertThat(read.lines()).singleElement().satisfies(l -> {
      assertThat(l.receivedQuantity()).isEqualTo(1);
      assertThat(l.missingQuantity()).isEqualTo(1);
      assertThat(l.condition()).isEqualTo(ItemCondition.DEFECTIVE);
      assertThat(l.unitPrice()).isEqualByComparingTo("19.90");
    });
    assertThat(read.photos()).extracting(ReturnPhoto::url).containsExactly("https://img.example/1.jpg");
    assertThat(read.extraItems()).extracting(ReturnExtraItem::code).containsExactly("HOODIE");
    assertThat(read.events()).extracting(ReturnEvent::step).containsExactly("REQUESTED", "APPROVED", "AWAITING_PARCEL",
        "ARRIVED", "INSPECTED", "REFUNDED");
    assertThat(read.refundAmount()).isEqualByComparingTo("24.80");
    assertThat(returns.findByStatusInOrderByRequestedAt(Set.of(ReturnStatus.REFUNDED), Limit.of(10)))
        .extracting(ReturnRequest::rmaNumber).contains("RMA-2030-000001");

    // the same RMA number twice, or a parcel's shipping refunded twice, is refused by the database
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> returns.saveAndFlush(new ReturnRequest(
        UUID.randomUUID().toString(), "RMA-2030-000001", orderId, ReturnKind.RETURN, ReturnReason.CHANGED_MIND, null,
        null, "ana", "madrid", 1, NOW)))).isInstanceOf(DataIntegrityViolationException.class);
    tx.executeWithoutResult(s -> shippingRefunds.saveAndFlush(new ReturnShippingRefund(orderId, 1, read.id(),
        new BigDecimal("4.90"))));
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> shippingRefunds.saveAndFlush(new ReturnShippingRefund(orderId,
        1, read.id(), new BigDecimal("4.90"))))).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @DisplayName("RMA numbers taken at once by several threads are 1..n of the year, none twice")
  void numbersAreUniqueAndGapFree() throws Exception {
    int year = 2031;
    numbering.prepareYear(Returns.RMA_SERIES, year);
    TransactionTemplate tx = new TransactionTemplate(txManager);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> taken = IntStream.range(0, 30)
        .mapToObj(i -> pool.submit(() -> tx.execute(s -> GapFreeNumbers.format(Returns.RMA_SERIES, year, numbering.next(Returns.RMA_SERIES, year))))).toList();
    Set<String> numbers = new TreeSet<>();
    for (Future<String> f : taken) {
      numbers.add(f.get());
    }
    pool.shutdown();
    assertThat(numbers).hasSize(30).first().isEqualTo("RMA-2031-000001");
    assertThat(numbers).last().isEqualTo("RMA-2031-000030");
  }

  @Test
  @DisplayName("the stock ledger takes the returned-goods movements, once per reference")
  void stockLedger() {
    String insert = "insert into stock_movement (sku, warehouse_id, movement_type, quantity, order_id, on_hand_after, "
        + "reserved_after, occurred_at, reference) values ('TSHIRT-ORG-M', 'madrid', ?, 1, null, 1, 0, ?, ?)";
    jdbc.update(insert, "RETURN_RESTOCKED", java.sql.Timestamp.from(NOW), "RMA-2030-000009/1");
    jdbc.update(insert, "RETURN_SCRAPPED", java.sql.Timestamp.from(NOW), "RMA-2030-000009/2");
    jdbc.update(insert, "RETURN_REFURBISH", java.sql.Timestamp.from(NOW), "RMA-2030-000009/3");
    assertThatThrownBy(() -> jdbc.update(insert, "RETURN_RESTOCKED", java.sql.Timestamp.from(NOW), "RMA-2030-000009/1"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private String order() {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        insert into customer_order (id, order_number, status, customer_name, customer_email, ship_street,
          ship_postal_code, ship_city, ship_country, currency, total_amount, payment_method, payment_reference,
          placed_at, updated_at)
        values (?, ?, 'DELIVERED', 'Ana García', 'ana@example.com', 'Calle Mayor 1', '28013', 'Madrid', 'ES',
          'EUR', 24.80, 'CARD', 'pm_card_visa', ?, ?)""", id, "ORD-" + id.substring(0, 8).toUpperCase(),
        java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW));
    return id;
  }
}
