package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One delivery against a purchase order (any number of them), with what it brought per line. */
@Entity
@Table(name = "goods_receipt")
class GoodsReceipt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "purchase_order_id")
  private PurchaseOrder purchaseOrder;

  @Column(name = "receipt_no", nullable = false)
  private int receiptNo;

  @Column(name = "delivery_reference")
  private String deliveryReference;

  /** The supplier's delivery note as the warehouse typed it (the reference is the key of the receipt). */
  @Column(name = "delivery_note")
  private String deliveryNote;

  @Column(name = "received_by", nullable = false)
  private String receivedBy;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @OneToMany(mappedBy = "receipt", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("poLineNo")
  private List<GoodsReceiptLine> lines = new ArrayList<>();

  protected GoodsReceipt() {}

  GoodsReceipt(PurchaseOrder purchaseOrder, int receiptNo, String deliveryReference, String deliveryNote,
      String receivedBy, Instant receivedAt) {
    this.purchaseOrder = purchaseOrder;
    this.receiptNo = receiptNo;
    this.deliveryReference = deliveryReference;
    this.deliveryNote = deliveryNote;
    this.receivedBy = receivedBy;
    this.receivedAt = receivedAt;
  }

  void add(GoodsReceiptLine line) {
    lines.add(line);
  }

  Long id() { return id; }
  int receiptNo() { return receiptNo; }
  String deliveryReference() { return deliveryReference; }
  String deliveryNote() { return deliveryNote; }
  String receivedBy() { return receivedBy; }
  Instant receivedAt() { return receivedAt; }
  List<GoodsReceiptLine> lines() { return List.copyOf(lines); }
}
