package io.orderflow.fulfillment.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The supplier port: a purchase order goes to its supplier (e-mail or API). Sending the same one twice is a no-op. */
interface SupplierGateway {

  record Document(String purchaseOrderId, String poNumber, String supplierId, String supplierName, String supplierEmail,
      String warehouseId, LocalDate expectedDate, String currency, BigDecimal totalValue, List<Line> lines) {}

  record Line(int lineNo, String sku, int quantity, BigDecimal unitCost) {}

  void send(Document document);
}
