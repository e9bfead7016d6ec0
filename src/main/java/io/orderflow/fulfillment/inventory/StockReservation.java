package io.orderflow.fulfillment.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "stock_reservation")
class StockReservation {

  /** ISSUED goods that came back are RETURNED (whether they went back on sale is in the stock ledger). */
  enum Status { ACTIVE, RELEASED, ISSUED, RETURNED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(nullable = false)
  private String sku;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Column(nullable = false)
  private int quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected StockReservation() {}

  StockReservation(String orderId, String sku, String warehouseId, int quantity, Instant now) {
    this.orderId = orderId;
    this.sku = sku;
    this.warehouseId = warehouseId;
    this.quantity = quantity;
    this.status = Status.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  Long id() { return id; }
  String orderId() { return orderId; }
  String sku() { return sku; }
  String warehouseId() { return warehouseId; }
  int quantity() { return quantity; }
  Status status() { return status; }
  Instant expiresAt() { return expiresAt; }

  void expiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }
}
