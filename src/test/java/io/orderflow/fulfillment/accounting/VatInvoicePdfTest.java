package io.orderflow.fulfillment.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.accounting.VatCalculation.LineInput;
import io.orderflow.fulfillment.shipping.documents.PdfReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The VAT invoice PDF")
class VatInvoicePdfTest {

  static final SellerSettings SELLER = new SellerSettings("Orderflow Shop S.L.",
      "Calle de Alcalá 21, 28014 Madrid, Spain", "ESB12345678");

  static VatInvoice invoice(List<LineInput> lines) {
    VatInvoice.Draft draft = new VatInvoice.Draft("o-1", "ORD-AAAA2222", 2, "EUR", SELLER, "Łucja Żółkiewska",
        "lucja@example.com", "ul. Marszałkowska 10", "00-590", "Warszawa", "PL", VatCalculation.of(lines));
    return new VatInvoice(draft, 2026, 42, LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  @DisplayName("is one A4 page that reads back with number, parties, lines, VAT breakdown and totals")
  void readsBack() {
    // given
    VatInvoice invoice = invoice(List.of(
        new LineInput("HOODIE-ZIP-M", "Zip hoodie (Size M)", 2, new BigDecimal("49.00"), new BigDecimal("23")),
        new LineInput("BOOK-1", "A novel", 1, new BigDecimal("10.50"), new BigDecimal("5")),
        new LineInput(null, "Shipping, parcel 2", 1, new BigDecimal("14.90"), new BigDecimal("23"))));

    // when
    byte[] pdf = VatInvoicePdf.render(invoice);
    String text = PdfReading.text(pdf);

    // then
    assertThat(PdfReading.pageSizes(pdf)).hasSize(1).allSatisfy(size -> {
      assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
    });
    assertThat(text).contains("INVOICE", "VAT-2026-000042", "23 November 2026", "ORD-AAAA2222", "parcel 2");
    assertThat(text).contains("Orderflow Shop S.L.", "ESB12345678", "Łucja Żółkiewska", "00-590 Warszawa", "POLAND");
    assertThat(text).contains("Zip hoodie (Size M)", "HOODIE-ZIP-M", "Shipping, parcel 2");
    // hoodies 98.00 gross → 79.67 net + 18.33 VAT; shipping 14.90 → 12.11 + 2.79; book 10.50 at 5 % → 10.00 + 0.50
    assertThat(text).contains("VAT 5 %", "VAT 23 %");
    assertThat(text).contains("79.67", "18.33", "12.11", "2.79", "10.00", "0.50");
    assertThat(invoice.totalNet()).isEqualByComparingTo("101.78");
    assertThat(invoice.totalVat()).isEqualByComparingTo("21.62");
    assertThat(invoice.totalGross()).isEqualByComparingTo("123.40");
    assertThat(text).contains("Total net", "101.78 EUR", "Total VAT", "21.62 EUR", "Total EUR", "123.40 EUR");
    assertThat(text).contains("page 1 of 1");
  }

  @Test
  @DisplayName("runs a long invoice over several pages, each numbered, the totals on the last")
  void longInvoices() {
    // given
    List<LineInput> lines = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      lines.add(new LineInput("SKU-" + i, "Article number " + i, 1, new BigDecimal("1.21"), new BigDecimal("21")));
    }

    // when
    byte[] pdf = VatInvoicePdf.render(invoice(lines));
    String text = PdfReading.text(pdf);

    // then
    assertThat(PdfReading.pageSizes(pdf).size()).isGreaterThan(1);
    int pages = PdfReading.pageSizes(pdf).size();
    assertThat(text).contains("page " + pages + " of " + pages, "Article number 60", "72.60 EUR", "60.00 EUR");
  }
}
