package io.orderflow.fulfillment.accounting;

import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.BOLD;
import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.REGULAR;

import io.orderflow.fulfillment.shared.pdf.PdfCanvas;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A VAT invoice or a VAT credit note on A4: seller and buyer, number and dates, the lines with their VAT rate, net, VAT
 * and gross (negative on a credit note), the VAT breakdown per rate and the totals. Long documents run over several
 * pages, each with the table's heading and "page n of m".
 */
final class VatInvoicePdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 40;
  private static final float LEFT = MARGIN;
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float INNER = RIGHT - LEFT;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = 70;

  // Line table: no., description, qty, unit price, VAT rate, net, VAT, gross (numbers right-aligned).
  private static final float COL_NO = LEFT + 2;
  private static final float COL_DESC = LEFT + 22;
  private static final float COL_QTY = LEFT + 238;
  private static final float COL_UNIT = LEFT + 302;
  private static final float COL_RATE = LEFT + 342;
  private static final float COL_NET = LEFT + 401;
  private static final float COL_VAT = LEFT + 455;
  private static final float COL_GROSS = RIGHT - 2;
  private static final float DESC_WIDTH = COL_QTY - COL_DESC - 28;

  /**
   * What is printed: an invoice or a credit note. {@code kind} is the word used in running text ("Invoice", "Credit
   * note"); {@code references} the lines under the number (dates, order, parcel, corrected invoice).
   */
  record Document(String title, String subtitle, String kind, String number, List<String> references,
      InvoiceParties parties, String currency,
      List<VatCalculation.PricedLine> lines, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross,
      String closing, String subject, String fileKey) {}

  private final PdfCanvas pdf;
  private final Document invoice;
  private float y;

  private VatInvoicePdf(PdfCanvas pdf, Document invoice) {
    this.pdf = pdf;
    this.invoice = invoice;
  }

  static byte[] render(VatInvoice invoice) {
    return render(new Document("INVOICE", "VAT invoice · prices include VAT", "Invoice", invoice.invoiceNumber(),
        List.of("Issue date " + DAY.format(invoice.issuedOn()), "Date of supply " + DAY.format(invoice.issuedOn()),
            "Order " + invoice.orderNumber() + " · parcel " + invoice.shipmentNo()),
        invoice.parties(), invoice.currency(), invoice.pricedLines(), invoice.totalNet(), invoice.totalVat(),
        invoice.totalGross(), "Prices include VAT at the rate of the country of delivery. This invoice covers parcel "
            + invoice.shipmentNo() + " of order " + invoice.orderNumber() + "; further parcels of the order are "
            + "invoiced when they ship. Payment as agreed for the order.",
        "Order " + invoice.orderNumber() + ", parcel " + invoice.shipmentNo(), "vat-invoice/" + invoice.invoiceNumber()));
  }

  static byte[] render(CreditNote note) {
    return render(new Document("CREDIT NOTE", "VAT credit note · corrects a VAT invoice · prices include VAT",
        "Credit note", note.creditNoteNumber(),
        List.of("Issue date " + DAY.format(note.issuedOn()),
            "Corrects invoice " + note.correctedInvoiceNumber() + " of " + DAY.format(note.correctedInvoiceDate()),
            "Order " + note.orderNumber() + " · parcel " + note.shipmentNo() + " · return " + note.rmaNumber()),
        note.parties(), note.currency(),
        note.pricedLines(), note.totalNet(), note.totalVat(), note.totalGross(),
        "This credit note corrects invoice " + note.correctedInvoiceNumber() + " for the goods returned under "
            + note.rmaNumber() + " (order " + note.orderNumber() + "), at the invoice's prices and VAT rates. The "
            + "amounts are negative: they reduce the invoiced amount and its VAT. The money is refunded as agreed for "
            + "the return.",
        "Order " + note.orderNumber() + ", return " + note.rmaNumber(), "credit-note/" + note.creditNoteNumber()));
  }

  private static byte[] render(Document document) {
    try (PdfCanvas pdf = new PdfCanvas(document.kind() + " " + document.number(), document.subject())) {
      new VatInvoicePdf(pdf, document).write();
      return pdf.toBytes(document.fileKey());
    }
  }

  private void write() {
    pdf.newPage(PAGE);
    y = TOP;
    heading();
    parties();
    lines();
    breakdownAndTotals();
    closing();
    footers();
  }

  private void heading() {
    pdf.text(BOLD, 22, LEFT, y - 22, invoice.title());
    pdf.text(REGULAR, 9, LEFT, y - 36, invoice.subtitle());
    pdf.textRight(BOLD, 12, RIGHT, y - 10, "No. " + invoice.number());
    float line = y - 24;
    for (String reference : invoice.references()) {
      pdf.textRight(REGULAR, 10, RIGHT, line, reference);
      line -= 13;
    }
    y = Math.min(y - 60, line + 3);
    pdf.line(LEFT, y, RIGHT, y, 1);
  }

  private void parties() {
    float column = LEFT + INNER / 2 + 10;
    float width = INNER / 2 - 10;
    float top = y - 14;

    float left = top;
    pdf.text(BOLD, 7.5f, LEFT, left, "SELLER");
    left = pdf.paragraph(BOLD, 11, 13, LEFT, left - 14, width, invoice.parties().sellerName(), 2);
    left = pdf.paragraph(REGULAR, 10, 12, LEFT, left, width, invoice.parties().sellerAddress(), 3);
    pdf.text(REGULAR, 10, LEFT, left, "VAT ID " + invoice.parties().sellerVatId());
    left -= 12;

    float right = top;
    pdf.text(BOLD, 7.5f, column, right, "BILL TO");
    right = pdf.paragraph(BOLD, 11, 13, column, right - 14, width, invoice.parties().buyerName(), 2);
    right = pdf.paragraph(REGULAR, 10, 12, column, right, width, invoice.parties().buyerStreet(), 2);
    pdf.text(REGULAR, 10, column, right, invoice.parties().buyerPostalCode() + " " + invoice.parties().buyerCity());
    right -= 12;
    pdf.text(REGULAR, 10, column, right, PdfCanvas.countryName(invoice.parties().buyerCountry()));
    right -= 12;
    pdf.text(REGULAR, 10, column, right, invoice.parties().buyerEmail());
    right -= 12;
    y = Math.min(left, right) - 8;
    pdf.line(LEFT, y, RIGHT, y, 0.5f);
  }

  private void lines() {
    y -= 14;
    tableHeading();
    for (VatCalculation.PricedLine line : invoice.lines()) {
      String description = line.sku() == null ? line.description() : line.description() + " · " + line.sku();
      List<String> text = pdf.wrap(REGULAR, 9, description, DESC_WIDTH, 3);
      float height = 6 + text.size() * 11;
      if (y - height < BOTTOM) {
        nextPage();
        tableHeading();
      }
      float baseline = y - 12;
      pdf.text(REGULAR, 9, COL_NO, baseline, String.valueOf(line.lineNo()));
      for (int i = 0; i < text.size(); i++) {
        pdf.text(REGULAR, 9, COL_DESC, baseline - i * 11, text.get(i));
      }
      pdf.textRight(REGULAR, 9, COL_QTY, baseline, String.valueOf(line.quantity()));
      pdf.textRight(REGULAR, 9, COL_UNIT, baseline, amount(line.unitPriceGross()));
      pdf.textRight(REGULAR, 9, COL_RATE, baseline, VatCalculation.percent(line.ratePercent()));
      pdf.textRight(REGULAR, 9, COL_NET, baseline, amount(line.net()));
      pdf.textRight(REGULAR, 9, COL_VAT, baseline, amount(line.vat()));
      pdf.textRight(BOLD, 9, COL_GROSS, baseline, amount(line.gross()));
      y -= height + 4;
      pdf.line(LEFT, y, RIGHT, y, 0.25f);
    }
  }

  private void tableHeading() {
    pdf.fill(LEFT, y - 16, INNER, 16, 0.88f);
    float baseline = y - 11.5f;
    pdf.text(BOLD, 7.5f, COL_NO, baseline, "#");
    pdf.text(BOLD, 7.5f, COL_DESC, baseline, "DESCRIPTION · SKU");
    pdf.textRight(BOLD, 7.5f, COL_QTY, baseline, "QTY");
    pdf.textRight(BOLD, 7.5f, COL_UNIT, baseline, "UNIT GROSS");
    pdf.textRight(BOLD, 7.5f, COL_RATE, baseline, "VAT RATE");
    pdf.textRight(BOLD, 7.5f, COL_NET, baseline, "NET");
    pdf.textRight(BOLD, 7.5f, COL_VAT, baseline, "VAT");
    pdf.textRight(BOLD, 7.5f, COL_GROSS, baseline, "GROSS " + invoice.currency());
    y -= 16;
  }

  private void breakdownAndTotals() {
    List<VatCalculation.RateTotal> breakdown = VatCalculation.breakdown(invoice.lines());
    float needed = 40 + breakdown.size() * 13 + 60;
    if (y - needed < BOTTOM) {
      nextPage();
    }
    y -= 20;
    float left = LEFT + INNER / 2 - 20;
    pdf.text(BOLD, 9, left, y, "VAT BREAKDOWN");
    y -= 14;
    pdf.text(BOLD, 7.5f, left, y, "RATE");
    pdf.textRight(BOLD, 7.5f, COL_NET, y, "NET");
    pdf.textRight(BOLD, 7.5f, COL_VAT, y, "VAT");
    pdf.textRight(BOLD, 7.5f, COL_GROSS, y, "GROSS");
    for (VatCalculation.RateTotal rate : breakdown) {
      y -= 13;
      pdf.text(REGULAR, 9, left, y, "VAT " + VatCalculation.percent(rate.ratePercent()));
      pdf.textRight(REGULAR, 9, COL_NET, y, amount(rate.net()));
      pdf.textRight(REGULAR, 9, COL_VAT, y, amount(rate.vat()));
      pdf.textRight(REGULAR, 9, COL_GROSS, y, amount(rate.gross()));
    }
    y -= 8;
    pdf.line(left, y, RIGHT, y, 0.5f);
    y -= 15;
    total(left, "Total net", invoice.totalNet(), false);
    total(left, "Total VAT", invoice.totalVat(), false);
    y -= 4;
    pdf.fill(left - 4, y - 6, RIGHT - left + 4, 20, 0.88f);
    total(left, "Total " + invoice.currency(), invoice.totalGross(), true);
  }

  private void total(float left, String label, BigDecimal value, boolean strong) {
    pdf.text(strong ? BOLD : REGULAR, strong ? 11 : 10, left, y, label);
    pdf.textRight(strong ? BOLD : REGULAR, strong ? 11 : 10, COL_GROSS, y,
        amount(value) + " " + invoice.currency());
    y -= 15;
  }

  private void closing() {
    if (y - 40 < BOTTOM) {
      nextPage();
    }
    y -= 22;
    pdf.paragraph(REGULAR, 9, 11, LEFT, y, INNER, invoice.closing(), 4);
  }

  private void footers() {
    int pages = pdf.pageCount();
    for (int i = 0; i < pages; i++) {
      pdf.reopen(i);
      pdf.line(LEFT, 50, RIGHT, 50, 0.25f);
      pdf.text(REGULAR, 7.5f, LEFT, 38, invoice.parties().sellerName() + " · " + invoice.parties().sellerAddress() + " · VAT ID "
          + invoice.parties().sellerVatId());
      pdf.textRight(REGULAR, 7.5f, RIGHT, 38, invoice.number() + " · page " + (i + 1) + " of " + pages);
    }
  }

  private void nextPage() {
    pdf.newPage(PAGE);
    y = TOP;
    pdf.text(BOLD, 10, LEFT, y - 10, invoice.kind() + " " + invoice.number() + " (continued)");
    y -= 22;
  }

  private static String amount(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }
}
