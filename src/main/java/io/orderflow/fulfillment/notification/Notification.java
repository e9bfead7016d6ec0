package io.orderflow.fulfillment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a customer or a department is told about an order, or a department about another business document (a
 * purchase order: {@code reference}, no order); an outbox row the mailer sends from. The mailer claims
 * a row for a lease before it sends it and records the outcome with conditional updates (see
 * {@link NotificationRepository}), so the delivery columns are only read here.
 */
@Entity
@Table(name = "notification")
class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The order the notification is about; null for one about another document ({@link #reference}). */
  @Column(name = "order_id")
  private String orderId;

  /** The document a department notification is about when it is not an order, e.g. {@code PO-2026-000123}. */
  private String reference;

  /** The customer's address of a customer mail about a document that is not an order (a campaign offer). */
  private String recipient;

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

  /** The reason or answer that came with the step (also part of the summary); null when there was none. */
  private String detail;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** Send attempts so far; each claim counts one. */
  @Column(nullable = false)
  private int attempts;

  @Column(name = "claim_token")
  private String claimToken;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  /** Set when the mailer gave up: the last attempt failed, or the error cannot go away by retrying. */
  @Column(name = "failed_at")
  private Instant failedAt;

  protected Notification() {}

  /** A department's notification about a document that is not an order (the reference names it). */
  static Notification about(String reference, String audience, String topic, String dedupKey, String summary,
      String detail, Instant now) {
    Notification n = new Notification(null, audience, topic, dedupKey, summary, detail, now);
    n.reference = reference;
    return n;
  }

  /** A customer's mail about a document that is not an order (a campaign offer), to the given address. */
  static Notification toCustomer(String recipient, String reference, String topic, String dedupKey, String summary,
      String detail, Instant now) {
    Notification n = about(reference, Audience.CUSTOMER.code(), topic, dedupKey, summary, detail, now);
    n.recipient = recipient;
    return n;
  }

  Notification(String orderId, String audience, String topic, String dedupKey, String summary, String detail,
      Instant now) {
    this.orderId = orderId;
    this.audience = audience;
    this.topic = topic;
    this.dedupKey = dedupKey;
    this.summary = truncate(summary);
    this.detail = detail == null ? null : truncate(detail);
    this.createdAt = now;
  }

  private static String truncate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }

  Long id() { return id; }
  String orderId() { return orderId; }
  String reference() { return reference; }
  String recipient() { return recipient; }
  String audience() { return audience; }
  String topic() { return topic; }
  String summary() { return summary; }
  Instant createdAt() { return createdAt; }
  String detail() { return detail; }
  Instant sentAt() { return sentAt; }
  int attempts() { return attempts; }
  String claimToken() { return claimToken; }
  Instant claimedUntil() { return claimedUntil; }
  Instant nextAttemptAt() { return nextAttemptAt; }
  String lastError() { return lastError; }
  Instant failedAt() { return failedAt; }
}
