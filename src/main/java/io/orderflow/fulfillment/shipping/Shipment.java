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

  /**
   * Where the parcel is, in the order it gets there. A status only moves forward: an event reported late (a lower
   * stage than the parcel has reached) is kept in the history but leaves the status alone. Within the last stage
   * before delivery the parcel can go back and forth between out for delivery and a failed attempt, so there the
   * later event wins. DELIVERED is final; so is CANCELLED, a booking withdrawn before the courier collected the parcel.
   */
  enum Status {
    BOOKED(0), COLLECTED(1), IN_TRANSIT(2), OUT_FOR_DELIVERY(3), DELIVERY_FAILED(3), DAMAGED(4), DELIVERED(5),
    CANCELLED(-1), RETURNED(6);

    private final int stage;

    Status(int stage) {
      this.stage = stage;
    }

    static Status reportedBy(Shipping.TrackingEventType type) {
      return switch (type) {
        case COLLECTED -> COLLECTED;
        case IN_TRANSIT -> IN_TRANSIT;
        case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
        case DELIVERY_FAILED -> DELIVERY_FAILED;
        case DAMAGED -> DAMAGED;
        case DELIVERED -> DELIVERED;
        case RETURNED -> RETURNED;
      };
    }
  }

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

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "return_requested_at")
  private Instant returnRequestedAt;

  @Column(name = "status_since")
  private Instant statusSince;

  @Column(name = "estimated_delivery")
  private Instant estimatedDelivery;

  @Column(name = "eta_reported_at")
  private Instant etaReportedAt;

  @Column(name = "collection_planned_at")
  private Instant collectionPlannedAt;

  protected Shipment() {}

  int shipmentNo() { return shipmentNo; }

  Shipment(String orderId, int shipmentNo, String warehouseId, String carrier, String trackingNumber, String packageType,
      int weightGrams, Instant now) {
    this(orderId, shipmentNo, warehouseId, carrier, trackingNumber, packageType, weightGrams, now, null);
  }

  Shipment(String orderId, int shipmentNo, String warehouseId, String carrier, String trackingNumber, String packageType,
      int weightGrams, Instant now, Instant collectionPlannedAt) {
    this.orderId = orderId;
    this.shipmentNo = shipmentNo;
    this.warehouseId = warehouseId;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.packageType = packageType;
    this.weightGrams = weightGrams;
    this.status = Status.BOOKED;
    this.bookedAt = now;
    this.statusSince = now;
    this.collectionPlannedAt = collectionPlannedAt;
  }

  /**
   * Applies one carrier event: the status moves forward only (see {@link Status}), and an ETA replaces the one known
   * only if its event happened later than the event that announced the known one.
   *
   * @return true when this event delivered the parcel (the first delivery reported)
   */
  boolean report(Shipping.TrackingEventType type, Instant occurredAt, Instant eta) {
    if (eta != null && (etaReportedAt == null || occurredAt.isAfter(etaReportedAt))) {
      estimatedDelivery = eta;
      etaReportedAt = occurredAt;
    }
    Status reported = Status.reportedBy(type);
    if (status == Status.DELIVERED || status == Status.CANCELLED || status == Status.RETURNED) {
      return false;
    }
    boolean forward = reported.stage > status.stage
        || reported.stage == status.stage && reported != status && !occurredAt.isBefore(statusSince);
    if (!forward) {
      return false;
    }
    status = reported;
    statusSince = occurredAt;
    if (reported == Status.DELIVERED) {
      deliveredAt = occurredAt;
      return true;
    }
    return false;
  }

  /**
   * The booking is withdrawn (the order's parcel was cancelled before hand-over). Repeating it changes nothing.
   *
   * @return true when this call cancelled it
   * @throws io.orderflow.fulfillment.shared.ConflictException once the courier has the parcel
   */
  boolean cancel(Instant now) {
    if (status == Status.CANCELLED) {
      return false;
    }
    if (status != Status.BOOKED) {
      throw new io.orderflow.fulfillment.shared.ConflictException("Parcel " + trackingNumber
          + " is already with the courier (" + status + "); its booking cannot be cancelled");
    }
    status = Status.CANCELLED;
    statusSince = now;
    cancelledAt = now;
    return true;
  }

  /** The courier was asked to bring the parcel back (the first request counts). */
  void returnRequested(Instant now) {
    if (returnRequestedAt == null) {
      returnRequestedAt = now;
    }
  }

  String orderId() { return orderId; }
  String carrier() { return carrier; }
  String trackingNumber() { return trackingNumber; }
  String packageType() { return packageType; }
  int weightGrams() { return weightGrams; }
  Instant bookedAt() { return bookedAt; }
  Status status() { return status; }
  String warehouseId() { return warehouseId; }
  Instant deliveredAt() { return deliveredAt; }
  Instant estimatedDelivery() { return estimatedDelivery; }
  Instant collectionPlannedAt() { return collectionPlannedAt; }
}
