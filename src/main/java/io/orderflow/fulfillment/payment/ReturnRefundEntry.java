package io.orderflow.fulfillment.payment;

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
 * What refunding one return did, once per order and RMA number (the business key: a repeated job finds it). A card
 * refund is stored PENDING before the provider is asked (its amount is already counted as refunded on the payment, so
 * nothing else can refund it again), then DONE with the provider's refund id. A refund owed back is PAYOUT_DUE until
 * finance pays it out (PAID_OUT with their reference).
 */
@Entity
@Table(name = "return_refund")
class ReturnRefundEntry {

  enum Status { PENDING, DONE, PAYOUT_DUE, PAID_OUT }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "rma_number", nullable = false)
  private String rmaNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "refund_choice", nullable = false)
  private RefundChoice choice;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnRefundAction action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "requested_amount", nullable = false)
  private BigDecimal requestedAmount;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column(name = "payout_reference")
  private String payoutReference;

  @Column
  private String note;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "paid_out_at")
  private Instant paidOutAt;

  @Version
  private int version;

  protected ReturnRefundEntry() {}

  private ReturnRefundEntry(String orderId, String rmaNumber, RefundChoice choice, ReturnRefundAction action,
      Status status, BigDecimal requestedAmount, BigDecimal amount, String currency, String reference, String note,
      Instant now) {
    this.orderId = orderId;
    this.rmaNumber = rmaNumber;
    this.choice = choice;
    this.action = action;
    this.status = status;
    this.requestedAmount = requestedAmount;
    this.amount = amount;
    this.currency = currency;
    this.providerReference = reference;
    this.note = note == null ? null : note.length() <= 300 ? note : note.substring(0, 300);
    this.createdAt = now;
    this.completedAt = status == Status.DONE ? now : null;
  }

  /** Done at once: store credit (its code), a reduction (the invoice number, if any) or nothing. */
  static ReturnRefundEntry done(String orderId, String rmaNumber, RefundChoice choice, ReturnRefundAction action,
      BigDecimal requestedAmount, BigDecimal amount, String currency, String reference, String note, Instant now) {
    if (action == ReturnRefundAction.CARD_REFUNDED || action == ReturnRefundAction.BANK_PAYOUT_DUE) {
      throw new IllegalArgumentException(action + " is not done at once");
    }
    return new ReturnRefundEntry(orderId, rmaNumber, choice, action, Status.DONE, requestedAmount, amount, currency,
        reference, note, now);
  }

  /** A card refund reserved against the capture; the provider is asked next. */
  static ReturnRefundEntry cardRefundPending(String orderId, String rmaNumber, RefundChoice choice,
      BigDecimal requestedAmount, BigDecimal amount, String currency, Instant now) {
    return new ReturnRefundEntry(orderId, rmaNumber, choice, ReturnRefundAction.CARD_REFUNDED, Status.PENDING,
        requestedAmount, amount, currency, null, null, now);
  }

  /** Money received otherwise is owed back; finance pays it out. */
  static ReturnRefundEntry payoutDue(String orderId, String rmaNumber, RefundChoice choice, BigDecimal requestedAmount,
      BigDecimal amount, String currency, Instant now) {
    return new ReturnRefundEntry(orderId, rmaNumber, choice, ReturnRefundAction.BANK_PAYOUT_DUE, Status.PAYOUT_DUE,
        requestedAmount, amount, currency, null, null, now);
  }

  /** The provider confirmed the card refund; a second confirmation keeps the first. */
  void cardRefunded(String refundId, Instant now) {
    if (status != Status.PENDING) {
      return;
    }
    this.providerReference = refundId;
    this.status = Status.DONE;
    this.completedAt = now;
  }

  /**
   * Finance paid the refund out; the same reference again changes nothing.
   *
   * @return whether it was recorded now
   * @throws ConflictException when no payout is due, or it was paid out under another reference
   */
  boolean paidOut(String reference, Instant now) {
    if (action != ReturnRefundAction.BANK_PAYOUT_DUE) {
      throw new ConflictException("Return " + rmaNumber + " of order " + orderId + " was refunded as " + action
          + "; no payout is due");
    }
    if (status == Status.PAID_OUT) {
      if (payoutReference.equals(reference)) {
        return false;
      }
      throw new ConflictException("The refund of return " + rmaNumber + " was paid out already, reference "
          + payoutReference);
    }
    this.payoutReference = reference;
    this.status = Status.PAID_OUT;
    this.paidOutAt = now;
    this.completedAt = now;
    return true;
  }

  boolean pending() {
    return status == Status.PENDING;
  }

  /** The reference the outcome shows: the payout's for a payout, the provider's or the credit's otherwise. */
  String reference() {
    return action == ReturnRefundAction.BANK_PAYOUT_DUE ? payoutReference : providerReference;
  }

  String orderId() { return orderId; }
  String rmaNumber() { return rmaNumber; }
  RefundChoice choice() { return choice; }
  ReturnRefundAction action() { return action; }
  Status status() { return status; }
  BigDecimal requestedAmount() { return requestedAmount; }
  BigDecimal amount() { return amount; }
  String currency() { return currency; }
  String providerReference() { return providerReference; }
  String payoutReference() { return payoutReference; }
  String note() { return note; }
  Instant createdAt() { return createdAt; }
  Instant paidOutAt() { return paidOutAt; }
}
