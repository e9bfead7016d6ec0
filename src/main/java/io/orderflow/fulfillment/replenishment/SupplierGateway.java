package io.orderflow.fulfillment.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The supplier port: a purchase order goes to its supplier (e-mail or API), and a late delivery is reminded. Sending
 * the same purchase order twice, or reminding of the same expected date twice, is a no-op.
 */
interface SupplierGateway {

  record Document(String purchaseOrderId, String poNumber, String supplierId, String supplierName, String supplierEmail,
      String warehouseId, LocalDate expectedDate, String currency, BigDecimal totalValue, List<Line> lines) {}

  record Line(int lineNo, String sku, int quantity, BigDecimal unitCost) {}

  /**
   * The expected delivery date passed with goods still open.
   *
   * @param openLines per line what the supplier still owes (quantity = the open units)
   */
  record Reminder(String purchaseOrderId, String poNumber, String supplierId, String supplierName,
      String supplierEmail, String warehouseId, LocalDate expectedDate, List<Line> openLines) {}

  void send(Document document);

  void remind(Reminder reminder);
}
