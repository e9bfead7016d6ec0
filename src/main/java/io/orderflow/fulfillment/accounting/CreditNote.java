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
 * A VAT credit note: corrects one VAT invoice for the goods (and shipping) of one return, with negative lines at the
 * invoice's unit prices and VAT rates. Numbered in its own gap-free series per year ({@code CN-2026-000001}); seller
 * and buyer as on the corrected invoice; never changes after it is issued.
 */
@Entity
@Table(name = "credit_note")
class CreditNote {

  /** The numbering series: {@code CN-2026-000123}. */
  static final String SERIES = "CN";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "credit_note_number", nullable = false, unique = true)
  private String creditNoteNumber;

  @Column(name = "credit_note_year", nullable = false)
  private int creditNoteYear;

  @Column(name = "sequence_no", nullable = false)
  private int sequenceNo;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "order_number", nullable = false)
  private String orderNumber;

  @Column(name = "rma_number", nullable = false)
  private String rmaNumber;

  @Column(name = "corrected_invoice_number", nullable = false)
  private String correctedInvoiceNumber;

  @Column(name = "corrected_invoice_date", nullable = false)
  private LocalDate correctedInvoiceDate;

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
  @JoinColumn(name = "credit_note_id", nullable = false)
  @OrderBy("lineNo")
  private List<CreditNoteLine> lines = new ArrayList<>();

  protected CreditNote() {}

  /**
   * @param lines the negative lines, each with the number of the invoice line it corrects
   */
  CreditNote(VatInvoice corrected, String rmaNumber, List<CreditNoteLine.Draft> lines, int year, int sequenceNo,
      LocalDate issuedOn, Instant now) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("A credit note needs at least one line");
    }
    this.creditNoteNumber = GapFreeNumbers.format(SERIES, year, sequenceNo);
    this.creditNoteYear = year;
    this.sequenceNo = sequenceNo;
    this.orderId = corrected.orderId();
    this.orderNumber = corrected.orderNumber();
    this.rmaNumber = rmaNumber;
    this.correctedInvoiceNumber = corrected.invoiceNumber();
    this.correctedInvoiceDate = corrected.issuedOn();
    this.shipmentNo = corrected.shipmentNo();
    this.issuedOn = issuedOn;
    this.currency = corrected.currency();
    this.parties = corrected.parties().copy();
    int no = 1;
    for (CreditNoteLine.Draft line : lines) {
      this.lines.add(new CreditNoteLine(no++, line));
    }
    VatCalculation.Totals totals = VatCalculation.totals(pricedLines());
    this.totalNet = totals.net();
    this.totalVat = totals.vat();
    this.totalGross = totals.gross();
    this.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the database keeps it
  }

  List<VatCalculation.PricedLine> pricedLines() {
    return lines.stream().map(CreditNoteLine::priced).toList();
  }

  List<CreditNoteLine> lines() { return List.copyOf(lines); }
  String creditNoteNumber() { return creditNoteNumber; }
  int creditNoteYear() { return creditNoteYear; }
  int sequenceNo() { return sequenceNo; }
  String orderId() { return orderId; }
  String orderNumber() { return orderNumber; }
  String rmaNumber() { return rmaNumber; }
  String correctedInvoiceNumber() { return correctedInvoiceNumber; }
  LocalDate correctedInvoiceDate() { return correctedInvoiceDate; }
  int shipmentNo() { return shipmentNo; }
  LocalDate issuedOn() { return issuedOn; }
  String currency() { return currency; }
  InvoiceParties parties() { return parties; }
  BigDecimal totalNet() { return totalNet; }
  BigDecimal totalVat() { return totalVat; }
  BigDecimal totalGross() { return totalGross; }
  Instant createdAt() { return createdAt; }
}
