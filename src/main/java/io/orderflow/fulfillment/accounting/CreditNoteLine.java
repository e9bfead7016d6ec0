package io.orderflow.fulfillment.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One line of a credit note: returned goods or refunded shipping (no SKU), negative quantity and amounts, at the unit
 * price and VAT rate of the invoice line it corrects.
 */
@Entity
@Table(name = "credit_note_line")
class CreditNoteLine {

  /** A line before it is numbered; quantity and amounts negative. */
  record Draft(int invoiceLineNo, String sku, String description, int quantity, BigDecimal unitPriceGross,
      BigDecimal ratePercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {

    Draft {
      if (quantity >= 0 || gross.signum() > 0 || net.signum() > 0 || vat.signum() > 0) {
        throw new IllegalArgumentException("A credit note line is negative");
      }
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(name = "invoice_line_no", nullable = false)
  private int invoiceLineNo;

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

  protected CreditNoteLine() {}

  CreditNoteLine(int lineNo, Draft draft) {
    this.lineNo = lineNo;
    this.invoiceLineNo = draft.invoiceLineNo();
    this.sku = draft.sku();
    this.description = draft.description().length() <= 300 ? draft.description()
        : draft.description().substring(0, 300);
    this.quantity = draft.quantity();
    this.unitPriceGross = draft.unitPriceGross();
    this.vatRate = draft.ratePercent();
    this.net = draft.net();
    this.vat = draft.vat();
    this.gross = draft.gross();
  }

  VatCalculation.PricedLine priced() {
    return new VatCalculation.PricedLine(lineNo, sku, description, quantity, unitPriceGross,
        vatRate.stripTrailingZeros(), net, vat, gross);
  }

  int invoiceLineNo() { return invoiceLineNo; }
  int quantity() { return quantity; }
  BigDecimal net() { return net; }
  BigDecimal vat() { return vat; }
  BigDecimal gross() { return gross; }
}
