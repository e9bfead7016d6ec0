package io.orderflow.fulfillment.shipping.documents;

import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.BOLD;
import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.REGULAR;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import io.orderflow.fulfillment.shared.pdf.PdfCanvas;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The courier's label for one parcel on a 4 × 6 inch page (101.6 × 152.4 mm, the thermal label size couriers use):
 * carrier and service on top, sender, recipient in large type, parcel "n of m", weight, package, delivery slot, a
 * FRAGILE band when the customer asked for fragile packaging, and the tracking number as a Code 128 barcode (encoded by
 * ZXing, drawn as vector bars) with the number in plain text under it.
 */
final class ShippingLabelPdf {

  static final PDRectangle FOUR_BY_SIX = new PDRectangle(4 * 72f, 6 * 72f);

  private static final float MARGIN = 10;
  private static final float WIDTH = FOUR_BY_SIX.getWidth();
  private static final float HEIGHT = FOUR_BY_SIX.getHeight();
  private static final float INNER = WIDTH - 2 * MARGIN;

  private ShippingLabelPdf() {}

  static byte[] render(LabelContent label) {
    try (PdfCanvas pdf = new PdfCanvas("Shipping label " + label.orderNumber() + " parcel " + label.parcelNo() + " of "
        + label.parcelCount(), "Tracking number " + label.trackingNumber())) {
      pdf.newPage(FOUR_BY_SIX);
      float y = header(pdf, label);
      y = sender(pdf, label, y);
      y = recipient(pdf, label, y);
      parcel(pdf, label, y);
      if (label.delivery().fragilePackaging()) {
        fragileBand(pdf);
      }
      pdf.code128(label.trackingNumber(), WIDTH / 2, 44, INNER, 74);
      pdf.textCentered(BOLD, 13, WIDTH / 2, 30, label.trackingNumber());
      pdf.text(BOLD, 10, MARGIN, 14, "Order " + label.orderNumber());
      return pdf.toBytes("label/" + label.orderNumber() + "/" + label.parcelNo() + "/" + label.trackingNumber());
    }
  }

  private static float header(PdfCanvas pdf, LabelContent label) {
    String service = Wording.deliveryMethod(label.delivery().method()).replace(" delivery", "").toUpperCase(Locale.ROOT);
    float serviceWidth = pdf.width(BOLD, 11, service) + 12;
    float top = HEIGHT - MARGIN;
    pdf.fill(WIDTH - MARGIN - serviceWidth, top - 20, serviceWidth, 20, 0f);
    pdf.whiteText(BOLD, 11, WIDTH - MARGIN - serviceWidth / 2, top - 14.5f, service);
    float carrierSize = pdf.fittingSize(BOLD, label.carrier(), INNER - serviceWidth - 8, 15, 9);
    pdf.text(BOLD, carrierSize, MARGIN, top - 15, label.carrier());
    float rule = top - 26;
    pdf.line(MARGIN, rule, WIDTH - MARGIN, rule, 1.5f);
    return rule;
  }

  private static float sender(PdfCanvas pdf, LabelContent label, float top) {
    float y = top - 9;
    pdf.text(BOLD, 6.5f, MARGIN, y, "FROM");
    y -= 10;
    pdf.text(BOLD, pdf.fittingSize(BOLD, label.from().name(), INNER, 9, 6), MARGIN, y, label.from().name());
    y -= 10;
    pdf.text(REGULAR, 9, MARGIN, y, label.from().city() + ", " + Wording.country(label.from().country()));
    float rule = y - 6;
    pdf.line(MARGIN, rule, WIDTH - MARGIN, rule, 0.75f);
    return rule;
  }

  private static float recipient(PdfCanvas pdf, LabelContent label, float top) {
    float y = top - 9;
    pdf.text(BOLD, 6.5f, MARGIN, y, "TO");
    float nameSize = pdf.fittingSize(BOLD, label.recipientName(), INNER, 16, 12);
    y = pdf.paragraph(BOLD, nameSize, nameSize * 1.1f, MARGIN, y - nameSize - 1, INNER, label.recipientName(), 3);
    y = pdf.paragraph(REGULAR, 11, 12.5f, MARGIN, y + nameSize * 1.1f - 14, INNER, label.to().street(), 2);
    String place = label.to().postalCode() + " " + label.to().city();
    float placeSize = pdf.fittingSize(BOLD, place, INNER, 14, 9);
    y = y + 12.5f - 16;
    pdf.text(BOLD, placeSize, MARGIN, y, place);
    y -= 14;
    pdf.text(BOLD, 12, MARGIN, y, Wording.country(label.to().country()));
    if (label.recipientPhone() != null && !label.recipientPhone().isBlank()) {
      y -= 12;
      pdf.text(REGULAR, 9.5f, MARGIN, y, "Tel. " + label.recipientPhone());
    }
    float rule = y - 7;
    pdf.line(MARGIN, rule, WIDTH - MARGIN, rule, 0.75f);
    return rule;
  }

  private static void parcel(PdfCanvas pdf, LabelContent label, float top) {
    float half = MARGIN + INNER / 2;
    float y = top - 9;
    pdf.text(BOLD, 6.5f, MARGIN, y, "PARCEL");
    pdf.text(BOLD, 6.5f, half, y, "WEIGHT");
    y -= 16;
    pdf.text(BOLD, 16, MARGIN, y, label.parcelNo() + " of " + label.parcelCount());
    pdf.text(BOLD, 14, half, y, Wording.kilograms(label.weightGrams()));
    y -= 13;
    pdf.text(BOLD, 6.5f, MARGIN, y, "PACKAGE");
    pdf.text(BOLD, 6.5f, half, y, "DELIVERY");
    y -= 11;
    pdf.text(REGULAR, 9.5f, MARGIN, y, Wording.packageType(label.packageType()));
    Delivery delivery = label.delivery();
    String method = delivery.method() == DeliveryMethod.PICKUP_POINT
        ? "Pickup point " + delivery.pickupPointId() : Wording.deliveryMethod(delivery.method());
    pdf.paragraph(REGULAR, 9.5f, 10.5f, half, y, INNER / 2, method, 1);
    String slot = Wording.slot(delivery);
    if (!slot.isEmpty()) {
      pdf.text(BOLD, 9.5f, half, y - 11, slot);
    }
  }

  private static void fragileBand(PdfCanvas pdf) {
    pdf.fill(MARGIN, 128, INNER, 22, 0f);
    pdf.whiteText(BOLD, 14, WIDTH / 2, 133.5f, "FRAGILE · HANDLE WITH CARE");
  }
}
