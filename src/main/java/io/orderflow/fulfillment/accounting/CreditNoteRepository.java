package io.orderflow.fulfillment.accounting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

  List<CreditNote> findByOrderIdAndRmaNumberOrderBySequenceNo(String orderId, String rmaNumber);

  List<CreditNote> findByOrderIdOrderByIdAsc(String orderId);

  List<CreditNote> findByCorrectedInvoiceNumber(String invoiceNumber);

  Optional<CreditNote> findByOrderIdAndCreditNoteNumber(String orderId, String creditNoteNumber);
}
