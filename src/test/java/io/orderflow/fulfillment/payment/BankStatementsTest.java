package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.BankStatements.EntryResult;
import io.orderflow.fulfillment.payment.BankStatements.Outcome;
import io.orderflow.fulfillment.payment.BankStatements.StatementEntry;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The bank-statement import")
class BankStatementsTest {

  static final String REFERENCE = CreditorReference.of("ORDAAAA2222");
  static final LocalDate BOOKED = LocalDate.of(2026, 11, 24);

  private final BankStatementEntryRepository entries = mock(BankStatementEntryRepository.class);
  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final InvoiceRepository invoices = mock(InvoiceRepository.class);
  private final OrderService orders = mock(OrderService.class);
  private final ProcessMessages messages = mock(ProcessMessages.class);
  private final MoneyMovementRepository movementRepository =
      org.mockito.Mockito.mock(MoneyMovementRepository.class);
  private final PaymentLedger ledger = new PaymentLedger(payments, orders,
      new MoneyMovements(movementRepository, CLOCK), PaymentFixtures.transactions(), CLOCK);
  private final BankStatements statements = new BankStatements(entries, payments, invoices, ledger, messages,
      PaymentFixtures.transactions(), CLOCK);

  /** The entries stored so far, by bank transaction id (a stand-in for the table and its unique key). */
  private final Map<String, BankStatementEntry> stored = new HashMap<>();
  private Payment transfer;

  @BeforeEach
  void aPaymentAwaitingItsTransfer() {
    OrderSummary order = PaymentFixtures.order("o-1", "ORD-AAAA2222", "BANK_TRANSFER", null, "51.80");
    transfer = PaymentFixtures.payment(order);
    transfer.transferReference(REFERENCE, NOW);
    transfer.status(PaymentStatus.AWAITING_TRANSFER, null, NOW);
    when(payments.findByTransferReference(anyString())).thenReturn(Optional.empty());
    when(payments.findByTransferReference(REFERENCE)).thenReturn(Optional.of(transfer));
    when(payments.findByOrderId("o-1")).thenReturn(Optional.of(transfer));
    when(invoices.findByReference(anyString())).thenReturn(Optional.empty());
    when(entries.findByBankTransactionId(anyString()))
        .thenAnswer(call -> Optional.ofNullable(stored.get(call.<String>getArgument(0))));
    when(entries.saveAndFlush(any())).thenAnswer(call -> {
      BankStatementEntry entry = call.getArgument(0);
      stored.put(entry.bankTransactionId(), entry);
      return entry;
    });
  }

  @Test
  @DisplayName("matches a transfer of the amount due by its reference (as printed, in any case) and passes it on")
  void exactTransfer() {
    // when
    List<EntryResult> results = statements.importEntries(List.of(entry("TX-1", "rf05 orda aaa2 222", "51.80")));

    // then
    assertThat(REFERENCE).isEqualTo("RF05ORDAAAA2222");
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.MATCHED);
      assertThat(r.orderId()).isEqualTo("o-1");
    });
    verify(messages).publish("bank-transfer-received", "o-1", "bank-transfer-received-TX-1", Duration.ofDays(1),
        Map.of("receivedAmount", new BigDecimal("51.80"), "amountDue", new BigDecimal("51.80"), "currency", "EUR",
            "amountMatches", true));
    assertThat(transfer.receivedAmount()).isEqualByComparingTo("51.80");
    assertThat(stored.get("TX-1").publishedAt()).isEqualTo(NOW);
    ArgumentCaptor<MoneyMovement> moved = ArgumentCaptor.forClass(MoneyMovement.class);
    verify(movementRepository).saveAndFlush(moved.capture());
    assertThat(moved.getValue().kind()).isEqualTo(MoneyMovements.Kind.RECEIVED);
    assertThat(moved.getValue().amount()).isEqualByComparingTo("51.80");
    assertThat(moved.getValue().businessKey()).isEqualTo("RECEIVED:TX-1");
  }

  @ParameterizedTest(name = "{0} {1}")
  @DisplayName("passes another amount or currency on as a mismatch, for finance to decide in the process")
  @CsvSource({"51.30, EUR", "60.00, EUR", "51.80, PLN"})
  void amountMismatch(String amount, String currency) {
    // when
    List<EntryResult> results = statements.importEntries(List.of(
        new StatementEntry("TX-2", REFERENCE, new BigDecimal(amount), currency, BOOKED, "Ana García")));

    // then
    assertThat(results).extracting(EntryResult::outcome).containsExactly(Outcome.AMOUNT_MISMATCH);
    assertThat(transfer.status()).isEqualTo(PaymentStatus.AMOUNT_MISMATCH);
    verify(orders).recordPaymentStatus(eq("o-1"), eq(PaymentStatus.AMOUNT_MISMATCH), anyString());
    verify(messages).publish(eq("bank-transfer-received"), eq("o-1"), eq("bank-transfer-received-TX-2"), any(),
        eq(Map.of("receivedAmount", new BigDecimal(amount), "amountDue", new BigDecimal("51.80"), "currency", "EUR",
            "amountMatches", false)));
  }

  @Test
  @DisplayName("recognises a statement imported again: DUPLICATE, nothing changes and nothing is passed on twice")
  void duplicate() {
    // given
    statements.importEntries(List.of(entry("TX-1", REFERENCE, "51.80")));

    // when
    List<EntryResult> again = statements.importEntries(List.of(entry("TX-1", REFERENCE, "51.80"),
        entry("TX-1", REFERENCE, "51.80")));

    // then
    assertThat(again).extracting(EntryResult::outcome).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
    verify(messages, org.mockito.Mockito.times(1)).publish(anyString(), anyString(), anyString(), any(), any());
    assertThat(stored).hasSize(1);
  }

  @Test
  @DisplayName("passes on a matched entry at its re-import when the engine could not be told the first time")
  void duplicateNotYetPassedOn() {
    // given
    org.mockito.Mockito.doThrow(new RuntimeException("engine down")).doNothing().when(messages)
        .publish(anyString(), anyString(), anyString(), any(), any());
    try {
      statements.importEntries(List.of(entry("TX-1", REFERENCE, "51.80")));
    } catch (RuntimeException engineDown) {
      // the import answers 503; the entry is stored
    }
    assertThat(stored.get("TX-1").publishedAt()).isNull();

    // when
    List<EntryResult> again = statements.importEntries(List.of(entry("TX-1", REFERENCE, "51.80")));

    // then
    assertThat(again).extracting(EntryResult::outcome).containsExactly(Outcome.DUPLICATE);
    assertThat(stored.get("TX-1").publishedAt()).isEqualTo(NOW);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("keeps entries without a usable reference for finance, unmatched")
  @CsvSource(textBlock = """
      '',                      No payment reference
      Order ORD-AAAA2222,      Not a valid RF creditor reference
      RF06ORDAAAA2222,         Not a valid RF creditor reference
      RF18539007547034,        No payment or invoice has this reference
      """)
  void unmatched(String reference, String note) {
    // when
    List<EntryResult> results = statements.importEntries(List.of(entry("TX-3", reference, "51.80")));

    // then
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.UNMATCHED);
      assertThat(r.detail()).startsWith(note);
    });
    verifyNoInteractions(messages);
    assertThat(transfer.receivedAmount()).isNull();
  }

  @Test
  @DisplayName("does not take a second transfer for a payment that received one: it stays for finance to refund")
  void secondTransfer() {
    // given
    statements.importEntries(List.of(entry("TX-1", REFERENCE, "51.80")));

    // when
    List<EntryResult> results = statements.importEntries(List.of(entry("TX-4", REFERENCE, "51.80")));

    // then
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.UNMATCHED);
      assertThat(r.orderId()).isEqualTo("o-1");
      assertThat(r.detail()).contains("does not wait for a transfer");
    });
    verify(messages, never()).publish(anyString(), anyString(), eq("bank-transfer-received-TX-4"), any(), any());
  }

  @Test
  @DisplayName("marks an invoice paid in full by its reference and passes it on to the settlement")
  void invoicePaid() {
    // given
    Invoice invoice = invoice();
    when(invoices.findByReference(invoice.reference())).thenReturn(Optional.of(invoice));

    // when
    List<EntryResult> results = statements.importEntries(List.of(entry("TX-5", invoice.reference(), "238.40")));

    // then
    assertThat(results).extracting(EntryResult::outcome).containsExactly(Outcome.MATCHED);
    assertThat(invoice.status()).isEqualTo(Invoice.Status.PAID);
    verify(messages).publish("invoice-paid", "o-9", "invoice-paid-TX-5", Duration.ofDays(1),
        Map.of("receivedAmount", new BigDecimal("238.40")));
  }

  @Test
  @DisplayName("keeps a partial payment of an invoice for finance; the invoice stays open and nothing is passed on")
  void invoicePartlyPaid() {
    // given
    Invoice invoice = invoice();
    when(invoices.findByReference(invoice.reference())).thenReturn(Optional.of(invoice));

    // when
    List<EntryResult> results = statements.importEntries(List.of(entry("TX-6", invoice.reference(), "200.00")));

    // then
    assertThat(results).extracting(EntryResult::outcome).containsExactly(Outcome.AMOUNT_MISMATCH);
    assertThat(invoice.open()).isTrue();
    verifyNoInteractions(messages);
    assertThat(stored.get("TX-6").mustPublish()).isFalse();
  }

  private static StatementEntry entry(String id, String reference, String amount) {
    return new StatementEntry(id, reference, new BigDecimal(amount), "EUR", BOOKED, "Ana García");
  }

  private static Invoice invoice() {
    return new Invoice("o-9", 2026, 123, "ana@example.com", new BigDecimal("238.40"), "EUR", BOOKED,
        BOOKED.plusDays(14), NOW);
  }
}
