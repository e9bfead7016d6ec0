package io.orderflow.fulfillment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The capture of an order's authorized card amount: once per order, by the first parcel that ships. */
@Entity
@Table(name = "payment_capture")
class PaymentCapture {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, unique = true)
  private String orderId;

  @Column(name = "attempt_no", nullable = false)
  private int attemptNo;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "provider_reference", nullable = false)
  private String providerReference;

  @Column(name = "captured_at", nullable = false)
  private Instant capturedAt;

  protected PaymentCapture() {}

  PaymentCapture(String orderId, int attemptNo, int shipmentNo, BigDecimal amount, String currency,
      String providerReference, Instant now) {
    this.orderId = orderId;
    this.attemptNo = attemptNo;
    this.shipmentNo = shipmentNo;
    this.amount = amount;
    this.currency = currency;
    this.providerReference = providerReference;
    this.capturedAt = now;
  }

  String orderId() { return orderId; }
  int shipmentNo() { return shipmentNo; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String providerReference() { return providerReference; }
}
