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
 * Credit-note numbers on MariaDB, their own series beside the VAT invoices': the year's counter is locked in the
 * transaction that inserts the credit note, so concurrent issues queue up and a rolled-back issue gives its number
 * back; a return corrects an invoice once.
 */
@MariaDbJpaTest
@Import(GapFreeNumbers.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
@DisplayName("Credit note numbering on MariaDB")
class CreditNoteNumberingMariaDbTest {

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
  CreditNoteRepository creditNotes;

  @Autowired
  VatInvoiceRepository invoices;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  @DisplayName("credit notes issued at once from several threads get CN numbers 1..n, none twice, no gap where an issue "
      + "rolled back, and the invoice series is untouched")
  void concurrentIssuesAreGapFree() throws Exception {
    // given: 24 returns of one invoiced parcel, credited by 6 threads at once; every 6th issue fails after its number
    int year = 2033;
    VatInvoice invoice = invoice(order(), 1);
    TransactionTemplate tx = new TransactionTemplate(txManager);
    AtomicInteger rolledBack = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();

    // when
    for (int i = 0; i < 24; i++) {
      String rma = "RMA-" + i;
      boolean fails = i % 6 == 5;
      done.add(pool.submit(() -> {
        start.await();
        numbering.prepareYear(CreditNote.SERIES, year);
        try {
          tx.executeWithoutResult(status -> {
            int no = numbering.next(CreditNote.SERIES, year);
            creditNotes.saveAndFlush(new CreditNote(invoice, rma, lines(), year, no, LocalDate.of(year, 1, 2), NOW));
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
    int issued = 24 - rolledBack.get();
    assertThat(rolledBack.get()).isEqualTo(4);
    assertThat(jdbc.queryForList("select sequence_no from credit_note where credit_note_year = ? order by sequence_no",
        Integer.class, year)).containsExactlyElementsOf(IntStream.rangeClosed(1, issued).boxed().toList());
    assertThat(jdbc.queryForList("select credit_note_number from credit_note where credit_note_year = ?", String.class,
        year)).doesNotHaveDuplicates().contains("CN-2033-000001", String.format("CN-2033-%06d", issued));
    assertThat(jdbc.queryForObject("select last_no from document_counter where series = 'CN' and counter_year = ?",
        Integer.class, year)).isEqualTo(issued);
    assertThat(jdbc.queryForObject("select count(*) from document_counter where series = 'VAT' and counter_year = ?", Integer.class, year))
        .as("the invoices' counter is another series").isZero();
  }

  @Test
  @DisplayName("a return corrects an invoice once: a second credit note for it is refused and its number given back; "
      + "lines and negative totals read back")
  void oncePerReturnAndInvoice() {
    // given
    int year = 2034;
    String orderId = order();
    VatInvoice invoice = invoice(orderId, 1);
    TransactionTemplate tx = new TransactionTemplate(txManager);
    numbering.prepareYear(CreditNote.SERIES, year);
    tx.executeWithoutResult(s -> creditNotes.saveAndFlush(new CreditNote(invoice, "RMA-1", lines(), year,
        numbering.next(CreditNote.SERIES, year), LocalDate.of(year, 1, 2), NOW)));

    // when / then
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> creditNotes.saveAndFlush(new CreditNote(invoice, "RMA-1",
        lines(), year, numbering.next(CreditNote.SERIES, year), LocalDate.of(year, 1, 2), NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("select last_no from document_counter where series = 'CN' and counter_year = ?",
        Integer.class, year)).isEqualTo(1);
    assertThat(creditNotes.findByOrderIdAndRmaNumberOrderBySequenceNo(orderId, "RMA-1")).singleElement()
        .satisfies(note -> {
          assertThat(note.creditNoteNumber()).isEqualTo("CN-2034-000001");
          assertThat(note.correctedInvoiceNumber()).isEqualTo(invoice.invoiceNumber());
          assertThat(note.totalGross()).isEqualByComparingTo("-19.90");
          assertThat(note.totalNet()).isEqualByComparingTo("-16.45");
          assertThat(note.pricedLines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(-1);
            assertThat(l.ratePercent()).isEqualByComparingTo("21");
          });
        });
    assertThat(creditNotes.findByCorrectedInvoiceNumber(invoice.invoiceNumber())).hasSize(1);
  }

  private VatInvoice invoice(String orderId, int sequenceNo) {
    VatInvoice.Draft draft = new VatInvoice.Draft(orderId, "ORD-" + orderId.substring(0, 8).toUpperCase(), 1, "EUR",
        VatInvoicePdfTest.SELLER, "Ana García", "ana@example.com", "Calle Mayor 1", "28013", "Madrid", "ES",
        VatCalculation.of(List.of(
            new LineInput("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 30, new BigDecimal("19.90"),
                new BigDecimal("21")),
            new LineInput(null, "Shipping, parcel 1", 1, new BigDecimal("4.90"), new BigDecimal("21")))));
    int invoiceYear = 2100 + (int) (Math.abs(orderId.hashCode()) % 800);
    return new TransactionTemplate(txManager).execute(s -> invoices.saveAndFlush(new VatInvoice(draft, invoiceYear,
        sequenceNo, LocalDate.of(2026, 11, 20), NOW)));
  }

  private static List<CreditNoteLine.Draft> lines() {
    return List.of(new CreditNoteLine.Draft(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", -1,
        new BigDecimal("19.90"), new BigDecimal("21"), new BigDecimal("-16.45"), new BigDecimal("-3.45"),
        new BigDecimal("-19.90")));
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
