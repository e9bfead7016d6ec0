package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The purchase order counter of one year, read under a write lock in the transaction that stores the order: no gaps. */
@Entity
@Table(name = "po_sequence")
class PoSequence {

  static final int MAX = 999_999;

  @Id
  @Column(name = "po_year")
  private int year;

  @Column(name = "last_no", nullable = false)
  private int lastNo;

  protected PoSequence() {}

  int next() {
    if (lastNo >= MAX) {
      throw new IllegalStateException("Purchase order numbers of " + year + " are used up (" + MAX + ")");
    }
    return ++lastNo;
  }

  /** The printed number: {@code PO-2026-000123}. */
  static String number(int year, int sequenceNo) {
    if (sequenceNo < 1 || sequenceNo > MAX) {
      throw new IllegalArgumentException("Purchase order numbers run from 1 to " + MAX + " per year");
    }
    return String.format("PO-%d-%06d", year, sequenceNo);
  }
}
