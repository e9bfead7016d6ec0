package io.orderflow.fulfillment.accounting;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The VAT invoice of one parcel, issued once when the parcel is with the courier. Seller and buyer are kept as they
 * were on the issue date; the lines and totals never change afterwards.
 */
@Entity
@Table(name = "vat_invoice")
class VatInvoice {

  /** The numbering series: {@code VAT-2026-000123}. */
  static final String SERIES = "VAT";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "invoice_number", nullable = false, unique = true)
  private String invoiceNumber;

  @Column(name = "invoice_year", nullable = false)
  private int invoiceYear;

  @Column(name = "sequence_no", nullable = false)
  private int sequenceNo;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "order_number", nullable = false)
  private String orderNumber;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @Column(nullable = false)
  private String currency;

  @Embedded
  private InvoiceParties parties;

  @Column(name = "total_net", nullable = false)
  private BigDecimal totalNet;

  @Column(name = "total_vat", nullable = false)
  private BigDecimal totalVat;

  @Column(name = "total_gross", nullable = false)
  private BigDecimal totalGross;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "invoice_id", nullable = false)
  @OrderBy("lineNo")
  private List<VatInvoiceLine> lines = new ArrayList<>();

  protected VatInvoice() {}

  /** What an invoice is issued from. */
  record Draft(String orderId, String orderNumber, int shipmentNo, String currency, SellerSettings seller,
      String buyerName, String buyerEmail, String buyerStreet, String buyerPostalCode, String buyerCity,
      String buyerCountry, VatCalculation.Result calculation) {}

  VatInvoice(Draft draft, int year, int sequenceNo, LocalDate issuedOn, Instant now) {
    if (draft.calculation().lines().isEmpty()) {
      throw new IllegalArgumentException("An invoice needs at least one line");
    }
    this.invoiceNumber = GapFreeNumbers.format(SERIES, year, sequenceNo);
    this.invoiceYear = year;
    this.sequenceNo = sequenceNo;
    this.orderId = draft.orderId();
    this.orderNumber = draft.orderNumber();
    this.shipmentNo = draft.shipmentNo();
    this.issuedOn = issuedOn;
    this.currency = draft.currency();
    this.parties = new InvoiceParties(draft.seller(), draft.buyerName(), draft.buyerEmail(), draft.buyerStreet(),
        draft.buyerPostalCode(), draft.buyerCity(), draft.buyerCountry());
    this.totalNet = draft.calculation().totals().net();
    this.totalVat = draft.calculation().totals().vat();
    this.totalGross = draft.calculation().totals().gross();
    this.createdAt = now;
    draft.calculation().lines().forEach(l -> lines.add(new VatInvoiceLine(l)));
  }

  List<VatCalculation.PricedLine> pricedLines() {
    return lines.stream().map(VatInvoiceLine::priced).toList();
  }

  String invoiceNumber() { return invoiceNumber; }
  int invoiceYear() { return invoiceYear; }
  int sequenceNo() { return sequenceNo; }
  String orderId() { return orderId; }
  String orderNumber() { return orderNumber; }
  int shipmentNo() { return shipmentNo; }
  LocalDate issuedOn() { return issuedOn; }
  String currency() { return currency; }
  InvoiceParties parties() { return parties; }
  BigDecimal totalNet() { return totalNet; }
  BigDecimal totalVat() { return totalVat; }
  BigDecimal totalGross() { return totalGross; }
}
