package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Purchasing's mails about a purchase order (through the notification outbox to {@code fulfillment.mail.departments
 * .purchasing}): the supplier rejected it (with its reason and the lines), or a delivery differs from what the supplier
 * owes (per line of the receipt: OVER, SHORT and DAMAGED units, to claim with the supplier); and about a stock
 * transfer that arrived short or damaged. Once per process step.
 */
@Component
public class PurchasingNotices {

  /** The supplier will not deliver the purchase order. */
  public static final String SUPPLIER_REJECTED = "SUPPLIER_REJECTED";
  /** A goods receipt with over-delivered, short or damaged units. */
  public static final String RECEIPT_DISCREPANCY = "RECEIPT_DISCREPANCY";
  /** A stock transfer arrived short or damaged. */
  public static final String TRANSFER_DISCREPANCY = "TRANSFER_DISCREPANCY";
  static final Set<String> TOPICS = Set.of(SUPPLIER_REJECTED, RECEIPT_DISCREPANCY);

  private final Notifications notifications;
  private final Catalog catalog;
  private final Transfers transfers;

  PurchasingNotices(Notifications notifications, Catalog catalog, Transfers transfers) {
    this.notifications = notifications;
    this.catalog = catalog;
    this.transfers = transfers;
  }

  /**
   * notify-purchasing for a transfer (TRANSFER_DISCREPANCY): the transfer's number, SKU, route and count, and its
   * discrepancies; once per {@code dedupKey} (the process step). False when it was recorded before.
   */
  public boolean notifyTransfer(String transferId, String dedupKey) {
    Transfers.TransferView t = transfers.get(transferId);
    Product product = catalog.bySku(List.of(t.sku())).get(t.sku());
    String what = t.sku() + (product == null ? "" : " (" + product.name() + ")");
    String summary = "Transfer " + t.number() + " of " + t.quantity() + " x " + what + " from warehouse "
        + t.fromWarehouseId() + " to " + t.toWarehouseId() + " arrived short or damaged"
        + (t.receivedBy() == null ? "" : ", counted by " + t.receivedBy()) + ".";
    List<String> facts = new ArrayList<>();
    facts.add(what + ": sent " + t.quantity() + ", received " + t.receivedQuantity() + ", damaged "
        + t.damagedQuantity() + ", accepted " + t.acceptedQuantity() + " - "
        + (t.discrepancies() == null || t.discrepancies().isEmpty() ? "as expected"
            : String.join(", ", t.discrepancies())));
    if (t.notes() != null && !t.notes().isBlank()) {
      facts.add("Notes: " + t.notes().strip());
    }
    return send(new Notice(t.number(), TRANSFER_DISCREPANCY, summary, facts), dedupKey);
  }

  /** A mail to purchasing: about which purchase order, its first paragraph and one line per fact. */
  record Notice(String reference, String topic, String summary, List<String> facts) {}

  /** Records the mail once per {@code dedupKey} (outside any transaction); false when it was recorded before. */
  boolean send(Notice notice, String dedupKey) {
    return notifications.notifyDepartment(Audience.PURCHASING, notice.reference(), notice.topic(), dedupKey,
        notice.summary(), notice.facts());
  }

  /** The mail about the purchase order on the topic (read while the purchase order is loaded). */
  Notice compose(PurchaseOrder po, Supplier supplier, String topic, Integer receiptNo) {
    if (!TOPICS.contains(topic)) {
      throw new IllegalArgumentException("Purchasing is told about purchase orders on the topics " + TOPICS
          + ", not " + topic);
    }
    Map<String, Product> products = catalog.bySku(po.lines().stream().map(PurchaseOrderLine::sku).toList());
    String supplierName = supplier.name() + " (" + supplier.id() + ")";
    String summary;
    List<String> facts = new ArrayList<>();
    if (SUPPLIER_REJECTED.equals(topic)) {
      summary = supplierName + " rejected purchase order " + po.poNumber() + " for warehouse " + po.warehouseId()
          + ", worth " + po.totalValue() + " " + po.currency() + ". Reason: "
          + (po.rejectionReason() == null ? "none given" : po.rejectionReason()) + ".";
      po.lines().forEach(l -> facts.add("Line " + l.lineNo() + ": " + l.sku() + " " + name(products, l.sku()) + ", "
          + l.orderedQuantity() + " ordered at " + l.unitCost() + " " + po.currency()));
    } else {
      if (receiptNo == null) {
        throw new IllegalArgumentException("A receipt discrepancy names the receipt (receiptNo)");
      }
      GoodsReceipt receipt = po.receipts().stream().filter(r -> r.receiptNo() == receiptNo).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Purchase order " + po.poNumber() + " has no receipt "
              + receiptNo));
      summary = "Receipt " + receipt.receiptNo() + " of purchase order " + po.poNumber() + " from " + supplierName
          + " in warehouse " + po.warehouseId()
          + (receipt.deliveryNote() == null ? "" : ", the supplier's delivery note " + receipt.deliveryNote())
          + ", differs from what the supplier owes. Claim the missing, damaged or extra units with the supplier.";
      for (GoodsReceiptLine l : receipt.lines()) {
        facts.add("Line " + l.poLineNo() + ": " + l.sku() + " " + name(products, l.sku()) + ": received "
            + l.receivedQuantity() + ", damaged " + l.damagedQuantity() + ", accepted " + l.acceptedQuantity()
            + " - " + discrepancies(l));
      }
      if (po.status() == PurchaseOrderStatus.RECEIVED && po.unitsNeverDelivered() > 0) {
        facts.add("The purchase order is closed short: " + po.unitsNeverDelivered()
            + " unit(s) will never be delivered.");
      }
    }
    return new Notice(po.poNumber(), topic, summary, List.copyOf(facts));
  }

  /** {@code OVER 2, DAMAGED 1, SHORT 3}, or {@code as expected}. */
  static String discrepancies(GoodsReceiptLine l) {
    List<String> found = new ArrayList<>();
    if (l.overQuantity() > 0) {
      found.add("OVER " + l.overQuantity());
    }
    if (l.damagedQuantity() > 0) {
      found.add("DAMAGED " + l.damagedQuantity());
    }
    if (l.shortQuantity() > 0) {
      found.add("SHORT " + l.shortQuantity());
    }
    return found.isEmpty() ? "as expected" : String.join(", ", found);
  }

  private static String name(Map<String, Product> products, String sku) {
    Product p = products.get(sku);
    return p == null ? "" : "(" + p.name() + ")";
  }
}
