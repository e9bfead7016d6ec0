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

/** The provider's answer for one order. Only the provider's reference is stored, never card data. */
@Entity
@Table(name = "payment_authorization")
class PaymentAuthorization {

  enum Status { AUTHORIZED, DECLINED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, unique = true)
  private String orderId;

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

  static PaymentAuthorization approved(String orderId, BigDecimal amount, String currency, String reference, Instant now) {
    PaymentAuthorization p = new PaymentAuthorization(orderId, amount, currency, now);
    p.status = Status.AUTHORIZED;
    p.providerReference = reference;
    return p;
  }

  static PaymentAuthorization declined(String orderId, BigDecimal amount, String currency, String code, Instant now) {
    PaymentAuthorization p = new PaymentAuthorization(orderId, amount, currency, now);
    p.status = Status.DECLINED;
    p.declineCode = code;
    return p;
  }

  private PaymentAuthorization(String orderId, BigDecimal amount, String currency, Instant now) {
    this.orderId = orderId;
    this.amount = amount;
    this.currency = currency;
    this.createdAt = now;
  }

  Status status() { return status; }
  String providerReference() { return providerReference; }
  String declineCode() { return declineCode; }
}
