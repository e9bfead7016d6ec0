package io.orderflow.fulfillment.order;

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

/** Something that happened to an order or one of its parcels, and when: the order's history. */
@Entity
@Table(name = "order_milestone")
class OrderMilestone {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id")
  private CustomerOrder order;

  @Column(name = "shipment_no")
  private Integer shipmentNo;

  @Column(nullable = false)
  private String milestone;

  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected OrderMilestone() {}

  OrderMilestone(CustomerOrder order, Integer shipmentNo, String milestone, String detail, Instant occurredAt) {
    this.order = order;
    this.shipmentNo = shipmentNo;
    this.milestone = milestone;
    this.detail = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
    this.occurredAt = occurredAt;
  }

  Long id() { return id; }
  Integer shipmentNo() { return shipmentNo; }
  String milestone() { return milestone; }
  String detail() { return detail; }
  Instant occurredAt() { return occurredAt; }
}
