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

/** One parcel of an order as the routing planned it: where it leaves from, how far it goes, what it weighs, its quote. */
@Entity
@Table(name = "order_shipment")
class OrderShipment {

  enum Status { PLANNED, SHIPPED, DELIVERED }

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

  void shipped(String trackingNumber) {
    this.trackingNumber = trackingNumber;
    if (status == Status.PLANNED) {
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
    this.status = Status.DELIVERED;
  }

  int shipmentNo() { return shipmentNo; }
  String warehouseId() { return warehouseId; }
  BigDecimal distanceKm() { return distanceKm; }
  int weightGrams() { return weightGrams; }
  BigDecimal shippingCost() { return shippingCost; }
  Integer transitDays() { return transitDays; }
  Status status() { return status; }
  String trackingNumber() { return trackingNumber; }
  String invoiceNumber() { return invoiceNumber; }
}
