package io.orderflow.fulfillment.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The credit-note counter of one year, a series of its own beside the VAT invoices'. Read with a write lock in the
 * transaction that inserts the credit notes: no gaps, no number twice.
 */
@Entity
@Table(name = "credit_note_sequence")
class CreditNoteSequence {

  @Id
  @Column(name = "credit_note_year")
  private int year;

  @Column(name = "last_no", nullable = false)
  private int lastNo;

  protected CreditNoteSequence() {}

  /** Takes the next number of the year. */
  int next() {
    if (lastNo >= CreditNote.MAX) {
      throw new IllegalStateException("Credit note numbers of " + year + " are used up (" + CreditNote.MAX + ")");
    }
    return ++lastNo;
  }

  int year() { return year; }
  int lastNo() { return lastNo; }
}
