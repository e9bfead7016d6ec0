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
@Table(name = "tracking_event")
class TrackingEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  private String eventId;

  @Column(name = "tracking_number", nullable = false)
  private String trackingNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false)
  private Shipping.TrackingEventType type;

  private String location;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "estimated_delivery")
  private Instant estimatedDelivery;

  private String reason;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected TrackingEvent() {}

  TrackingEvent(String eventId, String trackingNumber, Shipping.TrackingEventType type, String location, Instant occurredAt, Instant now) {
    this(eventId, trackingNumber, type, location, occurredAt, null, null, now);
  }

  TrackingEvent(String eventId, String trackingNumber, Shipping.TrackingEventType type, String location,
      Instant occurredAt, Instant estimatedDelivery, String reason, Instant now) {
    this.estimatedDelivery = estimatedDelivery;
    this.reason = reason;
    this.eventId = eventId;
    this.trackingNumber = trackingNumber;
    this.type = type;
    this.location = location;
    this.occurredAt = occurredAt;
    this.receivedAt = now;
  }

  void published(Instant now) {
    this.publishedAt = now;
  }

  String eventId() { return eventId; }
  Shipping.TrackingEventType type() { return type; }
  Instant occurredAt() { return occurredAt; }
  Instant publishedAt() { return publishedAt; }
  String trackingNumber() { return trackingNumber; }
  String location() { return location; }
  Instant estimatedDelivery() { return estimatedDelivery; }
  String reason() { return reason; }
}
