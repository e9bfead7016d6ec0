package io.orderflow.fulfillment.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an RMA's history: the step it reached, when, with a detail. */
@Entity
@Table(name = "return_event")
class ReturnEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "return_id")
  private ReturnRequest request;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String step;

  private String detail;

  protected ReturnEvent() {}

  ReturnEvent(ReturnRequest request, Instant occurredAt, String step, String detail) {
    this.request = request;
    this.occurredAt = occurredAt;
    this.step = step;
    this.detail = ReturnRequest.cut(detail, 500);
  }

  Instant occurredAt() { return occurredAt; }
  String step() { return step; }
  String detail() { return detail; }
}
