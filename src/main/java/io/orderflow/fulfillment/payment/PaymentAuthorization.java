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

/**
 * The provider's answer to one authorization attempt of an order (attempt 1 with the card given at checkout, then one
 * per card the customer gives after a decline). Only the provider's reference is stored, never card data.
 */
@Entity
@Table(name = "payment_authorization")
class PaymentAuthorization {

  enum Status { AUTHORIZED, DECLINED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "attempt_no", nullable = false)
  private int attemptNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column(name = "decline_code")
  private String declineCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PaymentAuthorization() {}

  static PaymentAuthorization approved(String orderId, int attemptNo, BigDecimal amount, String currency,
      String reference, Instant now) {
    PaymentAuthorization p = new PaymentAuthorization(orderId, attemptNo, amount, currency, now);
    p.status = Status.AUTHORIZED;
    p.providerReference = reference;
    return p;
  }

  static PaymentAuthorization declined(String orderId, int attemptNo, BigDecimal amount, String currency, String code,
      Instant now) {
    PaymentAuthorization p = new PaymentAuthorization(orderId, attemptNo, amount, currency, now);
    p.status = Status.DECLINED;
    p.declineCode = code;
    return p;
  }

  private PaymentAuthorization(String orderId, int attemptNo, BigDecimal amount, String currency, Instant now) {
    this.orderId = orderId;
    this.attemptNo = attemptNo;
    this.amount = amount;
    this.currency = currency;
    this.createdAt = now;
  }

  int attemptNo() { return attemptNo; }
  Status status() { return status; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String providerReference() { return providerReference; }
  String declineCode() { return declineCode; }
}
