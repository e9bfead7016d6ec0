package io.orderflow.fulfillment.accounting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free credit-note numbers per year ({@code CN-yyyy-nnnnnn}), as {@link InvoiceNumbering} does for invoices:
 * {@link #prepareYear} creates the year's counter in its own transaction; {@link #lock} takes the counter under its
 * write lock inside the transaction that inserts the credit notes, so a rollback gives the numbers back and concurrent
 * issues queue up (which also makes "what was credited before" exact while the lock is held).
 */
@Component
class CreditNoteNumbering {

  private final CreditNoteSequenceRepository sequences;
  private final TransactionTemplate newTransaction;

  CreditNoteNumbering(CreditNoteSequenceRepository sequences, PlatformTransactionManager txManager) {
    this.sequences = sequences;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Creates the year's counter if it does not exist yet; call it outside the credit note's transaction. */
  void prepareYear(int year) {
    if (!sequences.existsById(year)) {
      newTransaction.executeWithoutResult(status -> sequences.createYear(year));
    }
  }

  /** The year's counter, locked until the caller's transaction (which inserts the credit notes) ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  CreditNoteSequence lock(int year) {
    return sequences.lockYear(year).orElseThrow(() -> new IllegalStateException(
        "No credit note counter for " + year + "; prepareYear runs first"));
  }
}
