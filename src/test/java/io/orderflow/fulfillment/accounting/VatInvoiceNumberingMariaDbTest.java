package io.orderflow.fulfillment.accounting;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.accounting.VatCalculation.LineInput;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * VAT invoice numbers on MariaDB, as production runs them on MySQL 8: the year's counter is locked (select … for
 * update) in the transaction that inserts the invoice, so concurrent issues queue up and a rolled-back issue gives its
 * number back.
 */
@MariaDbJpaTest
@Import(GapFreeNumbers.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
@DisplayName("VAT invoice numbering on MariaDB")
class VatInvoiceNumberingMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Autowired
  GapFreeNumbers numbering;

  @Autowired
  VatInvoiceRepository invoices;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  @DisplayName("invoices issued at once from several threads get the numbers 1..n, none twice, no gap even where an "
      + "issue rolled back")
  void concurrentIssuesAreGapFree() throws Exception {
    // given: 48 parcels to invoice in 2031, issued by 8 threads at once; every 6th issue fails after taking a number
    int year = 2031;
    List<String> orders = IntStream.range(0, 48).mapToObj(i -> order()).toList();
    TransactionTemplate tx = new TransactionTemplate(txManager);
    AtomicInteger rolledBack = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();

    // when
    for (int i = 0; i < orders.size(); i++) {
      String orderId = orders.get(i);
      boolean fails = i % 6 == 5;
      done.add(pool.submit(() -> {
        start.await();
        numbering.prepareYear(VatInvoice.SERIES, year);
        try {
          tx.executeWithoutResult(status -> {
            int no = numbering.next(VatInvoice.SERIES, year);
            invoices.saveAndFlush(new VatInvoice(draft(orderId), year, no, LocalDate.of(year, 1, 2), NOW));
            if (fails) {
              throw new IllegalStateException("the issue fails after taking number " + no);
            }
          });
        } catch (IllegalStateException expected) {
          rolledBack.incrementAndGet();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then
    int issued = orders.size() - rolledBack.get();
    assertThat(rolledBack.get()).isEqualTo(8);
    List<Integer> numbers = jdbc.queryForList(
        "select sequence_no from vat_invoice where invoice_year = ? order by sequence_no", Integer.class, year);
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, issued).boxed().toList());
    assertThat(jdbc.queryForList("select invoice_number from vat_invoice where invoice_year = ?", String.class, year))
        .doesNotHaveDuplicates().contains("VAT-2031-000001", String.format("VAT-2031-%06d", issued));
    assertThat(jdbc.queryForObject("select last_no from document_counter where series = 'VAT' and counter_year = ?", Integer.class, year))
        .isEqualTo(issued);
  }

  @Test
  @DisplayName("a parcel has one VAT invoice: a second insert for it is refused and its number is given back")
  void onePerParcel() {
    // given
    int year = 2032;
    String orderId = order();
    TransactionTemplate tx = new TransactionTemplate(txManager);
    numbering.prepareYear(VatInvoice.SERIES, year);
    tx.executeWithoutResult(s -> invoices.saveAndFlush(new VatInvoice(draft(orderId), year, numbering.next(VatInvoice.SERIES, year),
        LocalDate.of(year, 1, 2), NOW)));

    // when / then
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> invoices.saveAndFlush(new VatInvoice(draft(orderId), year,
        numbering.next(VatInvoice.SERIES, year), LocalDate.of(year, 1, 2), NOW)))).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("select last_no from document_counter where series = 'VAT' and counter_year = ?", Integer.class, year))
        .isEqualTo(1);
    assertThat(invoices.findByOrderIdAndShipmentNo(orderId, 1)).get()
        .satisfies(i -> assertThat(i.pricedLines()).hasSize(2));
  }

  private static VatInvoice.Draft draft(String orderId) {
    return new VatInvoice.Draft(orderId, "ORD-" + orderId.substring(0, 8).toUpperCase(), 1, "EUR",
        VatInvoicePdfTest.SELLER, "Ana García", "ana@example.com", "Calle Mayor 1", "28013", "Madrid", "ES",
        VatCalculation.of(List.of(
            new LineInput("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("19.90"),
                new BigDecimal("21")),
            new LineInput(null, "Shipping, parcel 1", 1, new BigDecimal("4.90"), new BigDecimal("21")))));
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
