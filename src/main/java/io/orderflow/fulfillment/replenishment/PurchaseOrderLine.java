package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One SKU of a purchase order: ordered, confirmed by the supplier (null until then), and the running totals of every
 * receipt (received, damaged, accepted). Each receipt adds only its own quantities, so a second partial receipt never
 * re-adds the first, and a line is complete on its own figures only.
 */
@Entity
@Table(name = "purchase_order_line")
class PurchaseOrderLine {

  /** What one delivery did to the line. */
  record Receipt(int accepted, int over, int shortfall) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "purchase_order_id")
  private PurchaseOrder purchaseOrder;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(nullable = false)
  private String sku;

  @Column(name = "ordered_quantity", nullable = false)
  private int orderedQuantity;

  @Column(name = "confirmed_quantity")
  private Integer confirmedQuantity;

  @Column(name = "received_quantity", nullable = false)
  private int receivedQuantity;

  @Column(name = "damaged_quantity", nullable = false)
  private int damagedQuantity;

  @Column(name = "accepted_quantity", nullable = false)
  private int acceptedQuantity;

  @Column(name = "unit_cost", nullable = false)
  private BigDecimal unitCost;

  /** {@code sku@warehouse} while the line waits for goods, else null (unique: one open replenishment per key). */
  @Column(name = "open_key")
  private String openKey;

  protected PurchaseOrderLine() {}

  PurchaseOrderLine(PurchaseOrder purchaseOrder, int lineNo, String sku, int orderedQuantity, BigDecimal unitCost) {
    if (orderedQuantity <= 0) {
      throw new IllegalArgumentException("An ordered quantity must be positive, was " + orderedQuantity);
    }
    this.purchaseOrder = purchaseOrder;
    this.lineNo = lineNo;
    this.sku = sku;
    this.orderedQuantity = orderedQuantity;
    this.unitCost = unitCost;
  }

  static String openKey(String sku, String warehouseId) {
    return sku + "@" + warehouseId;
  }

  /** What the supplier owes: the confirmed quantity, or the ordered one while unconfirmed. */
  int expectedQuantity() {
    return confirmedQuantity != null ? confirmedQuantity : orderedQuantity;
  }

  int stillOpen() {
    return Math.max(0, expectedQuantity() - acceptedQuantity);
  }

  boolean complete() {
    return stillOpen() == 0;
  }

  void confirm(int quantity) {
    confirmedQuantity = quantity;
  }

  /**
   * One delivery: damaged units are not accepted, good units are accepted up to what is still open, the rest of an
   * over-delivery is a discrepancy, never stock.
   */
  Receipt receive(int received, int damaged) {
    int good = received - damaged;
    int open = stillOpen();
    int accepted = Math.min(good, open);
    receivedQuantity += received;
    damagedQuantity += damaged;
    acceptedQuantity += accepted;
    return new Receipt(accepted, good - accepted, open - accepted);
  }

  void refreshOpenKey(boolean orderOpen, String warehouseId) {
    openKey = orderOpen && !complete() ? openKey(sku, warehouseId) : null;
  }

  BigDecimal value() {
    return unitCost.multiply(BigDecimal.valueOf(orderedQuantity));
  }

  int lineNo() { return lineNo; }
  String sku() { return sku; }
  int orderedQuantity() { return orderedQuantity; }
  Integer confirmedQuantity() { return confirmedQuantity; }
  int receivedQuantity() { return receivedQuantity; }
  int damagedQuantity() { return damagedQuantity; }
  int acceptedQuantity() { return acceptedQuantity; }
  BigDecimal unitCost() { return unitCost; }
  String openKey() { return openKey; }
}
