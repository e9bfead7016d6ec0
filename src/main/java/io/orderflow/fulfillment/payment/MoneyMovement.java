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

/** One movement of an order's money, recorded once per business key. The amount is positive; the kind gives its sense. */
@Entity
@Table(name = "money_movement")
class MoneyMovement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MoneyMovements.Kind kind;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column
  private String reference;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected MoneyMovement() {}

  MoneyMovement(String orderId, MoneyMovements.Kind kind, BigDecimal amount, String currency, String reference,
      String businessKey, Instant occurredAt) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("A money movement's amount is positive; its kind gives the direction");
    }
    this.orderId = orderId;
    this.kind = kind;
    this.amount = amount;
    this.currency = currency;
    this.reference = reference;
    this.businessKey = businessKey;
    this.occurredAt = occurredAt;
  }

  String orderId() { return orderId; }
  MoneyMovements.Kind kind() { return kind; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String reference() { return reference; }
  String businessKey() { return businessKey; }
  Instant occurredAt() { return occurredAt; }
}
