package io.orderflow.fulfillment.shipping.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShippingLabelPdfTest {

  @Test
  @DisplayName("The label is one 4 × 6 inch page")
  void fourBySixInches() {
    byte[] pdf = ShippingLabelPdf.render(Samples.label(Samples.PLAIN));

    assertThat(PdfReading.pageSizes(pdf)).singleElement().satisfies(page -> {
      assertThat(page.getWidth() / 72f * 25.4f).isCloseTo(101.6f, within(0.01f));
      assertThat(page.getHeight() / 72f * 25.4f).isCloseTo(152.4f, within(0.01f));
    });
  }

  @Test
  @DisplayName("A scanner reads the tracking number from the barcode on the printed label")
  void barcodeReadsBackTheTrackingNumber() throws Exception {
    // given
    byte[] pdf = ShippingLabelPdf.render(Samples.label(Samples.FRAGILE_GIFT));

    // when the label is printed at 300 dpi and scanned
    BufferedImage printed = PdfReading.render(pdf, 300);
    PdfReading.keep(printed, "label");
    Result scanned = PdfReading.decodeCode128(printed);

    // then
    assertThat(scanned.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
    assertThat(scanned.getText()).isEqualTo(Samples.TRACKING);
  }

  @Test
  @DisplayName("Sender, recipient with non-ASCII letters, carrier, tracking number, parcel 1 of 2, weight, package, slot and order number are printed")
  void printsEverythingTheCourierNeeds() {
    String text = PdfReading.text(ShippingLabelPdf.render(Samples.label(Samples.FRAGILE_GIFT)));

    assertThat(text).contains("Warsaw warehouse", "Warszawa, POLAND")
        .contains("Zoë Łukasiewicz-Иванова", "ul. Świętokrzyska 12 m. 4", "00-001 Warszawa", "Tel. +48 600 100 200")
        .contains("Simulated Express", Samples.TRACKING, "1 of 2", "1.45 kg", "Medium box")
        .contains("STANDARD", "2026-11-24, 09:00-13:00", "Order ORD-7KQ2M9XP")
        .contains("FRAGILE");
  }

  @Test
  @DisplayName("Without fragile packaging there is no FRAGILE marking; express and pickup points show as such")
  void fragileOnlyWhenAsked() {
    assertThat(PdfReading.text(ShippingLabelPdf.render(Samples.label(Samples.PLAIN))))
        .doesNotContain("FRAGILE").contains("EXPRESS", "Express delivery", "2026-11-24, 13:00-17:00");

    Delivery pickup = new Delivery(DeliveryMethod.PICKUP_POINT, "PP-MAD-0042", LocalDate.of(2026, 11, 25), "ALL_DAY",
        false, null, false, null);
    assertThat(PdfReading.text(ShippingLabelPdf.render(Samples.label(pickup))))
        .contains("PICKUP POINT", "Pickup point PP-MAD-0042", "2026-11-25, all day");
  }

  @Test
  @DisplayName("The same parcel gives the same document, byte for byte")
  void deterministic() {
    byte[] first = ShippingLabelPdf.render(Samples.label(Samples.FRAGILE_GIFT));
    byte[] second = ShippingLabelPdf.render(Samples.label(Samples.FRAGILE_GIFT));

    assertThat(second).isEqualTo(first);
  }

  @Test
  @DisplayName("A very long name and street are wrapped and cut to fit, and the barcode still scans")
  void longAndUnprintableText() throws Exception {
    String longName = "Maria Aleksandra Konstantynopolitańczykiewiczówna-Brzęczyszczykiewicz von Habsburg-Lothringen";
    LabelContent label = new LabelContent("ORD-7KQ2M9XP", 2, 2, Samples.WARSAW, longName, null,
        new Address("Aleje Jerozolimskie 123A, klatka B, piętro 7, mieszkanie 45, domofon 45K, wejście od podwórza",
            "00-001", "Warszawa", "PL"), Samples.PLAIN, "Simulated Express", Samples.TRACKING, 300, "ENVELOPE");

    byte[] pdf = ShippingLabelPdf.render(label);

    String text = PdfReading.text(pdf);
    assertThat(text).contains("Konstantynopolitańczykiewiczówna", "2 of 2", "Padded envelope", "0.3 kg");
    BufferedImage printed = PdfReading.render(pdf, 300);
    PdfReading.keep(printed, "label-long");
    assertThat(PdfReading.decodeCode128(printed).getText()).isEqualTo(Samples.TRACKING);
    assertThat(PdfReading.pageSizes(pdf)).singleElement().extracting(PDRectangle::getHeight).isEqualTo(432f);
  }

  @Test
  @DisplayName("A character the font has no glyph for (Chinese here) prints as ? instead of failing the label")
  void unprintableCharacters() {
    LabelContent label = new LabelContent("ORD-7KQ2M9XP", 1, 1, Samples.WARSAW, "Zoë 王\tŁukasiewicz", null,
        Samples.ADDRESS, Samples.PLAIN, "Simulated Express", Samples.TRACKING, 300, "SMALL_BOX");

    assertThat(PdfReading.text(ShippingLabelPdf.render(label))).contains("Zoë ? Łukasiewicz", "1 of 1", "Small box");
  }
}
