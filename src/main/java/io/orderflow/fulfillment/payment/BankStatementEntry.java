package io.orderflow.fulfillment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One credit on the shop's bank account as the bank statement lists it, stored once per bank transaction id with the
 * outcome of matching its reference to a payment or an invoice.
 */
@Entity
@Table(name = "bank_statement_entry")
class BankStatementEntry {

  /** What the entry paid, when its reference was recognised. */
  enum MatchedTo { BANK_TRANSFER, INVOICE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "bank_transaction_id", nullable = false, unique = true)
  private String bankTransactionId;

  @Column
  private String reference;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "booking_date", nullable = false)
  private LocalDate bookingDate;

  @Column(name = "payer_name")
  private String payerName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BankStatements.Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "matched_to")
  private MatchedTo matchedTo;

  @Column(name = "order_id")
  private String orderId;

  @Column
  private String note;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected BankStatementEntry() {}

  BankStatementEntry(BankStatements.StatementEntry entry, String reference, BankStatements.Outcome outcome,
      MatchedTo matchedTo, String orderId, String note, Instant now) {
    this.bankTransactionId = entry.bankTransactionId();
    this.reference = reference == null || reference.length() <= 60 ? reference : reference.substring(0, 60);
    this.amount = entry.amount();
    this.currency = entry.currency();
    this.bookingDate = entry.bookingDate();
    this.payerName = entry.payerName();
    this.outcome = outcome;
    this.matchedTo = matchedTo;
    this.orderId = orderId;
    this.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
    this.importedAt = now;
  }

  /** Whether a waiting process must hear about this entry (until it has). */
  boolean mustPublish() {
    return publishedAt == null && matchedTo != null
        && (outcome == BankStatements.Outcome.MATCHED
            || (outcome == BankStatements.Outcome.AMOUNT_MISMATCH && matchedTo == MatchedTo.BANK_TRANSFER));
  }

  void published(Instant now) {
    this.publishedAt = now;
  }

  String bankTransactionId() { return bankTransactionId; }
  String reference() { return reference; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  LocalDate bookingDate() { return bookingDate; }
  String payerName() { return payerName; }
  BankStatements.Outcome outcome() { return outcome; }
  MatchedTo matchedTo() { return matchedTo; }
  String orderId() { return orderId; }
  String note() { return note; }
  Instant importedAt() { return importedAt; }
  Instant publishedAt() { return publishedAt; }
}
