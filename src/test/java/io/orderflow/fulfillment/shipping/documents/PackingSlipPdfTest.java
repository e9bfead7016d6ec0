package io.orderflow.fulfillment.shipping.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.shipping.documents.PackingSlipContent.Line;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PackingSlipPdfTest {

  private static final List<Line> LINES = List.of(
      new Line("TSHIRT-ORG-L", "Organic cotton T-shirt (Size L)", 2, "C-01-3"),
      new Line("JEANS-SLIM-W32", "Slim-fit jeans (W32 L32)", 1, "C-02-3"));
  private static final List<Line> TO_FOLLOW = List.of(new Line("PRINT-LIMITED", "Limited art print (signed)", 2, null));

  @Test
  @DisplayName("The slip is A4 and lists this parcel's lines with product, size, quantity and bin")
  void linesWithBins() {
    byte[] pdf = PackingSlipPdf.render(Samples.slip(Samples.PLAIN, LINES, List.of()));

    assertThat(PdfReading.pageSizes(pdf)).singleElement().satisfies(page -> {
      assertThat(page.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(page.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
    });
    String text = PdfReading.text(pdf);
    assertThat(text).contains("PACKING SLIP", "Order ORD-7KQ2M9XP", "Order date 2026-11-20", "Parcel 1 of 2")
        .contains("TSHIRT-ORG-L Organic cotton T-shirt (Size L) 2 C-01-3")
        .contains("JEANS-SLIM-W32 Slim-fit jeans (W32 L32) 1 C-02-3")
        .contains("Zoë Łukasiewicz-Иванова", "ul. Świętokrzyska 12 m. 4", "00-001 Warszawa", "POLAND")
        .contains("Warsaw warehouse", "Express delivery · 2026-11-24, 13:00-17:00")
        .contains("RETURNS WITHIN 30 DAYS", "within 30 days of delivery")
        .doesNotContain("FRAGILE", "GIFT WRAP", "TO FOLLOW");
  }

  @Test
  @DisplayName("Gift wrap with its message, fragile packaging and delivery instructions are on the slip")
  void wishes() {
    String text = PdfReading.text(PackingSlipPdf.render(Samples.slip(Samples.FRAGILE_GIFT, LINES, List.of())));

    assertThat(text).contains("FRAGILE", "GIFT WRAP", "enclose this message", "Wszystkiego najlepszego, Зоя!")
        .contains("DELIVERY INSTRUCTIONS", "Leave it with the concierge, ring twice");
  }

  @Test
  @DisplayName("Units nobody had are listed as to follow, apart from the goods in the parcel")
  void unavailableUnitsToFollow() {
    String text = PdfReading.text(PackingSlipPdf.render(Samples.slip(Samples.PLAIN, LINES, TO_FOLLOW)));

    assertThat(text).contains("TO FOLLOW", "PRINT-LIMITED Limited art print (signed) 2 to follow");
  }

  @Test
  @DisplayName("A long order runs over several pages, each numbered, every line listed once")
  void manyLinesOverSeveralPages() {
    List<Line> many = IntStream.rangeClosed(1, 70)
        .mapToObj(i -> new Line("SKU-%03d".formatted(i), "Article number " + i, i, "A-%02d-1".formatted(i))).toList();

    byte[] pdf = PackingSlipPdf.render(Samples.slip(Samples.FRAGILE_GIFT, many, TO_FOLLOW));
    List<PDRectangle> pages = PdfReading.pageSizes(pdf);
    for (int i = 0; i < pages.size(); i++) {
      PdfReading.keep(PdfReading.render(pdf, 100, i), "packing-slip-long-" + (i + 1));
    }
    assertThat(pages).hasSizeGreaterThan(1);
    String text = PdfReading.text(pdf);
    assertThat(text).contains("page 1 of " + pages.size(), "page " + pages.size() + " of " + pages.size(),
        "(continued)", "RETURNS WITHIN 30 DAYS", "to follow");
    for (Line line : many) {
      assertThat(text).containsOnlyOnce(line.sku() + " " + line.productName() + " " + line.quantity() + " "
          + line.binLocation());
    }
  }

  @Test
  @DisplayName("The same parcel gives the same slip, byte for byte")
  void deterministic() {
    PackingSlipContent slip = Samples.slip(Samples.FRAGILE_GIFT, LINES, TO_FOLLOW);

    assertThat(PackingSlipPdf.render(slip)).isEqualTo(PackingSlipPdf.render(slip));
  }
}
