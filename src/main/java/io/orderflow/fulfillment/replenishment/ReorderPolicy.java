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

  /** Below the reorder point: what to order, at least the order quantity, more if stock is that far below. */
  int proposedQuantity(int available) {
    return Math.max(orderQuantity, reorderPoint - available);
  }

  String sku() { return sku; }
  String warehouseId() { return warehouseId; }
  int reorderPoint() { return reorderPoint; }
  int orderQuantity() { return orderQuantity; }
  String supplierId() { return supplierId; }
  BigDecimal unitCost() { return unitCost; }
}
