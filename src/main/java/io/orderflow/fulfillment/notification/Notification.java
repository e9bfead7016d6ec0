package io.orderflow.fulfillment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a customer or a department is told about an order; an outbox row the mailer sends from. */
@Entity
@Table(name = "notification")
class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(nullable = false)
  private String audience;

  @Column(nullable = false)
  private String topic;

  @Column(name = "dedup_key", nullable = false)
  private String dedupKey;

  @Column(nullable = false)
  private String summary;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Notification() {}

  Notification(String orderId, String audience, String topic, String dedupKey, String summary, Instant now) {
    this.orderId = orderId;
    this.audience = audience;
    this.topic = topic;
    this.dedupKey = dedupKey;
    this.summary = summary.length() <= 1000 ? summary : summary.substring(0, 1000);
    this.createdAt = now;
  }

  Long id() { return id; }
  String orderId() { return orderId; }
  String audience() { return audience; }
  String topic() { return topic; }
  String summary() { return summary; }
  Instant createdAt() { return createdAt; }
  Instant sentAt() { return sentAt; }
}
