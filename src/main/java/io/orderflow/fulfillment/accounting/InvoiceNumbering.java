package io.orderflow.fulfillment.accounting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free VAT invoice numbers per year. {@link #prepareYear} makes sure the year's counter exists (in its own
 * transaction, before the invoice's: creating it inside a transaction that already tried to lock it would wait on
 * itself on InnoDB's gap lock); {@link #next} takes the next number under the counter's write lock, inside the
 * transaction that inserts the invoice, so a rollback gives the number back and concurrent issues queue up.
 */
@Component
class InvoiceNumbering {

  private final InvoiceSequenceRepository sequences;
  private final TransactionTemplate newTransaction;

  InvoiceNumbering(InvoiceSequenceRepository sequences, PlatformTransactionManager txManager) {
    this.sequences = sequences;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Creates the year's counter if it does not exist yet; call it outside the invoice's transaction. */
  void prepareYear(int year) {
    if (!sequences.existsById(year)) {
      newTransaction.executeWithoutResult(status -> sequences.createYear(year));
    }
  }

  /** The next number of the year, taken in the caller's transaction (which must insert the invoice). */
  @Transactional(propagation = Propagation.MANDATORY)
  int next(int year) {
    InvoiceSequence sequence = sequences.lockYear(year).orElseThrow(() -> new IllegalStateException(
        "No VAT invoice counter for " + year + "; prepareYear runs first"));
    return sequence.next();
  }
}
