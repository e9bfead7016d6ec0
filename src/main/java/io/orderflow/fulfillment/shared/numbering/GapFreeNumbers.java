package io.orderflow.fulfillment.shared.numbering;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free document numbers per series and year ({@code VAT-2026-000123}, {@code CN-…}, {@code RMA-…}, {@code PO-…}).
 * {@link #prepareYear} makes sure the year's counter exists, in its own transaction before the document's (creating it
 * inside a transaction that already tried to lock it would wait on itself on InnoDB's gap lock); {@link #lock} takes
 * the counter under its write lock inside the transaction that inserts the document, so a rollback gives the number
 * back and concurrent documents of the series queue up.
 */
@Component
public class GapFreeNumbers {

  private static final Pattern SERIES = Pattern.compile("[A-Z]{2,8}");

  private final DocumentCounterRepository counters;
  private final TransactionTemplate newTransaction;

  GapFreeNumbers(DocumentCounterRepository counters, PlatformTransactionManager txManager) {
    this.counters = counters;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Creates the year's counter of the series if it does not exist yet; call it outside the document's transaction. */
  public void prepareYear(String series, int year) {
    requireSeries(series);
    if (!counters.exists(series, year)) {
      newTransaction.executeWithoutResult(status -> counters.create(series, year));
    }
  }

  /** The year's counter, locked until the caller's transaction (which inserts the documents) ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public DocumentCounter lock(String series, int year) {
    return counters.lock(series, year).orElseThrow(() -> new IllegalStateException(
        "No " + series + " counter for " + year + "; prepareYear runs first"));
  }

  /** The next number of the series and year, taken in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int next(String series, int year) {
    return lock(series, year).next();
  }

  /** {@code SERIES-yyyy-nnnnnn}. */
  public static String format(String series, int year, int sequenceNo) {
    requireSeries(series);
    if (sequenceNo < 1 || sequenceNo > DocumentCounter.MAX) {
      throw new IllegalArgumentException(series + " numbers run from 1 to " + DocumentCounter.MAX + " per year");
    }
    return String.format("%s-%d-%06d", series, year, sequenceNo);
  }

  private static void requireSeries(String series) {
    if (series == null || !SERIES.matcher(series).matches()) {
      throw new IllegalArgumentException("A series is 2 to 8 capital letters, not " + series);
    }
  }
}
