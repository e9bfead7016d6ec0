package io.orderflow.fulfillment.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of an RMA: an order line and how many of its units come back, and what became of them. */
@Entity
@Table(name = "return_line")
class ReturnLine {

  enum Eligibility { APPROVE, REJECT, REVIEW }

  enum Outcome { RESTOCK, REFURBISH, SCRAP }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "return_id")
  private ReturnRequest request;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(nullable = false)
  private String sku;

  @Column(name = "product_name", nullable = false)
  private String productName;

  private String category;

  @Column(name = "requested_quantity", nullable = false)
  private int requestedQuantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Enumerated(EnumType.STRING)
  private Eligibility eligibility;

  @Column(name = "eligibility_explanation")
  private String eligibilityExplanation;

  @Column(name = "received_quantity")
  private Integer receivedQuantity;

  @Column(name = "missing_quantity")
  private Integer missingQuantity;

  @Enumerated(EnumType.STRING)
  @Column(name = "item_condition")
  private ItemCondition condition;

  private String notes;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "outcome_explanation")
  private String outcomeExplanation;

  @Column(name = "put_away_at")
  private Instant putAwayAt;

  protected ReturnLine() {}

  ReturnLine(ReturnRequest request, int lineNo, String sku, String productName, String category, int quantity,
      BigDecimal unitPrice) {
    if (quantity < 1) {
      throw new IllegalArgumentException("A return line needs at least one unit");
    }
    this.request = request;
    this.lineNo = lineNo;
    this.sku = sku;
    this.productName = productName;
    this.category = category;
    this.requestedQuantity = quantity;
    this.unitPrice = unitPrice;
  }

  void decided(Eligibility eligibility, String explanation) {
    this.eligibility = eligibility;
    this.eligibilityExplanation = ReturnRequest.cut(explanation, 500);
  }

  void inspected(int received, ItemCondition condition, String notes) {
    int expected = approved() ? requestedQuantity : 0;
    if (received < 0 || received > expected) {
      throw new IllegalArgumentException("Line " + lineNo + ": received " + received + " of " + expected);
    }
    this.receivedQuantity = received;
    this.missingQuantity = expected - received;
    this.condition = condition;
    this.notes = ReturnRequest.cut(notes, 1000);
  }

  void outcome(Outcome outcome, String explanation) {
    this.outcome = outcome;
    this.outcomeExplanation = ReturnRequest.cut(explanation, 500);
  }

  void putAway(Instant now) {
    if (putAwayAt == null) {
      putAwayAt = now;
    }
  }

  boolean approved() {
    return eligibility == Eligibility.APPROVE;
  }

  int received() {
    return receivedQuantity == null ? 0 : receivedQuantity;
  }

  int lineNo() { return lineNo; }
  String sku() { return sku; }
  String productName() { return productName; }
  String category() { return category; }
  int requestedQuantity() { return requestedQuantity; }
  BigDecimal unitPrice() { return unitPrice; }
  Eligibility eligibility() { return eligibility; }
  String eligibilityExplanation() { return eligibilityExplanation; }
  Integer receivedQuantity() { return receivedQuantity; }
  Integer missingQuantity() { return missingQuantity; }
  ItemCondition condition() { return condition; }
  String notes() { return notes; }
  Outcome outcome() { return outcome; }
  String outcomeExplanation() { return outcomeExplanation; }
  Instant putAwayAt() { return putAwayAt; }
}
