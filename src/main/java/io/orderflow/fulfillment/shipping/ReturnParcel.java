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

/**
 * The parcel a customer sends back under an RMA: booked with the courier once per RMA, from the customer to the
 * warehouse that shipped the goods. Its status follows the courier's events the way an outbound parcel's does (only
 * forward; DELIVERED means it reached the warehouse).
 */
@Entity
@Table(name = "return_parcel")
class ReturnParcel {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "rma_number", nullable = false, unique = true)
  private String rmaNumber;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Column(nullable = false)
  private String carrier;

  @Column(name = "tracking_number", nullable = false, unique = true)
  private String trackingNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Shipment.Status status;

  @Column(name = "booked_at", nullable = false)
  private Instant bookedAt;

  @Column(name = "status_since", nullable = false)
  private Instant statusSince;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  protected ReturnParcel() {}

  ReturnParcel(String rmaNumber, String orderId, String warehouseId, String carrier, String trackingNumber,
      Instant now) {
    this.rmaNumber = rmaNumber;
    this.orderId = orderId;
    this.warehouseId = warehouseId;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.status = Shipment.Status.BOOKED;
    this.bookedAt = now;
    this.statusSince = now;
  }

  /**
   * Applies one courier event: the status moves forward only; a cancelled or delivered return parcel stays so.
   *
   * @return true when this event delivered the parcel to the warehouse (the first delivery reported)
   */
  boolean report(Shipping.TrackingEventType type, Instant occurredAt) {
    if (status == Shipment.Status.DELIVERED || status == Shipment.Status.CANCELLED) {
      return false;
    }
    Shipment.Status reported = Shipment.Status.reportedBy(type);
    if (reported.ordinal() == status.ordinal() || stage(reported) < stage(status)
        || stage(reported) == stage(status) && occurredAt.isBefore(statusSince)) {
      return false;
    }
    status = reported;
    statusSince = occurredAt;
    if (reported == Shipment.Status.DELIVERED) {
      deliveredAt = occurredAt;
      return true;
    }
    return false;
  }

  private static int stage(Shipment.Status s) {
    return switch (s) {
      case BOOKED -> 0;
      case COLLECTED -> 1;
      case IN_TRANSIT -> 2;
      case OUT_FOR_DELIVERY, DELIVERY_FAILED -> 3;
      case DAMAGED -> 4;
      case DELIVERED -> 5;
      case RETURNED -> 6;
      case CANCELLED -> -1;
    };
  }

  /** The label is withdrawn (no parcel came); repeating it changes nothing. @return true when this call cancelled it */
  boolean cancel(Instant now) {
    if (status != Shipment.Status.BOOKED) {
      return false;
    }
    status = Shipment.Status.CANCELLED;
    statusSince = now;
    cancelledAt = now;
    return true;
  }

  String rmaNumber() { return rmaNumber; }
  String orderId() { return orderId; }
  String warehouseId() { return warehouseId; }
  String carrier() { return carrier; }
  String trackingNumber() { return trackingNumber; }
  Shipment.Status status() { return status; }
  Instant bookedAt() { return bookedAt; }
  Instant deliveredAt() { return deliveredAt; }
}
