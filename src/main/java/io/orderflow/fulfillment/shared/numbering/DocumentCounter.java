package io.orderflow.fulfillment.shared.numbering;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The counter of one numbering series (VAT invoices, credit notes, RMAs, purchase orders) in one year. */
@Entity
@Table(name = "document_counter")
public class DocumentCounter {

  public static final int MAX = 999_999;

  @Embeddable
  record Key(@Column(name = "series") String series, @Column(name = "counter_year") int year)
      implements Serializable {}

  @EmbeddedId
  private Key key;

  @Column(name = "last_no", nullable = false)
  private int lastNo;

  protected DocumentCounter() {}

  DocumentCounter(String series, int year) {
    this.key = new Key(series, year);
  }

  /** The next number of the year; only call it while the counter is locked (see {@link GapFreeNumbers#lock}). */
  public int next() {
    if (lastNo >= MAX) {
      throw new IllegalStateException(key.series() + " numbers of " + key.year() + " are used up (" + MAX + ")");
    }
    return ++lastNo;
  }

  public int year() {
    return key.year();
  }

  /** The printed number, e.g. {@code VAT-2026-000123}. */
  public String format(int sequenceNo) {
    return GapFreeNumbers.format(key.series(), key.year(), sequenceNo);
  }
}
