package io.orderflow.fulfillment.replenishment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free purchase order numbers per year ({@code PO-2026-000123}), the way VAT invoices are numbered: the year's counter is
 * created in its own transaction first, then the next number is taken under the counter's write lock inside the
 * transaction that stores the purchase order, so a rollback gives the number back and concurrent proposals queue up.
 */
@Component
class PoNumbering {

  private final PoSequenceRepository sequences;
  private final TransactionTemplate newTransaction;

  PoNumbering(PoSequenceRepository sequences, PlatformTransactionManager txManager) {
    this.sequences = sequences;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void prepareYear(int year) {
    if (!sequences.existsById(year)) {
      newTransaction.executeWithoutResult(status -> sequences.createYear(year));
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next(int year) {
    PoSequence sequence = sequences.lockYear(year).orElseThrow(() -> new IllegalStateException(
        "No purchase order counter for " + year + "; prepareYear runs first"));
    return PoSequence.number(year, sequence.next());
  }
}
