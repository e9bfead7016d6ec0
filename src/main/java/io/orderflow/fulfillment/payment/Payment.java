package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.process.PaymentProcess.Methods;
import io.orderflow.fulfillment.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payment of one order: the method the customer chose, the amount to secure (fixed when the payment opens: the
 * goods that ship plus the accepted shipping cost), where it stands and what arrived. For a card it holds the
 * provider's token of the card to try next (never card data) and the number of that attempt.
 */
@Entity
@Table(name = "payment")
class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, unique = true)
  private String orderId;

  @Column(nullable = false)
  private String method;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  /** The provider's token of the card (pm_…) that the current attempt uses. */
  @Column(name = "payment_method_id")
  private String paymentMethodId;

  /** The card attempt the token belongs to: 1 for the card given at checkout, +1 for each card given later. */
  @Column(name = "card_attempt", nullable = false)
  private int cardAttempt;

  /** The last attempt whose new card was passed on to the process (card-updated), so a retry publishes it once. */
  @Column(name = "card_update_published", nullable = false)
  private int cardUpdatePublished;

  @Column(name = "transfer_reference")
  private String transferReference;

  @Column(name = "received_amount")
  private BigDecimal receivedAmount;

  /** The share of cancelled parcels: no longer to be captured, collected or invoiced. */
  @Column(name = "cancelled_amount", nullable = false)
  private BigDecimal cancelledAmount = BigDecimal.ZERO;

  /** What went back to the card, or is owed back to the payer, so far. */
  @Column(name = "refunded_amount", nullable = false)
  private BigDecimal refundedAmount = BigDecimal.ZERO;

  @Column
  private String detail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private int version;

  protected Payment() {}

  Payment(String orderId, String method, BigDecimal amount, String currency, String paymentMethodId, Instant now) {
    this.orderId = orderId;
    this.method = method;
    this.status = PaymentStatus.PENDING;
    this.amount = amount;
    this.currency = currency;
    boolean card = Methods.CARD.equals(method);
    this.paymentMethodId = card ? paymentMethodId : null;
    this.cardAttempt = card ? 1 : 0;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void status(PaymentStatus status, String detail, Instant now) {
    this.status = status;
    this.detail = detail == null ? null : detail.length() <= 500 ? detail : detail.substring(0, 500);
    this.updatedAt = now;
  }

  /**
   * The customer gives another card while the payment waits for one. If the current token was already tried, the new
   * one opens the next attempt; if not (the customer corrects a card not tried yet), it replaces the token of the
   * attempt.
   *
   * @return the attempt the new card belongs to
   */
  int newCard(String token, boolean currentAttemptTried, Instant now) {
    requireMethod(Methods.CARD, "take another card");
    if (status != PaymentStatus.AWAITING_CARD_UPDATE) {
      throw new ConflictException("The payment of order " + orderId + " is not waiting for another card (it is "
          + status + ")");
    }
    if (currentAttemptTried) {
      cardAttempt++;
    }
    this.paymentMethodId = token;
    this.updatedAt = now;
    return cardAttempt;
  }

  /** Whether the process still has to hear about the card of the current attempt. */
  boolean cardUpdateToPublish() {
    return cardUpdatePublished < cardAttempt;
  }

  void cardUpdatePublished(int attempt) {
    this.cardUpdatePublished = Math.max(cardUpdatePublished, attempt);
  }

  /** The creditor reference the transfer must quote; set once. */
  void transferReference(String reference, Instant now) {
    requireMethod(Methods.BANK_TRANSFER, "be paid by bank transfer");
    if (transferReference == null) {
      this.transferReference = reference;
      this.updatedAt = now;
    }
  }

  /** Money arrived for this payment: a bank transfer, or the cash the courier reports. */
  void received(BigDecimal amount, Instant now) {
    this.receivedAmount = amount;
    this.updatedAt = now;
  }

  /** A parcel (or the rest of the order) was cancelled: its share is no longer expected. Never below zero. */
  void cancelShare(BigDecimal share, Instant now) {
    this.cancelledAmount = cancelledAmount.add(share).min(amount);
    this.updatedAt = now;
  }

  /** Money went back to the card or is owed back to the payer. */
  void refunded(BigDecimal refund, Instant now) {
    this.refundedAmount = refundedAmount.add(refund);
    this.updatedAt = now;
  }

  private void requireMethod(String expected, String attempted) {
    if (!expected.equals(method)) {
      throw new ConflictException("Order " + orderId + " is paid by " + method + " and cannot " + attempted);
    }
  }

  String orderId() { return orderId; }
  String method() { return method; }
  PaymentStatus status() { return status; }
  /** The amount the payment opened with (goods that ship plus shipping), before any parcel was cancelled. */
  BigDecimal amount() { return amount; }
  BigDecimal cancelledAmount() { return cancelledAmount; }
  BigDecimal refundedAmount() { return refundedAmount; }

  /** What is still to be captured, collected or invoiced: the amount less the share of cancelled parcels. */
  BigDecimal amountDue() {
    return amount.subtract(cancelledAmount);
  }
  String currency() { return currency; }
  String paymentMethodId() { return paymentMethodId; }
  int cardAttempt() { return cardAttempt; }
  String transferReference() { return transferReference; }
  BigDecimal receivedAmount() { return receivedAmount; }
  String detail() { return detail; }

  /** The amount due and currency as people read them: "51.80 EUR". */
  String money() {
    return money(amountDue());
  }

  String money(BigDecimal value) {
    return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
  }
}
