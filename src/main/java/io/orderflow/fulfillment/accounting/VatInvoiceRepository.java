package io.orderflow.fulfillment.accounting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VatInvoiceRepository extends JpaRepository<VatInvoice, Long> {

  Optional<VatInvoice> findByOrderIdAndShipmentNo(String orderId, int shipmentNo);

  Optional<VatInvoice> findByOrderIdAndInvoiceNumber(String orderId, String invoiceNumber);

  List<VatInvoice> findByOrderIdOrderByShipmentNo(String orderId);
}
