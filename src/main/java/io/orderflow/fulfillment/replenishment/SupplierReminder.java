package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A reminder of a late delivery as the simulated supplier port sent it: once per purchase order and expected date. */
@Entity
@Table(name = "supplier_reminder")
class SupplierReminder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "purchase_order_id", nullable = false)
  private String purchaseOrderId;

  @Column(name = "expected_date", nullable = false)
  private LocalDate expectedDate;

  @Column(name = "supplier_email", nullable = false)
  private String supplierEmail;

  @Column(nullable = false)
  private String document;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected SupplierReminder() {}

  SupplierReminder(String purchaseOrderId, LocalDate expectedDate, String supplierEmail, String document,
      Instant sentAt) {
    this.purchaseOrderId = purchaseOrderId;
    this.expectedDate = expectedDate;
    this.supplierEmail = supplierEmail;
    this.document = document;
    this.sentAt = sentAt;
  }

  String purchaseOrderId() { return purchaseOrderId; }
  LocalDate expectedDate() { return expectedDate; }
  String supplierEmail() { return supplierEmail; }
  String document() { return document; }
  Instant sentAt() { return sentAt; }
}
