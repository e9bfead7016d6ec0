package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefundAction;

import io.orderflow.fulfillment.shared.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RMA: a return or complaint for some lines of a delivered order. It owns its status and refuses transitions that
 * {@link ReturnStatus} does not allow (409); every transition appends an entry to its history. A step repeated with the
 * same outcome (a job delivered twice) changes nothing.
 */
@Entity
@Table(name = "return_request")
class ReturnRequest {

  /** The overall eligibility: every line approved (or some rejected, the rest approved), a person needed, or none. */
  enum Eligibility { APPROVED, REVIEW, REJECTED }

  @Id
  private String id;

  @Column(name = "rma_number", nullable = false, unique = true)
  private String rmaNumber;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnReason reason;

  private String notes;

  @Enumerated(EnumType.STRING)
  @Column(name = "refund_choice", nullable = false)
  private RefundChoice refundChoice;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnStatus status;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Column(name = "days_since_delivery", nullable = false)
  private int daysSinceDelivery;

  @Column(name = "return_tracking_number")
  private String returnTrackingNumber;

  private String carrier;

  @Column(name = "label_issued_at")
  private Instant labelIssuedAt;

  @Column(name = "arrived_at")
  private Instant arrivedAt;

  @Column(name = "inspected_at")
  private Instant inspectedAt;

  @Column(name = "scanned_items")
  private String scannedItems;

  @Column(name = "complaint_resolution")
  private String complaintResolution;

  @Column(name = "resolution_note")
  private String resolutionNote;

  @Column(name = "review_note")
  private String reviewNote;

  @Enumerated(EnumType.STRING)
  @Column(name = "refund_action")
  private ReturnRefundAction refundAction;

  @Column(name = "refund_amount")
  private BigDecimal refundAmount;

  @Column(name = "refund_currency")
  private String refundCurrency;

  @Column(name = "refund_reference")
  private String refundReference;

  @Column(name = "shipping_refunded")
  private BigDecimal shippingRefunded;

  @Column(name = "payout_reference")
  private String payoutReference;

  @Column(name = "replacement_order_id")
  private String replacementOrderId;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<ReturnLine> lines = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<ReturnPhoto> photos = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ReturnExtraItem> extraItems = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ReturnEvent> events = new ArrayList<>();

  protected ReturnRequest() {}

  ReturnRequest(String id, String rmaNumber, String orderId, ReturnKind kind, ReturnReason reason, String notes,
      RefundChoice refundChoice, String requestedBy, String warehouseId, int daysSinceDelivery, Instant now) {
    if (kind == ReturnKind.COMPLAINT && !reason.shopFault()) {
      throw new IllegalArgumentException("A complaint needs a reason that is the shop's fault, not " + reason);
    }
    this.id = id;
    this.rmaNumber = rmaNumber;
    this.orderId = orderId;
    this.kind = kind;
    this.reason = reason;
    this.notes = cut(notes, 2000);
    this.refundChoice = refundChoice == null ? RefundChoice.ORIGINAL_METHOD : refundChoice;
    this.requestedBy = cut(requestedBy, 100);
    this.warehouseId = warehouseId;
    this.daysSinceDelivery = daysSinceDelivery;
    this.status = ReturnStatus.REQUESTED;
    this.requestedAt = now;
    this.updatedAt = now;
    event(now, ReturnStatus.REQUESTED.name(), kind + " " + reason + " by " + this.requestedBy);
  }

  void addLine(int lineNo, String sku, String productName, String category, int quantity, BigDecimal unitPrice) {
    if (line(lineNo).isPresent()) {
      throw new IllegalArgumentException("Line " + lineNo + " is on the RMA already");
    }
    lines.add(new ReturnLine(this, lineNo, sku, productName, category, quantity, unitPrice));
  }

  void addPhoto(String url) {
    photos.add(new ReturnPhoto(this, photos.size() + 1, url));
  }

  void processStarted(long key) {
    if (processInstanceKey == null) {
      this.processInstanceKey = key;
    }
  }

  /**
   * The eligibility decision per line. All approved, or some rejected and the rest approved → APPROVED (the RMA is
   * approved); any line for review → REVIEW (IN_REVIEW); none approved → REJECTED (the reject step follows).
   */
  Eligibility eligibilityDecided(Map<Integer, ReturnLine.Eligibility> decisions, Map<Integer, String> explanations,
      Instant now) {
    if (status != ReturnStatus.REQUESTED) {
      return eligibility();
    }
    for (ReturnLine line : lines) {
      ReturnLine.Eligibility decision = decisions.get(line.lineNo());
      if (decision == null) {
        throw new IllegalArgumentException(rmaNumber + ": no eligibility decided for line " + line.lineNo());
      }
      line.decided(decision, explanations.get(line.lineNo()));
    }
    Eligibility result = eligibility();
    if (result == Eligibility.APPROVED) {
      move(ReturnStatus.APPROVED, "approved by the eligibility rules", now);
    } else if (result == Eligibility.REVIEW) {
      move(ReturnStatus.IN_REVIEW, "customer service reviews it", now);
    } else {
      event(now, "ELIGIBILITY_REJECTED", explanations.values().stream().filter(e -> e != null && !e.isBlank())
          .findFirst().orElse("no line can be returned"));
      this.updatedAt = now;
    }
    return result;
  }

  /** Customer service approved or rejected the lines that needed a person. */
  Eligibility reviewed(boolean approve, String note, Instant now) {
    if (status != ReturnStatus.IN_REVIEW) {
      if (status == ReturnStatus.REQUESTED) {
        throw illegal("reviewed (it is not waiting for a review)");
      }
      return eligibility();
    }
    this.reviewNote = cut(note, 2000);
    for (ReturnLine line : lines) {
      if (line.eligibility() == ReturnLine.Eligibility.REVIEW || line.eligibility() == null) {
        line.decided(approve ? ReturnLine.Eligibility.APPROVE : ReturnLine.Eligibility.REJECT,
            note == null || note.isBlank() ? (approve ? "approved" : "rejected") + " by customer service" : note);
      }
    }
    Eligibility result = eligibility();
    if (result == Eligibility.APPROVED) {
      move(ReturnStatus.APPROVED, "approved by customer service" + (note == null ? "" : ": " + note), now);
    } else {
      event(now, "REVIEW_REJECTED", note);
      this.updatedAt = now;
    }
    return result;
  }

  Eligibility eligibility() {
    if (lines.stream().anyMatch(l -> l.eligibility() == ReturnLine.Eligibility.REVIEW)) {
      return Eligibility.REVIEW;
    }
    return lines.stream().anyMatch(ReturnLine::approved) ? Eligibility.APPROVED : Eligibility.REJECTED;
  }

  void reject(Instant now) {
    if (status == ReturnStatus.REJECTED) {
      return;
    }
    String why = lines.stream().map(ReturnLine::eligibilityExplanation).filter(e -> e != null && !e.isBlank())
        .findFirst().orElse(reviewNote);
    move(ReturnStatus.REJECTED, why, now);
    this.closedAt = now;
  }

  void labelIssued(String carrier, String trackingNumber, Instant now) {
    if (status == ReturnStatus.AWAITING_PARCEL && trackingNumber.equals(returnTrackingNumber)) {
      return;
    }
    move(ReturnStatus.AWAITING_PARCEL, carrier + " " + trackingNumber, now);
    this.carrier = carrier;
    this.returnTrackingNumber = trackingNumber;
    this.labelIssuedAt = now;
  }

  void expire(Instant now) {
    if (status == ReturnStatus.EXPIRED) {
      return;
    }
    move(ReturnStatus.EXPIRED, "no parcel came back in time", now);
    this.closedAt = now;
  }

  /** The parcel reached the warehouse (the dock scanned its label, or the courier delivered it); once. */
  boolean arrived(String how, Instant now) {
    if (arrivedAt != null) {
      return false;
    }
    move(ReturnStatus.ARRIVED, how, now);
    this.arrivedAt = now;
    return true;
  }

  /** What the warehouse's scan and inspection found; a parcel not yet marked as arrived arrived now. */
  void inspected(String scannedItems, Map<Integer, Integer> received, Map<Integer, ItemCondition> conditions,
      Map<Integer, String> notes, Map<String, Integer> extras, Instant now) {
    if (inspectedAt != null) {
      return;
    }
    if (status == ReturnStatus.AWAITING_PARCEL) {
      arrived("found at the warehouse's inspection", now);
    }
    if (status != ReturnStatus.ARRIVED) {
      throw illegal("inspected");
    }
    this.scannedItems = scannedItems;
    for (ReturnLine line : lines) {
      line.inspected(received.getOrDefault(line.lineNo(), 0), conditions.get(line.lineNo()), notes.get(line.lineNo()));
    }
    extras.forEach((code, quantity) -> extraItems.add(new ReturnExtraItem(this, code, quantity)));
    int units = received.values().stream().mapToInt(Integer::intValue).sum();
    int missing = lines.stream().mapToInt(l -> l.missingQuantity() == null ? 0 : l.missingQuantity()).sum();
    move(ReturnStatus.INSPECTED, units + " unit(s) received, " + missing + " missing, "
        + extras.values().stream().mapToInt(Integer::intValue).sum() + " unexpected", now);
    this.inspectedAt = now;
  }

  void outcomeDecided(int lineNo, ReturnLine.Outcome outcome, String explanation) {
    if (inspectedAt == null) {
      throw illegal("put away (nothing was inspected)");
    }
    ReturnLine line = line(lineNo).orElseThrow(() -> new IllegalArgumentException(rmaNumber + " has no line " + lineNo));
    if (line.outcome() == null) {
      line.outcome(outcome, explanation);
    }
  }

  /** The refund was made (or a bank payout is due: REFUND_PENDING until finance pays it out). */
  void refunded(ReturnRefundAction action, BigDecimal amount, String currency, String reference, BigDecimal shipping,
      Instant now) {
    if (refundAction != null) {
      return;
    }
    ReturnStatus to = action == ReturnRefundAction.BANK_PAYOUT_DUE ? ReturnStatus.REFUND_PENDING : ReturnStatus.REFUNDED;
    move(to, action + " " + amount + " " + currency + (reference == null ? "" : " (" + reference + ")"), now);
    this.refundAction = action;
    this.refundAmount = amount;
    this.refundCurrency = currency;
    this.refundReference = reference;
    this.shippingRefunded = shipping;
    if (kind == ReturnKind.COMPLAINT) {
      this.complaintResolution = "REFUND";
    }
  }

  void payoutRecorded(String reference, Instant now) {
    if (status == ReturnStatus.REFUNDED && payoutReference != null) {
      return;
    }
    if (status != ReturnStatus.REFUND_PENDING) {
      throw illegal("paid out (no bank payout is due)");
    }
    move(ReturnStatus.REFUNDED, "paid out by bank transfer " + reference, now);
    this.payoutReference = cut(reference, 100);
  }

  void replaced(String replacementOrderId, Instant now) {
    if (replacementOrderId.equals(this.replacementOrderId)) {
      return;
    }
    move(ReturnStatus.REPLACED, "replacement order " + replacementOrderId, now);
    this.replacementOrderId = replacementOrderId;
    this.complaintResolution = "REPLACE";
  }

  void close(Instant now) {
    if (status == ReturnStatus.CLOSED) {
      return;
    }
    move(ReturnStatus.CLOSED, null, now);
    this.closedAt = now;
  }

  /** Received units per line (inspected lines only). */
  int receivedUnits() {
    return lines.stream().mapToInt(ReturnLine::received).sum();
  }

  private void move(ReturnStatus to, String detail, Instant now) {
    if (!status.next().contains(to)) {
      throw illegal("moved to " + to);
    }
    this.status = to;
    this.updatedAt = now;
    event(now, to.name(), detail);
  }

  private void event(Instant now, String step, String detail) {
    events.add(new ReturnEvent(this, now, step, detail));
  }

  private ConflictException illegal(String what) {
    return new ConflictException("Return " + rmaNumber + " is " + status + " and cannot be " + what);
  }

  Optional<ReturnLine> line(int lineNo) {
    return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst();
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  String id() { return id; }
  String rmaNumber() { return rmaNumber; }
  String orderId() { return orderId; }
  ReturnKind kind() { return kind; }
  ReturnReason reason() { return reason; }
  String notes() { return notes; }
  RefundChoice refundChoice() { return refundChoice; }
  ReturnStatus status() { return status; }
  String requestedBy() { return requestedBy; }
  Instant requestedAt() { return requestedAt; }
  String warehouseId() { return warehouseId; }
  int daysSinceDelivery() { return daysSinceDelivery; }
  String returnTrackingNumber() { return returnTrackingNumber; }
  String carrier() { return carrier; }
  Instant labelIssuedAt() { return labelIssuedAt; }
  Instant arrivedAt() { return arrivedAt; }
  Instant inspectedAt() { return inspectedAt; }
  String scannedItems() { return scannedItems; }
  String complaintResolution() { return complaintResolution; }
  String reviewNote() { return reviewNote; }
  ReturnRefundAction refundAction() { return refundAction; }
  BigDecimal refundAmount() { return refundAmount; }
  String refundCurrency() { return refundCurrency; }
  String refundReference() { return refundReference; }
  BigDecimal shippingRefunded() { return shippingRefunded; }
  String payoutReference() { return payoutReference; }
  String replacementOrderId() { return replacementOrderId; }
  Long processInstanceKey() { return processInstanceKey; }
  Instant closedAt() { return closedAt; }
  Instant updatedAt() { return updatedAt; }
  List<ReturnLine> lines() { return lines; }
  List<ReturnPhoto> photos() { return photos; }
  List<ReturnExtraItem> extraItems() { return extraItems; }
  List<ReturnEvent> events() { return events; }
}
