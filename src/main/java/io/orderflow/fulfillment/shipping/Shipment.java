package io.orderflow.fulfillment.shipping;

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
@Table(name = "shipment")
class Shipment {

  enum Status { BOOKED, IN_TRANSIT, DELIVERED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Column(nullable = false)
  private String carrier;

  @Column(name = "tracking_number", nullable = false, unique = true)
  private String trackingNumber;

  @Column(name = "package_type", nullable = false)
  private String packageType;

  @Column(name = "weight_grams", nullable = false)
  private int weightGrams;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "booked_at", nullable = false)
  private Instant bookedAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected Shipment() {}

  int shipmentNo() { return shipmentNo; }

  Shipment(String orderId, int shipmentNo, String warehouseId, String carrier, String trackingNumber, String packageType,
      int weightGrams, Instant now) {
    this.orderId = orderId;
    this.shipmentNo = shipmentNo;
    this.warehouseId = warehouseId;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.packageType = packageType;
    this.weightGrams = weightGrams;
    this.status = Status.BOOKED;
    this.bookedAt = now;
  }

  void inTransit() {
    if (status == Status.BOOKED) {
      status = Status.IN_TRANSIT;
    }
  }

  /** @return false when the delivery was already recorded */
  boolean delivered(Instant at) {
    if (status == Status.DELIVERED) {
      return false;
    }
    status = Status.DELIVERED;
    deliveredAt = at;
    return true;
  }

  String orderId() { return orderId; }
  String carrier() { return carrier; }
  String trackingNumber() { return trackingNumber; }
  String packageType() { return packageType; }
  int weightGrams() { return weightGrams; }
  Instant bookedAt() { return bookedAt; }
  Status status() { return status; }
}
