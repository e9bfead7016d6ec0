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
 * The invoice of an order paid by invoice: issued once after delivery, numbered per year without gaps
 * ({@code INV-2026-000123}), due a payment term later, paid by a bank transfer that quotes its creditor reference.
 */
@Entity
@Table(name = "invoice")
class Invoice {

  enum Status { ISSUED, OVERDUE, PAID }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, unique = true)
  private String orderId;

  @Column(name = "invoice_year", nullable = false)
  private int invoiceYear;

  @Column(name = "sequence_no", nullable = false)
  private int sequenceNo;

  @Column(name = "invoice_number", nullable = false, unique = true)
  private String invoiceNumber;

  @Column(name = "customer_email", nullable = false)
  private String customerEmail;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false, unique = true)
  private String reference;

  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Invoice() {}

  Invoice(String orderId, int year, int sequenceNo, String customerEmail, BigDecimal amount, String currency,
      LocalDate issuedOn, LocalDate dueOn, Instant now) {
    if (sequenceNo < 1 || sequenceNo > 999_999) {
      throw new IllegalArgumentException("invoice sequence numbers run from 1 to 999999 per year");
    }
    this.orderId = orderId;
    this.invoiceYear = year;
    this.sequenceNo = sequenceNo;
    this.invoiceNumber = number(year, sequenceNo);
    this.customerEmail = customerEmail;
    this.amount = amount;
    this.currency = currency;
    this.reference = CreditorReference.of("INV" + year + String.format("%06d", sequenceNo));
    this.issuedOn = issuedOn;
    this.dueOn = dueOn;
    this.status = Status.ISSUED;
    this.createdAt = now;
  }

  static String number(int year, int sequenceNo) {
    return String.format("INV-%d-%06d", year, sequenceNo);
  }

  /** The due date passed without payment; a paid invoice stays paid. */
  void overdue() {
    if (status == Status.ISSUED) {
      this.status = Status.OVERDUE;
    }
  }

  /** Paid (recorded once; a second call keeps the first time). */
  boolean paid(Instant now) {
    if (status == Status.PAID) {
      return false;
    }
    this.status = Status.PAID;
    this.paidAt = now;
    return true;
  }

  /**
   * Returned goods: the open invoice asks for that much less (never below zero).
   *
   * @throws IllegalStateException when the invoice was paid already (the money is owed back instead)
   */
  void reduce(BigDecimal by) {
    if (!open()) {
      throw new IllegalStateException("Invoice " + invoiceNumber + " is paid; it cannot be reduced");
    }
    this.amount = amount.subtract(by).max(BigDecimal.ZERO);
  }

  boolean open() {
    return status != Status.PAID;
  }

  String orderId() { return orderId; }
  String invoiceNumber() { return invoiceNumber; }
  String customerEmail() { return customerEmail; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String reference() { return reference; }
  LocalDate issuedOn() { return issuedOn; }
  LocalDate dueOn() { return dueOn; }
  Status status() { return status; }
  Instant paidAt() { return paidAt; }
}
