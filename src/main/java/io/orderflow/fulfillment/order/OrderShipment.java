package io.orderflow.fulfillment.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One parcel of an order as the routing planned it: where it leaves from, how far it goes, what it weighs, its quote. */
@Entity
@Table(name = "order_shipment")
class OrderShipment {

  /**
   * PLANNED by the routing; BOOKED with the courier (tracking number known); SHIPPED once handed over at the dock;
   * DELIVERED; or CANCELLED before hand-over.
   */
  enum Status { PLANNED, BOOKED, SHIPPED, DELIVERED, CANCELLED, RETURNED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id")
  private CustomerOrder order;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Column(name = "distance_km", nullable = false)
  private BigDecimal distanceKm;

  @Column(name = "weight_grams", nullable = false)
  private int weightGrams;

  @Column(name = "shipping_cost")
  private BigDecimal shippingCost;

  @Column(name = "transit_days")
  private Integer transitDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "booked_at")
  private Instant bookedAt;

  @Column(name = "handed_over_at")
  private Instant handedOverAt;

  @Column(name = "cancellation_requested_at")
  private Instant cancellationRequestedAt;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "estimated_delivery")
  private Instant estimatedDelivery;

  /** The VAT invoice of this parcel, once it is issued. */
  @Column(name = "invoice_number")
  private String invoiceNumber;

  protected OrderShipment() {}

  OrderShipment(CustomerOrder order, int shipmentNo, String warehouseId, BigDecimal distanceKm, int weightGrams) {
    this.order = order;
    this.shipmentNo = shipmentNo;
    this.warehouseId = warehouseId;
    this.distanceKm = distanceKm;
    this.weightGrams = weightGrams;
    this.status = Status.PLANNED;
  }

  void quoted(BigDecimal cost, int transitDays) {
    this.shippingCost = cost;
    this.transitDays = transitDays;
  }

  void booked(String trackingNumber, Instant now) {
    this.trackingNumber = trackingNumber;
    this.bookedAt = now;
    if (status == Status.PLANNED) {
      this.status = Status.BOOKED;
    }
  }

  /** Handed over at the dock: from now on the parcel cannot be cancelled, only returned. */
  void handedOver(Instant now) {
    if (handedOverAt == null) {
      this.handedOverAt = now;
    }
  }

  void shipped(Instant now) {
    handedOver(now);
    if (status == Status.PLANNED || status == Status.BOOKED) {
      this.status = Status.SHIPPED;
    }
  }

  /** The parcel's VAT invoice was issued; its number is kept once (a repeated call with the same number is a no-op). */
  void invoiced(String invoiceNumber) {
    if (this.invoiceNumber != null && !this.invoiceNumber.equals(invoiceNumber)) {
      throw new IllegalStateException("Shipment " + shipmentNo + " already has invoice " + this.invoiceNumber);
    }
    this.invoiceNumber = invoiceNumber;
  }

  void delivered() {
    if (status != Status.CANCELLED && status != Status.RETURNED) {
      this.status = Status.DELIVERED;
    }
  }

  void cancellationRequested(String reason, Instant now) {
    if (cancellationRequestedAt == null) {
      this.cancellationRequestedAt = now;
      this.cancellationReason = reason;
    }
  }

  void cancelled(Instant now) {
    if (status != Status.CANCELLED) {
      this.status = Status.CANCELLED;
      this.cancelledAt = now;
    }
  }

  boolean cancellable() {
    return handedOverAt == null && (status == Status.PLANNED || status == Status.BOOKED);
  }

  /** Still on its way to the customer or there: neither cancelled nor returned to us. */
  boolean active() {
    return status != Status.CANCELLED && status != Status.RETURNED;
  }

  void returned() {
    if (status == Status.SHIPPED) {
      this.status = Status.RETURNED;
    }
  }

  int shipmentNo() { return shipmentNo; }
  String warehouseId() { return warehouseId; }
  BigDecimal distanceKm() { return distanceKm; }
  int weightGrams() { return weightGrams; }
  BigDecimal shippingCost() { return shippingCost; }
  Integer transitDays() { return transitDays; }
  Status status() { return status; }
  String trackingNumber() { return trackingNumber; }
  Instant bookedAt() { return bookedAt; }
  Instant handedOverAt() { return handedOverAt; }
  Instant cancellationRequestedAt() { return cancellationRequestedAt; }
  String cancellationReason() { return cancellationReason; }
  Instant cancelledAt() { return cancelledAt; }
  Instant estimatedDelivery() { return estimatedDelivery; }

  void estimatedDelivery(Instant eta) {
    this.estimatedDelivery = eta;
  }
  String invoiceNumber() { return invoiceNumber; }
}
