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

/** One line of the stock ledger: a reservation, a release or goods leaving the warehouse, with the figures after it. */
@Entity
@Table(name = "stock_movement")
class StockMovement {

  /**
   * RETURNED: goods that came back (a parcel returned to sender) and are on hand again. RETURN_RESTOCKED: goods a
   * customer returned (an RMA), on hand again; RETURN_REFURBISH and RETURN_SCRAPPED: returned goods received but not on
   * sale (to be refurbished, or scrapped). RECEIVED: goods accepted from a supplier's delivery against a purchase order.
   * TRANSFER_OUT: goods sent to another warehouse (in transit, no longer on hand here); TRANSFER_IN: the good units of a
   * transfer put on hand at its destination.
   */
  enum Type { RESERVED, RELEASED, ISSUED, RETURNED, RETURN_RESTOCKED, RETURN_REFURBISH, RETURN_SCRAPPED, RECEIVED,
    TRANSFER_OUT, TRANSFER_IN }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String sku;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "movement_type", nullable = false)
  private Type type;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "on_hand_after", nullable = false)
  private int onHandAfter;

  @Column(name = "reserved_after", nullable = false)
  private int reservedAfter;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** What the movement belongs to when it must happen once (an RMA line: {@code RMA-2026-000001/2}); else null. */
  @Column(unique = true)
  private String reference;

  protected StockMovement() {}

  StockMovement(String sku, String warehouseId, Type type, int quantity, String orderId, int onHandAfter,
      int reservedAfter, Instant occurredAt, String reference) {
    this(sku, warehouseId, type, quantity, orderId, onHandAfter, reservedAfter, occurredAt);
    this.reference = reference;
  }

  StockMovement(String sku, String warehouseId, Type type, int quantity, String orderId, int onHandAfter,
      int reservedAfter, Instant occurredAt) {
    this.sku = sku;
    this.warehouseId = warehouseId;
    this.type = type;
    this.quantity = quantity;
    this.orderId = orderId;
    this.onHandAfter = onHandAfter;
    this.reservedAfter = reservedAfter;
    this.occurredAt = occurredAt;
  }

  String sku() { return sku; }
  String warehouseId() { return warehouseId; }
  Type type() { return type; }
  int quantity() { return quantity; }
  String orderId() { return orderId; }
  int onHandAfter() { return onHandAfter; }
  int reservedAfter() { return reservedAfter; }
  Instant occurredAt() { return occurredAt; }
  String reference() { return reference; }
}
