package io.orderflow.fulfillment.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BankStatementEntryRepository extends JpaRepository<BankStatementEntry, Long> {

  Optional<BankStatementEntry> findByBankTransactionId(String bankTransactionId);

  /** Entries no process takes care of: unknown references, and invoice payments of another amount than due. */
  @Query("""
      select e from BankStatementEntry e
      where e.outcome = io.orderflow.fulfillment.payment.BankStatements.Outcome.UNMATCHED
         or (e.outcome = io.orderflow.fulfillment.payment.BankStatements.Outcome.AMOUNT_MISMATCH
             and e.matchedTo = io.orderflow.fulfillment.payment.BankStatementEntry.MatchedTo.INVOICE)
      order by e.bookingDate, e.id""")
  List<BankStatementEntry> findForFinance(Limit limit);
}
