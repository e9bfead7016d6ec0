package io.orderflow.fulfillment.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * Stock of one SKU in one warehouse. Quantities change only through conditional SQL updates in
 * {@link StockRepository}, so two concurrent reservations can never take the same unit.
 */
@Entity
@Table(name = "stock")
@IdClass(Stock.Key.class)
class Stock {

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

  @Column(name = "on_hand", nullable = false)
  private int onHand;

  @Column(nullable = false)
  private int reserved;

  @Column(name = "bin_location", nullable = false)
  private String binLocation;

  protected Stock() {}

  String sku() { return sku; }
  String warehouseId() { return warehouseId; }
  int onHand() { return onHand; }
  int reserved() { return reserved; }
  int available() { return onHand - reserved; }
  String binLocation() { return binLocation; }
}
