package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

  Optional<Invoice> findByOrderId(String orderId);

  Optional<Invoice> findByReference(String reference);

  @Query("select coalesce(max(i.sequenceNo), 0) from Invoice i where i.invoiceYear = :year")
  int lastSequenceNo(@Param("year") int year);

  /** What the customer (e-mail, stored in lower case) still owes on invoices in this currency. */
  @Query("""
      select coalesce(sum(i.amount), 0) from Invoice i
      where i.customerEmail = :email and i.currency = :currency and i.status in :open""")
  BigDecimal openAmount(@Param("email") String customerEmail, @Param("currency") String currency,
      @Param("open") Collection<Invoice.Status> open);
}
