package io.orderflow.fulfillment.shipping.documents;

import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.BOLD;
import static io.orderflow.fulfillment.shared.pdf.PdfCanvas.Style.REGULAR;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import io.orderflow.fulfillment.shared.pdf.PdfCanvas;
import io.orderflow.fulfillment.shipping.documents.PackingSlipContent.Line;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The packing slip of one parcel on A4: for the packer the lines of this parcel with their bins and a tick box, and
 * the gift wrap, fragile and delivery wishes; for the customer what is in the parcel, what follows later and how to
 * return goods. No prices and no payment data: the slip may travel as a gift. Long orders run over several pages, each
 * with the table's heading and "page n of m".
 */
final class PackingSlipPdf {

  static final int RETURN_DAYS = 30;

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 40;
  private static final float LEFT = MARGIN;
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float INNER = RIGHT - LEFT;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = 60;

  // Table columns: tick box, SKU, product, quantity (right-aligned), bin.
  private static final float COL_TICK = LEFT;
  private static final float COL_SKU = LEFT + 22;
  private static final float COL_PRODUCT = LEFT + 150;
  private static final float COL_QTY_RIGHT = LEFT + 420;
  private static final float COL_BIN = LEFT + 436;
  private static final float PRODUCT_WIDTH = COL_QTY_RIGHT - COL_PRODUCT - 32;

  private final PdfCanvas pdf;
  private final PackingSlipContent slip;
  private float y;

  private PackingSlipPdf(PdfCanvas pdf, PackingSlipContent slip) {
    this.pdf = pdf;
    this.slip = slip;
  }

  static byte[] render(PackingSlipContent slip) {
    try (PdfCanvas pdf = new PdfCanvas("Packing slip " + slip.orderNumber() + " parcel " + slip.parcelNo() + " of "
        + slip.parcelCount(), "Order " + slip.orderNumber())) {
      new PackingSlipPdf(pdf, slip).write();
      return pdf.toBytes("packing-slip/" + slip.orderNumber() + "/" + slip.parcelNo());
    }
  }

  private void write() {
    pdf.newPage(PAGE);
    y = TOP;
    heading();
    addresses();
    wishes();
    table("IN THIS PARCEL", slip.lines(), false);
    if (!slip.toFollow().isEmpty()) {
      table("TO FOLLOW · not in this parcel, sent as soon as they are back in stock", slip.toFollow(), true);
    }
    if (slip.parcelCount() > 1) {
      ensure(30);
      y -= 20;
      pdf.text(REGULAR, 9, LEFT, y, "Your order travels in " + slip.parcelCount()
          + " parcels from different warehouses; each one brings its own packing slip.");
      y -= 4;
    }
    returns();
    footers();
  }

  private void heading() {
    pdf.text(BOLD, 20, LEFT, y - 20, "PACKING SLIP");
    pdf.textRight(BOLD, 12, RIGHT, y - 10, "Order " + slip.orderNumber());
    pdf.textRight(REGULAR, 10, RIGHT, y - 24, "Order date " + slip.orderDate());
    pdf.textRight(BOLD, 10, RIGHT, y - 38, "Parcel " + slip.parcelNo() + " of " + slip.parcelCount());
    y -= 48;
    pdf.line(LEFT, y, RIGHT, y, 1);
  }

  private void addresses() {
    float column = LEFT + INNER / 2 + 10;
    float width = INNER / 2 - 10;
    float top = y - 14;

    float left = top;
    pdf.text(BOLD, 7.5f, LEFT, left, "SHIP TO");
    left = pdf.paragraph(BOLD, 11, 13, LEFT, left - 14, width, slip.recipientName(), 2);
    left = pdf.paragraph(REGULAR, 10, 12, LEFT, left, width, slip.to().street(), 2);
    pdf.text(REGULAR, 10, LEFT, left, slip.to().postalCode() + " " + slip.to().city());
    left -= 12;
    pdf.text(REGULAR, 10, LEFT, left, Wording.country(slip.to().country()));

    float right = top;
    pdf.text(BOLD, 7.5f, column, right, "SHIPS FROM");
    pdf.text(BOLD, 10, column, right - 14, slip.from().name());
    pdf.text(REGULAR, 10, column, right - 26, slip.from().city() + ", " + Wording.country(slip.from().country()));
    right -= 44;
    pdf.text(BOLD, 7.5f, column, right, "DELIVERY");
    Delivery delivery = slip.delivery();
    String method = delivery.method() == DeliveryMethod.PICKUP_POINT
        ? "Pickup point " + delivery.pickupPointId() : Wording.deliveryMethod(delivery.method());
    String slot = Wording.slot(delivery);
    pdf.text(REGULAR, 10, column, right - 14, slot.isEmpty() ? method : method + " · " + slot);
    right -= 28;
    if (slip.trackingNumber() != null) {
      pdf.text(BOLD, 7.5f, column, right - 4, "CARRIER");
      pdf.text(REGULAR, 10, column, right - 18, slip.carrier() + " · " + slip.trackingNumber());
      right -= 32;
    }
    y = Math.min(left, right) - 8;
    pdf.line(LEFT, y, RIGHT, y, 0.5f);
  }

  /** Fragile packaging, gift wrap with its message and the delivery instructions, each in its own box. */
  private void wishes() {
    Delivery delivery = slip.delivery();
    if (delivery.fragilePackaging()) {
      y -= 10;
      pdf.fill(LEFT, y - 20, INNER, 20, 0f);
      pdf.whiteText(BOLD, 12, LEFT + INNER / 2, y - 14.5f, "FRAGILE · pack with protective material, handle with care");
      y -= 20;
    }
    if (delivery.giftWrap()) {
      String message = delivery.giftMessage() == null || delivery.giftMessage().isBlank() ? null : delivery.giftMessage();
      noticeBox("GIFT WRAP", message == null ? "Wrap the items as a gift. No message."
          : "Wrap the items as a gift and enclose this message:", message);
    }
    if (delivery.instructions() != null && !delivery.instructions().isBlank()) {
      noticeBox("DELIVERY INSTRUCTIONS", null, delivery.instructions());
    }
  }

  private void noticeBox(String title, String intro, String quoted) {
    List<String> lines = quoted == null ? List.of() : pdf.wrap(REGULAR, 10, "“" + quoted.strip() + "”", INNER - 20, 8);
    float height = 22 + (intro == null ? 0 : 13) + lines.size() * 12.5f + 4;
    y -= 10;
    pdf.box(LEFT, y - height, INNER, height, 0.75f);
    float line = y - 14;
    pdf.text(BOLD, 9, LEFT + 8, line, title);
    if (intro != null) {
      line -= 13;
      pdf.text(REGULAR, 10, LEFT + 8, line, intro);
    }
    for (String text : lines) {
      line -= 12.5f;
      pdf.text(REGULAR, 10, LEFT + 14, line, text);
    }
    y -= height;
  }

  private void table(String title, List<Line> lines, boolean toFollow) {
    y -= 16;
    ensure(60);
    pdf.text(BOLD, 9, LEFT, y - 10, title);
    y -= 16;
    tableHeading(toFollow);
    for (Line line : lines) {
      List<String> name = pdf.wrap(REGULAR, 10, line.productName(), PRODUCT_WIDTH, 3);
      float height = 6 + name.size() * 12;
      if (y - height < BOTTOM) {
        nextPage();
        tableHeading(toFollow);
      }
      float baseline = y - 13;
      if (!toFollow) {
        pdf.box(COL_TICK + 2, baseline - 1.5f, 9, 9, 0.75f);
      }
      pdf.text(REGULAR, 10, COL_SKU, baseline, line.sku());
      for (int i = 0; i < name.size(); i++) {
        pdf.text(REGULAR, 10, COL_PRODUCT, baseline - i * 12, name.get(i));
      }
      pdf.textRight(BOLD, 10, COL_QTY_RIGHT, baseline, String.valueOf(line.quantity()));
      pdf.text(toFollow ? REGULAR : BOLD, 10, COL_BIN, baseline, toFollow ? "to follow"
          : line.binLocation() == null ? "–" : line.binLocation());
      y -= height + 4;
      pdf.line(LEFT, y, RIGHT, y, 0.25f);
    }
  }

  private void tableHeading(boolean toFollow) {
    pdf.fill(LEFT, y - 16, INNER, 16, 0.88f);
    float baseline = y - 11.5f;
    pdf.text(BOLD, 8, COL_SKU, baseline, "SKU");
    pdf.text(BOLD, 8, COL_PRODUCT, baseline, "PRODUCT");
    pdf.textRight(BOLD, 8, COL_QTY_RIGHT, baseline, "QTY");
    pdf.text(BOLD, 8, COL_BIN, baseline, toFollow ? "STATUS" : "BIN");
    y -= 16;
  }

  private void returns() {
    String text = "Something not right? You may return unused items in their original packaging within " + RETURN_DAYS
        + " days of delivery. Contact our customer service with your order number " + slip.orderNumber()
        + " and we send you a prepaid return label. Put the items and this slip in the parcel, stick the label on it"
        + " and hand it to the carrier. Returns go back to " + slip.from().name() + ", " + slip.from().city() + ", "
        + Wording.country(slip.from().country()) + ". We refund the returned items to the original payment method"
        + " within 14 days of receiving them.";
    List<String> lines = pdf.wrap(REGULAR, 9, text, INNER - 16, 8);
    float height = 22 + lines.size() * 11.5f + 4;
    y -= 16;
    ensure(height);
    pdf.box(LEFT, y - height, INNER, height, 0.75f);
    float line = y - 14;
    pdf.text(BOLD, 9, LEFT + 8, line, "RETURNS WITHIN " + RETURN_DAYS + " DAYS");
    for (String text1 : lines) {
      line -= 11.5f;
      pdf.text(REGULAR, 9, LEFT + 8, line, text1);
    }
    y -= height;
  }

  private void ensure(float height) {
    if (y - height < BOTTOM) {
      nextPage();
    }
  }

  private void nextPage() {
    pdf.newPage(PAGE);
    y = TOP;
    pdf.text(BOLD, 10, LEFT, y - 10, "PACKING SLIP · Order " + slip.orderNumber() + " · parcel " + slip.parcelNo()
        + " of " + slip.parcelCount() + " (continued)");
    y -= 20;
  }

  private void footers() {
    int pages = pdf.pageCount();
    for (int i = 0; i < pages; i++) {
      pdf.reopen(i);
      pdf.textCentered(REGULAR, 8, PAGE.getWidth() / 2, 30, "Order " + slip.orderNumber() + " · parcel "
          + slip.parcelNo() + " of " + slip.parcelCount() + " · page " + (i + 1) + " of " + pages);
    }
  }
}
