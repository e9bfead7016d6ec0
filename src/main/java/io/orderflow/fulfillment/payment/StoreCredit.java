package io.orderflow.fulfillment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One store credit: issued once for one return to the customer's e-mail (lower case), with a readable code. */
@Entity
@Table(name = "store_credit")
class StoreCredit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(name = "customer_email", nullable = false)
  private String customerEmail;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "source_order_id", nullable = false)
  private String sourceOrderId;

  @Column(name = "source_rma_number", nullable = false)
  private String sourceRmaNumber;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  protected StoreCredit() {}

  StoreCredit(String code, String customerEmail, BigDecimal amount, String currency, String sourceOrderId,
      String sourceRmaNumber, Instant issuedAt) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("Store credit is more than zero");
    }
    this.code = code;
    this.customerEmail = customerEmail;
    this.amount = amount;
    this.currency = currency;
    this.sourceOrderId = sourceOrderId;
    this.sourceRmaNumber = sourceRmaNumber;
    this.issuedAt = issuedAt;
  }

  String code() { return code; }
  String customerEmail() { return customerEmail; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String sourceOrderId() { return sourceOrderId; }
  String sourceRmaNumber() { return sourceRmaNumber; }
  Instant issuedAt() { return issuedAt; }
}
