package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment tables of V6 on MariaDB, as production runs them on MySQL 8: the unique keys that make every payment
 * step idempotent (two workers, two transactions, one row), and the queries the services rely on.
 */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
@DisplayName("Payment records on MariaDB")
class PaymentRecordsMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final LocalDate BOOKED = LocalDate.of(2026, 11, 24);

  @Autowired
  PaymentRepository payments;

  @Autowired
  PaymentAuthorizationRepository authorizations;

  @Autowired
  PaymentCaptureRepository captures;

  @Autowired
  BankStatementEntryRepository entries;

  @Autowired
  CashCollectionRepository collections;

  @Autowired
  InvoiceRepository invoices;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  @DisplayName("an order has one payment; it keeps the card token, the attempt and the status it is given")
  void onePaymentPerOrder() {
    // given
    String orderId = order("CARD", "pm_card_visa");
    commit(() -> payments.saveAndFlush(new Payment(orderId, "CARD", new BigDecimal("51.80"), "EUR", "pm_card_visa",
        NOW)));

    // when / then
    assertThatThrownBy(() -> commit(() -> payments.saveAndFlush(new Payment(orderId, "CARD", new BigDecimal("51.80"),
        "EUR", "pm_card_visa", NOW)))).isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("uq_payment_of_order");
    commit(() -> {
      Payment p = payments.findByOrderId(orderId).orElseThrow();
      p.status(PaymentStatus.AWAITING_CARD_UPDATE, "The card was declined", NOW);
      return p.newCard("pm_card_mastercard", true, NOW);
    });
    Payment stored = commit(() -> payments.findByOrderId(orderId).orElseThrow());
    assertThat(stored.status()).isEqualTo(PaymentStatus.AWAITING_CARD_UPDATE);
    assertThat(stored.cardAttempt()).isEqualTo(2);
    assertThat(stored.paymentMethodId()).isEqualTo("pm_card_mastercard");
    assertThat(stored.amount()).isEqualByComparingTo("51.80");
  }

  @Test
  @DisplayName("a payment belongs to a stored order, and a creditor reference to one payment")
  void paymentIntegrity() {
    // given
    String first = order("BANK_TRANSFER", null);
    String second = order("BANK_TRANSFER", null);
    commit(() -> {
      Payment p = payments.saveAndFlush(new Payment(first, "BANK_TRANSFER", BigDecimal.TEN, "EUR", null, NOW));
      p.transferReference("RF18539007547034", NOW);
      return p;
    });

    // when / then
    assertThatThrownBy(() -> commit(() -> {
      Payment p = payments.saveAndFlush(new Payment(second, "BANK_TRANSFER", BigDecimal.TEN, "EUR", null, NOW));
      p.transferReference("RF18539007547034", NOW);
      return payments.saveAndFlush(p);
    })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_payment_transfer_reference");
    assertThatThrownBy(() -> commit(() -> payments.saveAndFlush(new Payment("no-such-order", "CARD", BigDecimal.TEN,
        "EUR", "pm_card_visa", NOW)))).isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("fk_payment_order");
    assertThat(commit(() -> payments.findByTransferReference("RF18539007547034")).orElseThrow().orderId())
        .isEqualTo(first);
    assertThat(jdbc.queryForObject("select payment_reference from customer_order where id = ?", String.class, first))
        .isNull();
  }

  @Test
  @DisplayName("one authorization per order and attempt: a new card is a new attempt, a repeated one is refused")
  void authorizationPerAttempt() {
    // given
    String orderId = UUID.randomUUID().toString();
    commit(() -> authorizations.saveAndFlush(PaymentAuthorization.declined(orderId, 1, new BigDecimal("51.80"), "EUR",
        "card_declined", NOW)));
    commit(() -> authorizations.saveAndFlush(PaymentAuthorization.approved(orderId, 2, new BigDecimal("51.80"), "EUR",
        "auth_2", NOW)));

    // when / then
    assertThatThrownBy(() -> commit(() -> authorizations.saveAndFlush(PaymentAuthorization.approved(orderId, 2,
        new BigDecimal("51.80"), "EUR", "auth_again", NOW)))).isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("uq_payment_authorization_attempt");
    PaymentAuthorization latest = commit(() -> authorizations.findFirstByOrderIdAndStatusOrderByAttemptNoDesc(orderId,
        PaymentAuthorization.Status.AUTHORIZED)).orElseThrow();
    assertThat(latest.providerReference()).isEqualTo("auth_2");
    assertThat(commit(() -> authorizations.existsByOrderIdAndAttemptNo(orderId, 1))).isTrue();
    assertThat(commit(() -> authorizations.existsByOrderIdAndAttemptNo(orderId, 3))).isFalse();
  }

  @Test
  @DisplayName("an order's card payment is captured once, whichever parcel comes first")
  void oneCapturePerOrder() {
    // given
    String orderId = UUID.randomUUID().toString();
    commit(() -> captures.saveAndFlush(new PaymentCapture(orderId, 1, 1, new BigDecimal("51.80"), "EUR", "cap_1", NOW)));

    // when / then
    assertThatThrownBy(() -> commit(() -> captures.saveAndFlush(new PaymentCapture(orderId, 1, 2,
        new BigDecimal("51.80"), "EUR", "cap_2", NOW)))).isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("uq_payment_capture_order");
  }

  @Test
  @DisplayName("a bank transaction is imported once; finance's list holds the unmatched entries and partial invoice "
      + "payments, oldest first")
  void bankStatementEntries() {
    // given
    String orderId = order("INVOICE", null);
    commit(() -> entries.saveAndFlush(entry("TX-A", BankStatements.Outcome.MATCHED, BankStatementEntry.MatchedTo.BANK_TRANSFER, orderId, BOOKED)));
    commit(() -> entries.saveAndFlush(entry("TX-B", BankStatements.Outcome.UNMATCHED, null, null, BOOKED.plusDays(1))));
    commit(() -> entries.saveAndFlush(entry("TX-C", BankStatements.Outcome.AMOUNT_MISMATCH, BankStatementEntry.MatchedTo.INVOICE, orderId, BOOKED)));
    commit(() -> entries.saveAndFlush(entry("TX-D", BankStatements.Outcome.AMOUNT_MISMATCH, BankStatementEntry.MatchedTo.BANK_TRANSFER, orderId, BOOKED)));

    // when / then
    assertThatThrownBy(() -> commit(() -> entries.saveAndFlush(entry("TX-A", BankStatements.Outcome.UNMATCHED, null,
        null, BOOKED)))).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_bank_transaction");
    List<String> forFinance = commit(() -> entries.findForFinance(Limit.of(10))).stream()
        .map(BankStatementEntry::bankTransactionId).filter(id -> id.startsWith("TX-")).toList();
    assertThat(forFinance).containsExactly("TX-C", "TX-B");
  }

  @Test
  @DisplayName("a courier's collection is recorded once per collection id and once per order")
  void cashCollections() {
    // given
    String orderId = order("CASH_ON_DELIVERY", null);
    commit(() -> collections.saveAndFlush(new CashCollection("COL-1", orderId, "SX1", new BigDecimal("64.90"), "EUR",
        CashOnDelivery.Outcome.MATCHED, NOW)));

    // when / then
    assertThatThrownBy(() -> commit(() -> collections.saveAndFlush(new CashCollection("COL-1", order("CASH_ON_DELIVERY",
        null), "SX2", BigDecimal.ONE, "EUR", CashOnDelivery.Outcome.MATCHED, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_cash_collection");
    assertThatThrownBy(() -> commit(() -> collections.saveAndFlush(new CashCollection("COL-2", orderId, "SX1",
        BigDecimal.ONE, "EUR", CashOnDelivery.Outcome.MATCHED, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_cash_collection_order");
  }

  @Test
  @DisplayName("invoices are numbered per year without reuse, one per order, and the customer's open amount is summed")
  void invoices() {
    // given
    String first = order("INVOICE", null);
    String second = order("INVOICE", null);
    String third = order("INVOICE", null);
    int year = 2031; // a year no other test uses
    commit(() -> invoices.saveAndFlush(invoice(first, year, 1, "ana@example.com", "100.00")));
    commit(() -> invoices.saveAndFlush(invoice(second, year, 2, "ana@example.com", "20.50")));

    // when / then
    assertThat(commit(() -> invoices.lastSequenceNo(year))).isEqualTo(2);
    assertThat(commit(() -> invoices.lastSequenceNo(year + 1))).isZero();
    assertThatThrownBy(() -> commit(() -> invoices.saveAndFlush(invoice(third, year, 2, "bo@example.com", "5.00"))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_invoice");
    assertThatThrownBy(() -> commit(() -> invoices.saveAndFlush(invoice(first, year, 3, "ana@example.com", "5.00"))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_invoice_order");
    commit(() -> {
      Invoice paid = invoices.findByOrderId(second).orElseThrow();
      paid.paid(NOW);
      return paid;
    });
    assertThat(commit(() -> invoices.openAmount("ana@example.com", "EUR",
        Set.of(Invoice.Status.ISSUED, Invoice.Status.OVERDUE)))).isEqualByComparingTo("100.00");
    assertThat(commit(() -> invoices.openAmount("nobody@example.com", "EUR", Set.of(Invoice.Status.ISSUED))))
        .isEqualByComparingTo("0");
    Invoice stored = commit(() -> invoices.findByReference(CreditorReference.of("INV" + year + "000001")))
        .orElseThrow();
    assertThat(stored.invoiceNumber()).isEqualTo("INV-2031-000001");
  }

  private <T> T commit(Supplier<T> work) {
    return new TransactionTemplate(txManager).execute(status -> work.get());
  }

  /** A stored order with the method; orders not paid by card have no provider payment-method id (V6). */
  private String order(String method, String paymentMethodId) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        insert into customer_order (id, order_number, status, customer_name, customer_email, ship_street,
          ship_postal_code, ship_city, ship_country, currency, total_amount, payment_method, payment_reference,
          placed_at, updated_at)
        values (?, ?, 'QUOTE_ACCEPTED', 'Ana García', 'ana@example.com', 'Calle Mayor 1', '28013', 'Madrid', 'ES',
          'EUR', 51.80, ?, ?, ?, ?)""", id, "ORD-" + id.substring(0, 8).toUpperCase(), method, paymentMethodId,
        java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW));
    return id;
  }

  private static BankStatementEntry entry(String id, BankStatements.Outcome outcome,
      BankStatementEntry.MatchedTo matchedTo, String orderId, LocalDate booked) {
    return new BankStatementEntry(new BankStatements.StatementEntry(id, "RF18539007547034", new BigDecimal("10.00"),
        "EUR", booked, "Ana García"), "RF18539007547034", outcome, matchedTo, orderId, "note", NOW);
  }

  private static Invoice invoice(String orderId, int year, int sequenceNo, String email, String amount) {
    return new Invoice(orderId, year, sequenceNo, email, new BigDecimal(amount), "EUR", LocalDate.of(year, 3, 1),
        LocalDate.of(year, 3, 15), NOW);
  }
}
