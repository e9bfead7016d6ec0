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

/**
 * What one delivery brought for one purchase order line: received, damaged (not accepted), accepted into stock, over
 * (good units beyond what was still open: a discrepancy, not stock), short (what the line still waits for after it),
 * the lots or serial numbers scanned, and the bin the accepted units went into.
 */
@Entity
@Table(name = "goods_receipt_line")
class GoodsReceiptLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "goods_receipt_id")
  private GoodsReceipt receipt;

  @Column(name = "po_line_no", nullable = false)
  private int poLineNo;

  @Column(nullable = false)
  private String sku;

  @Column(name = "received_quantity", nullable = false)
  private int receivedQuantity;

  @Column(name = "damaged_quantity", nullable = false)
  private int damagedQuantity;

  @Column(name = "accepted_quantity", nullable = false)
  private int acceptedQuantity;

  @Column(name = "over_quantity", nullable = false)
  private int overQuantity;

  @Column(name = "short_quantity", nullable = false)
  private int shortQuantity;

  @Column(name = "lot_or_serials")
  private String lotOrSerials;

  @Column(name = "bin_location")
  private String binLocation;

  protected GoodsReceiptLine() {}

  GoodsReceiptLine(GoodsReceipt receipt, int poLineNo, String sku, int receivedQuantity, int damagedQuantity,
      PurchaseOrderLine.Receipt outcome, String lotOrSerials, String binLocation) {
    this.receipt = receipt;
    this.poLineNo = poLineNo;
    this.sku = sku;
    this.receivedQuantity = receivedQuantity;
    this.damagedQuantity = damagedQuantity;
    this.acceptedQuantity = outcome.accepted();
    this.overQuantity = outcome.over();
    this.shortQuantity = outcome.shortfall();
    this.lotOrSerials = lotOrSerials;
    this.binLocation = binLocation;
  }

  int poLineNo() { return poLineNo; }
  String sku() { return sku; }
  int receivedQuantity() { return receivedQuantity; }
  int damagedQuantity() { return damagedQuantity; }
  int acceptedQuantity() { return acceptedQuantity; }
  int overQuantity() { return overQuantity; }
  int shortQuantity() { return shortQuantity; }
  String lotOrSerials() { return lotOrSerials; }
  String binLocation() { return binLocation; }
}
