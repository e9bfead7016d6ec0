package io.orderflow.fulfillment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The courier's report of the cash it collected for an order, once per collection id and once per order. */
@Entity
@Table(name = "cash_collection")
class CashCollection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "collection_id", nullable = false, unique = true)
  private String collectionId;

  @Column(name = "order_id", nullable = false, unique = true)
  private String orderId;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CashOnDelivery.Outcome outcome;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected CashCollection() {}

  CashCollection(String collectionId, String orderId, String trackingNumber, BigDecimal amount, String currency,
      CashOnDelivery.Outcome outcome, Instant now) {
    this.collectionId = collectionId;
    this.orderId = orderId;
    this.trackingNumber = trackingNumber;
    this.amount = amount;
    this.currency = currency;
    this.outcome = outcome;
    this.reportedAt = now;
  }

  void published(Instant now) {
    this.publishedAt = now;
  }

  String collectionId() { return collectionId; }
  String orderId() { return orderId; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  CashOnDelivery.Outcome outcome() { return outcome; }
  Instant publishedAt() { return publishedAt; }
}
