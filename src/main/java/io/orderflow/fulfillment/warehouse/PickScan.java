package io.orderflow.fulfillment.warehouse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One scanned unit of a parcel's pick list; unique per (order, parcel, SKU, unit) and per (SKU, serial number). */
@Entity
@Table(name = "pick_scan")
class PickScan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(nullable = false)
  private String sku;

  @Column(name = "unit_no", nullable = false)
  private int unitNo;

  @Column(name = "serial_number")
  private String serialNumber;

  @Column(name = "scanned_at", nullable = false)
  private Instant scannedAt;

  @Column(name = "picked_at")
  private Instant pickedAt;

  protected PickScan() {}

  PickScan(String orderId, int shipmentNo, String sku, int unitNo, String serialNumber, Instant scannedAt) {
    this.orderId = orderId;
    this.shipmentNo = shipmentNo;
    this.sku = sku;
    this.unitNo = unitNo;
    this.serialNumber = serialNumber;
    this.scannedAt = scannedAt;
  }

  String orderId() { return orderId; }
  int shipmentNo() { return shipmentNo; }
  String sku() { return sku; }
  int unitNo() { return unitNo; }
  String serialNumber() { return serialNumber; }
  Instant pickedAt() { return pickedAt; }
}
