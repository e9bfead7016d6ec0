package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.BankStatementEntry.MatchedTo;
import io.orderflow.fulfillment.process.PaymentProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of the shop's bank statements. Each credit is stored once per bank transaction id (a statement imported
 * again reports DUPLICATE and changes nothing) and matched by its creditor reference: to a payment waiting for a bank
 * transfer, or to an open invoice. A matched transfer is passed on to its payment process (bank-transfer-received,
 * also when the amount differs, so finance decides there); an invoice paid in full to its settlement (invoice-paid).
 * Everything else stays for finance: unknown or invalid references, transfers nobody waits for (late, repeated),
 * invoice payments of another amount.
 */
@Service
public class BankStatements {

  private static final Logger log = LoggerFactory.getLogger(BankStatements.class);

  /** How long a matched entry waits for its process, should the process not be listening yet. */
  static final Duration MESSAGE_TTL = Duration.ofDays(1);

  public enum Outcome { MATCHED, AMOUNT_MISMATCH, UNMATCHED, DUPLICATE }

  /** A credit as the bank lists it: its own id, the structured (creditor) reference, amount and booking date. */
  public record StatementEntry(String bankTransactionId, String reference, BigDecimal amount, String currency,
      LocalDate bookingDate, String payerName) {}

  public record EntryResult(String bankTransactionId, Outcome outcome, String orderId, String detail) {}

  /** An entry finance has to look at. */
  public record OpenEntry(String bankTransactionId, String reference, BigDecimal amount, String currency,
      LocalDate bookingDate, String payerName, Outcome outcome, String orderId, String note, Instant importedAt) {}

  private record Matched(BankStatementEntry entry, boolean duplicate) {}

  private final BankStatementEntryRepository entries;
  private final PaymentRepository payments;
  private final InvoiceRepository invoices;
  private final PaymentLedger ledger;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  BankStatements(BankStatementEntryRepository entries, PaymentRepository payments, InvoiceRepository invoices,
      PaymentLedger ledger, ProcessMessages messages, PlatformTransactionManager txManager, Clock clock) {
    this.entries = entries;
    this.payments = payments;
    this.invoices = invoices;
    this.ledger = ledger;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Imports the entries one by one, each in its own transaction, and passes the matched ones on. If the engine cannot
   * be reached the import fails (503); importing the statement again finds the entries stored so far (DUPLICATE) and
   * passes on those that were not passed on yet.
   */
  public List<EntryResult> importEntries(List<StatementEntry> statement) {
    List<EntryResult> results = new ArrayList<>();
    for (StatementEntry entry : statement) {
      results.add(importEntry(entry));
    }
    return results;
  }

  /** The entries no process takes care of, oldest booking first. */
  @Transactional(readOnly = true)
  public List<OpenEntry> forFinance(int max) {
    return entries.findForFinance(Limit.of(Math.max(1, Math.min(max, 1000)))).stream()
        .map(e -> new OpenEntry(e.bankTransactionId(), e.reference(), e.amount(), e.currency(), e.bookingDate(),
            e.payerName(), e.outcome(), e.orderId(), e.note(), e.importedAt()))
        .toList();
  }

  private EntryResult importEntry(StatementEntry entry) {
    Matched matched;
    try {
      matched = tx.execute(status -> entries.findByBankTransactionId(entry.bankTransactionId())
          .map(known -> new Matched(known, true))
          .orElseGet(() -> new Matched(entries.saveAndFlush(match(entry)), false)));
    } catch (DataIntegrityViolationException importedConcurrently) {
      matched = new Matched(entries.findByBankTransactionId(entry.bankTransactionId())
          .orElseThrow(() -> importedConcurrently), true);
    }
    BankStatementEntry stored = matched.entry();
    if (stored.mustPublish()) {
      publish(stored);
    }
    if (matched.duplicate()) {
      return new EntryResult(entry.bankTransactionId(), Outcome.DUPLICATE, stored.orderId(),
          "Imported before (" + stored.outcome() + "); nothing changed");
    }
    log.info("Bank transaction {}: {}{}", stored.bankTransactionId(), stored.outcome(),
        stored.orderId() == null ? "" : " (order " + stored.orderId() + ")");
    return new EntryResult(entry.bankTransactionId(), stored.outcome(), stored.orderId(), stored.note());
  }

  /** Runs inside the entry's transaction: matches the reference and records what the money paid. */
  private BankStatementEntry match(StatementEntry entry) {
    String reference = CreditorReference.normalise(entry.reference());
    if (reference == null || reference.isEmpty()) {
      return unmatched(entry, reference, null, "No payment reference on the transfer");
    }
    if (!CreditorReference.isValid(reference)) {
      return unmatched(entry, reference, null, "Not a valid RF creditor reference (its check digits do not fit)");
    }
    Optional<Payment> payment = payments.findByTransferReference(reference);
    if (payment.isPresent()) {
      return matchTransfer(entry, reference, payment.get());
    }
    Optional<Invoice> invoice = invoices.findByReference(reference);
    if (invoice.isPresent()) {
      return matchInvoice(entry, reference, invoice.get());
    }
    return unmatched(entry, reference, null, "No payment or invoice has this reference");
  }

  private BankStatementEntry matchTransfer(StatementEntry entry, String reference, Payment payment) {
    if (payment.status() != PaymentStatus.AWAITING_TRANSFER || payment.receivedAmount() != null) {
      return unmatched(entry, reference, payment.orderId(), "The payment of this order does not wait for a transfer "
          + "(it is " + payment.status() + "): refund or assign it by hand");
    }
    boolean exact = sameMoney(entry, payment.amountDue(), payment.currency());
    payment.received(entry.amount(), clock.instant());
    ledger.moved(payment, MoneyMovements.Kind.RECEIVED, entry.amount(), entry.bankTransactionId(),
        "RECEIVED:" + entry.bankTransactionId());
    String received = entry.amount().toPlainString() + " " + entry.currency();
    if (exact) {
      ledger.record(payment, PaymentStatus.AWAITING_TRANSFER, "Bank transfer of " + received + " received on "
          + entry.bookingDate() + "; being confirmed");
      return new BankStatementEntry(entry, reference, Outcome.MATCHED, MatchedTo.BANK_TRANSFER, payment.orderId(),
          "Bank transfer for the order", clock.instant());
    }
    String note = "Received " + received + ", " + payment.money() + " due: finance decides";
    ledger.record(payment, PaymentStatus.AMOUNT_MISMATCH, note);
    return new BankStatementEntry(entry, reference, Outcome.AMOUNT_MISMATCH, MatchedTo.BANK_TRANSFER, payment.orderId(),
        note, clock.instant());
  }

  private BankStatementEntry matchInvoice(StatementEntry entry, String reference, Invoice invoice) {
    if (!invoice.open()) {
      return unmatched(entry, reference, invoice.orderId(), "Invoice " + invoice.invoiceNumber()
          + " was paid before: refund or assign it by hand");
    }
    if (!sameMoney(entry, invoice.amount(), invoice.currency())) {
      return new BankStatementEntry(entry, reference, Outcome.AMOUNT_MISMATCH, MatchedTo.INVOICE, invoice.orderId(),
          "Invoice " + invoice.invoiceNumber() + ": received " + entry.amount().toPlainString() + " " + entry.currency()
              + ", " + invoice.amount().toPlainString() + " " + invoice.currency() + " due; the invoice stays open",
          clock.instant());
    }
    invoice.paid(clock.instant());
    payments.findByOrderId(invoice.orderId()).ifPresent(payment -> ledger.moved(payment, MoneyMovements.Kind.RECEIVED,
        entry.amount(), invoice.invoiceNumber(), "RECEIVED:" + entry.bankTransactionId()));
    return new BankStatementEntry(entry, reference, Outcome.MATCHED, MatchedTo.INVOICE, invoice.orderId(),
        "Invoice " + invoice.invoiceNumber() + " paid", clock.instant());
  }

  private BankStatementEntry unmatched(StatementEntry entry, String reference, String orderId, String note) {
    return new BankStatementEntry(entry, reference, Outcome.UNMATCHED, null, orderId, note, clock.instant());
  }

  private static boolean sameMoney(StatementEntry entry, BigDecimal amount, String currency) {
    return currency.equals(entry.currency()) && amount.compareTo(entry.amount()) == 0;
  }

  private void publish(BankStatementEntry entry) {
    if (entry.matchedTo() == MatchedTo.BANK_TRANSFER) {
      Payment payment = payments.findByOrderId(entry.orderId()).orElseThrow();
      messages.publish(PaymentProcess.Messages.BANK_TRANSFER_RECEIVED, entry.orderId(),
          "bank-transfer-received-" + entry.bankTransactionId(), MESSAGE_TTL, Map.of(
              PaymentProcess.Variables.RECEIVED_AMOUNT, entry.amount(),
              PaymentProcess.Variables.AMOUNT_DUE, payment.amountDue(),
              PaymentProcess.Variables.CURRENCY, payment.currency(),
              PaymentProcess.Variables.AMOUNT_MATCHES, entry.outcome() == Outcome.MATCHED));
    } else {
      messages.publish(PaymentProcess.Messages.INVOICE_PAID, entry.orderId(),
          "invoice-paid-" + entry.bankTransactionId(), MESSAGE_TTL,
          Map.of(PaymentProcess.Variables.RECEIVED_AMOUNT, entry.amount()));
    }
    tx.executeWithoutResult(status -> entries.findByBankTransactionId(entry.bankTransactionId())
        .ifPresent(e -> e.published(clock.instant())));
  }
}
