package io.orderflow.fulfillment.returns;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an RMA stands. REQUESTED → IN_REVIEW → APPROVED | REJECTED (the eligibility decision may approve or reject
 * at once); APPROVED → AWAITING_PARCEL (label issued) → ARRIVED → INSPECTED → REFUND_PENDING (bank payout due) →
 * REFUNDED | REPLACED → CLOSED; INSPECTED → CLOSED when nothing came back; AWAITING_PARCEL → EXPIRED.
 */
public enum ReturnStatus {
  REQUESTED, IN_REVIEW, APPROVED, REJECTED, AWAITING_PARCEL, ARRIVED, INSPECTED, REFUND_PENDING, REFUNDED, REPLACED,
  EXPIRED, CLOSED;

  /** The statuses an RMA may move to from this one. */
  Set<ReturnStatus> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(IN_REVIEW, APPROVED, REJECTED);
      case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED);
      case APPROVED -> EnumSet.of(AWAITING_PARCEL);
      case AWAITING_PARCEL -> EnumSet.of(ARRIVED, EXPIRED);
      case ARRIVED -> EnumSet.of(INSPECTED);
      case INSPECTED -> EnumSet.of(REFUND_PENDING, REFUNDED, REPLACED, CLOSED);
      case REFUND_PENDING -> EnumSet.of(REFUNDED);
      case REFUNDED, REPLACED -> EnumSet.of(CLOSED);
      case REJECTED, EXPIRED, CLOSED -> EnumSet.noneOf(ReturnStatus.class);
    };
  }

  /** Still being handled: neither rejected, expired nor closed. */
  public boolean open() {
    return this != REJECTED && this != EXPIRED && this != CLOSED;
  }

  /** Its units count against what may still be returned: every RMA that was not rejected or expired. */
  boolean coversUnits() {
    return this != REJECTED && this != EXPIRED;
  }
}
