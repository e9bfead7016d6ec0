package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** When to reorder a SKU for a warehouse (available below the reorder point), how many, from whom, at what cost. */
@Entity
@Table(name = "reorder_policy")
@IdClass(ReorderPolicy.Key.class)
class ReorderPolicy {

  record Key(String sku, String warehouseId) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  private String sku;

  @Id
  @Column(name = "warehouse_id")
  private String warehouseId;

  @Column(name = "reorder_point", nullable = false)
  private int reorderPoint;

  @Column(name = "order_quantity", nullable = false)
  private int orderQuantity;

  @Column(name = "supplier_id", nullable = false)
  private String supplierId;

  @Column(name = "unit_cost", nullable = false)
  private BigDecimal unitCost;

  /** Days of sales to cover when reordering (null: order the fixed order quantity). */
  @Column(name = "cover_days")
  private Integer coverDays;

  protected ReorderPolicy() {}

  ReorderPolicy(String sku, String warehouseId, int reorderPoint, int orderQuantity, String supplierId,
      BigDecimal unitCost) {
    this.sku = sku;
    this.warehouseId = warehouseId;
    this.reorderPoint = reorderPoint;
    this.orderQuantity = orderQuantity;
    this.supplierId = supplierId;
    this.unitCost = unitCost;
  }

  ReorderPolicy(String sku, String warehouseId, int reorderPoint, int orderQuantity, String supplierId,
      BigDecimal unitCost, Integer coverDays) {
    this(sku, warehouseId, reorderPoint, orderQuantity, supplierId, unitCost);
    if (coverDays != null && (coverDays < 1 || coverDays > 365)) {
      throw new IllegalArgumentException("days of cover must be 1..365, was " + coverDays);
    }
    this.coverDays = coverDays;
  }

  /** Below the reorder point: what to order, at least the order quantity, more if stock is that far below. */
  int proposedQuantity(int available) {
    return Math.max(orderQuantity, reorderPoint - available);
  }

  /**
   * Below the reorder point, by days of cover when the policy has them: enough to be back at the reorder point plus
   * {@code dailySales} x days of cover (rounded up), at least the order quantity (the minimum order). Without days of
   * cover, {@link #proposedQuantity(int)}.
   */
  int proposedQuantity(int available, double dailySales) {
    if (coverDays == null) {
      return proposedQuantity(available);
    }
    int target = reorderPoint + (int) Math.ceil(Math.max(0, dailySales) * coverDays);
    return Math.max(orderQuantity, target - available);
  }

  boolean ordersByCover() {
    return coverDays != null;
  }

  String sku() { return sku; }
  String warehouseId() { return warehouseId; }
  int reorderPoint() { return reorderPoint; }
  int orderQuantity() { return orderQuantity; }
  String supplierId() { return supplierId; }
  BigDecimal unitCost() { return unitCost; }
  Integer coverDays() { return coverDays; }
}
