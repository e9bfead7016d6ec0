package io.orderflow.fulfillment.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of a VAT invoice: goods of the parcel, or its shipping (no SKU). */
@Entity
@Table(name = "vat_invoice_line")
class VatInvoiceLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column
  private String sku;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price_gross", nullable = false)
  private BigDecimal unitPriceGross;

  @Column(name = "vat_rate", nullable = false)
  private BigDecimal vatRate;

  @Column(nullable = false)
  private BigDecimal net;

  @Column(nullable = false)
  private BigDecimal vat;

  @Column(nullable = false)
  private BigDecimal gross;

  protected VatInvoiceLine() {}

  VatInvoiceLine(VatCalculation.PricedLine line) {
    this.lineNo = line.lineNo();
    this.sku = line.sku();
    this.description = line.description().length() <= 300 ? line.description() : line.description().substring(0, 300);
    this.quantity = line.quantity();
    this.unitPriceGross = line.unitPriceGross();
    this.vatRate = line.ratePercent();
    this.net = line.net();
    this.vat = line.vat();
    this.gross = line.gross();
  }

  VatCalculation.PricedLine priced() {
    return new VatCalculation.PricedLine(lineNo, sku, description, quantity, unitPriceGross,
        vatRate.stripTrailingZeros(), net, vat, gross);
  }
}
