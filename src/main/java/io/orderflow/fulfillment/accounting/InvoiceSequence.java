package io.orderflow.fulfillment.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The VAT invoice counter of one year. It is read with a write lock in the transaction that inserts the invoice, so a
 * number is only used when that transaction commits: no gaps, no number twice.
 */
@Entity
@Table(name = "invoice_sequence")
class InvoiceSequence {

  static final int MAX = 999_999;

  @Id
  @Column(name = "invoice_year")
  private int year;

  @Column(name = "last_no", nullable = false)
  private int lastNo;

  protected InvoiceSequence() {}

  InvoiceSequence(int year) {
    this.year = year;
  }

  /** Takes the next number of the year. */
  int next() {
    if (lastNo >= MAX) {
      throw new IllegalStateException("VAT invoice numbers of " + year + " are used up (" + MAX + ")");
    }
    return ++lastNo;
  }

  int year() { return year; }
  int lastNo() { return lastNo; }

  /** The printed number: {@code VAT-2026-000123}. */
  static String number(int year, int sequenceNo) {
    if (sequenceNo < 1 || sequenceNo > MAX) {
      throw new IllegalArgumentException("VAT invoice numbers run from 1 to " + MAX + " per year");
    }
    return String.format("VAT-%d-%06d", year, sequenceNo);
  }
}
