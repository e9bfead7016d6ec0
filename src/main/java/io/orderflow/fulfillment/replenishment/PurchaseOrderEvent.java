package io.orderflow.fulfillment.replenishment;

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

/** One step in a purchase order's history. */
@Entity
@Table(name = "purchase_order_event")
class PurchaseOrderEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "purchase_order_id")
  private PurchaseOrder purchaseOrder;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String step;

  private String detail;

  protected PurchaseOrderEvent() {}

  PurchaseOrderEvent(PurchaseOrder purchaseOrder, Instant occurredAt, String step, String detail) {
    this.purchaseOrder = purchaseOrder;
    this.occurredAt = occurredAt;
    this.step = step;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  Instant occurredAt() { return occurredAt; }
  String step() { return step; }
  String detail() { return detail; }
}
