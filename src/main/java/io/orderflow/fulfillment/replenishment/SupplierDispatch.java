package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A purchase order as the simulated supplier port sent it: to whom, the text, when. */
@Entity
@Table(name = "supplier_dispatch")
class SupplierDispatch {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "purchase_order_id", nullable = false, unique = true)
  private String purchaseOrderId;

  @Column(name = "supplier_email", nullable = false)
  private String supplierEmail;

  @Column(nullable = false)
  private String document;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected SupplierDispatch() {}

  SupplierDispatch(String purchaseOrderId, String supplierEmail, String document, Instant sentAt) {
    this.purchaseOrderId = purchaseOrderId;
    this.supplierEmail = supplierEmail;
    this.document = document;
    this.sentAt = sentAt;
  }

  String purchaseOrderId() { return purchaseOrderId; }
  String supplierEmail() { return supplierEmail; }
  String document() { return document; }
  Instant sentAt() { return sentAt; }
}
