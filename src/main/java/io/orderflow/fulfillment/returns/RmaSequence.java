package io.orderflow.fulfillment.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The RMA counter of one year, read under a write lock in the transaction that stores the request: no gaps. */
@Entity
@Table(name = "rma_sequence")
class RmaSequence {

  static final int MAX = 999_999;

  @Id
  @Column(name = "rma_year")
  private int year;

  @Column(name = "last_no", nullable = false)
  private int lastNo;

  protected RmaSequence() {}

  int next() {
    if (lastNo >= MAX) {
      throw new IllegalStateException("RMA numbers of " + year + " are used up (" + MAX + ")");
    }
    return ++lastNo;
  }

  /** The printed number: {@code RMA-2026-000123}. */
  static String number(int year, int sequenceNo) {
    if (sequenceNo < 1 || sequenceNo > MAX) {
      throw new IllegalArgumentException("RMA numbers run from 1 to " + MAX + " per year");
    }
    return String.format("RMA-%d-%06d", year, sequenceNo);
  }
}
