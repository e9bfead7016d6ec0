package io.orderflow.fulfillment.returns;

import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.BOLD;
import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.REGULAR;

import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.shared.pdf.PdfCanvas;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The return label of an RMA on a 4 × 6 inch page, in the style of the shipping label: carrier and RETURN on top, the
 * customer as sender, the warehouse as recipient in large type, the RMA number in a box to be scanned at the dock, and
 * the return tracking number as a Code 128 barcode (ZXing, vector bars) with the number in plain text under it.
 */
final class ReturnLabelPdf {

  /** What the label shows. */
  record Content(String rmaNumber, String orderNumber, String carrier, String trackingNumber, String customerName,
      Address from, WarehouseAddress to) {}

  static final PDRectangle FOUR_BY_SIX = new PDRectangle(4 * 72f, 6 * 72f);

  private static final float MARGIN = 10;
  private static final float WIDTH = FOUR_BY_SIX.getWidth();
  private static final float HEIGHT = FOUR_BY_SIX.getHeight();
  private static final float INNER = WIDTH - 2 * MARGIN;

  private ReturnLabelPdf() {}

  static byte[] render(Content label) {
    try (PdfCanvas pdf = new PdfCanvas("Return label " + label.rmaNumber(),
        "Return tracking number " + label.trackingNumber())) {
      pdf.newPage(FOUR_BY_SIX);
      float top = HEIGHT - MARGIN;
      String service = "RETURN";
      float serviceWidth = pdf.width(BOLD, 11, service) + 12;
      pdf.fill(WIDTH - MARGIN - serviceWidth, top - 20, serviceWidth, 20, 0f);
      pdf.whiteText(BOLD, 11, WIDTH - MARGIN - serviceWidth / 2, top - 14.5f, service);
      pdf.text(BOLD, pdf.fittingSize(BOLD, label.carrier(), INNER - serviceWidth - 8, 15, 9), MARGIN, top - 15,
          label.carrier());
      float y = top - 26;
      pdf.line(MARGIN, y, WIDTH - MARGIN, y, 1.5f);

      y -= 9;
      pdf.text(BOLD, 6.5f, MARGIN, y, "FROM");
      y -= 10;
      pdf.text(BOLD, pdf.fittingSize(BOLD, label.customerName(), INNER, 9, 6), MARGIN, y, label.customerName());
      y -= 10;
      pdf.text(REGULAR, 8.5f, MARGIN, y, label.from().street());
      y -= 10;
      pdf.text(REGULAR, 8.5f, MARGIN, y, label.from().postalCode() + " " + label.from().city() + ", "
          + PdfCanvas.countryName(label.from().country()));
      y -= 6;
      pdf.line(MARGIN, y, WIDTH - MARGIN, y, 0.75f);

      y -= 9;
      pdf.text(BOLD, 6.5f, MARGIN, y, "TO");
      y -= 18;
      pdf.text(BOLD, pdf.fittingSize(BOLD, label.to().name(), INNER, 16, 10), MARGIN, y, label.to().name());
      y -= 16;
      pdf.text(BOLD, 13, MARGIN, y, label.to().city());
      y -= 14;
      pdf.text(BOLD, 12, MARGIN, y, PdfCanvas.countryName(label.to().country()));
      y -= 7;
      pdf.line(MARGIN, y, WIDTH - MARGIN, y, 0.75f);

      y -= 9;
      pdf.text(BOLD, 6.5f, MARGIN, y, "RMA");
      y -= 20;
      pdf.text(BOLD, 18, MARGIN, y, label.rmaNumber());
      y -= 12;
      pdf.text(REGULAR, 8.5f, MARGIN, y, "Order " + label.orderNumber() + " · returns are free of charge for complaints");

      pdf.code128(label.trackingNumber(), WIDTH / 2, 44, INNER, 74);
      pdf.textCentered(BOLD, 13, WIDTH / 2, 30, label.trackingNumber());
      pdf.text(BOLD, 10, MARGIN, 14, label.rmaNumber());
      return pdf.toBytes("return-label/" + label.rmaNumber() + "/" + label.trackingNumber());
    }
  }
}
