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
 * What undoing the payment did: once for the whole order ({@code shipmentNo} 0) and once per cancelled parcel, so a
 * repeated job finds it and does nothing again.
 */
@Entity
@Table(name = "payment_cancellation")
class PaymentCancellation {

  /** The whole order, as opposed to one of its parcels. */
  static final int WHOLE_ORDER = 0;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Payments.CancellationAction action;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column
  private String reason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PaymentCancellation() {}

  PaymentCancellation(String orderId, int shipmentNo, Payments.CancellationAction action, BigDecimal amount,
      String currency, String providerReference, String reason, Instant now) {
    this.orderId = orderId;
    this.shipmentNo = shipmentNo;
    this.action = action;
    this.amount = amount;
    this.currency = currency;
    this.providerReference = providerReference;
    this.reason = reason == null ? null : reason.length() <= 300 ? reason : reason.substring(0, 300);
    this.createdAt = now;
  }

  String orderId() { return orderId; }
  int shipmentNo() { return shipmentNo; }
  Payments.CancellationAction action() { return action; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String providerReference() { return providerReference; }
}
