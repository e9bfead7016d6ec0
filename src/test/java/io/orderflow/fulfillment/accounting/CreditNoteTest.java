package io.orderflow.fulfillment.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.fulfillment.accounting.VatCalculation.LineInput;
import io.orderflow.fulfillment.shipping.documents.PdfReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Credit notes for returns: which invoice lines they correct and by how much, and their PDF. Parcel 1's invoice:
 * 3 T-shirts at 9.99 (21 %) and shipping 4.90; parcel 2's: a hoodie at 49.00 and a book at 10.50 (4 %), shipping 7.10.
 */
@DisplayName("VAT credit notes")
class CreditNoteTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final BigDecimal RATE = new BigDecimal("21");

  private final VatInvoice parcel1 = invoice(1, 12, List.of(
      new LineInput("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 3, new BigDecimal("9.99"), RATE),
      new LineInput(null, "Shipping, parcel 1", 1, new BigDecimal("4.90"), RATE)));
  private final VatInvoice parcel2 = invoice(2, 13, List.of(
      new LineInput("HOODIE-ZIP-M", "Zip hoodie (Size M)", 1, new BigDecimal("49.00"), RATE),
      new LineInput("BOOK-1", "A novel", 1, new BigDecimal("10.50"), new BigDecimal("4")),
      new LineInput(null, "Shipping, parcel 2", 1, new BigDecimal("7.10"), RATE)));
  private final List<CreditNote> issued = new ArrayList<>();

  private static VatInvoice invoice(int shipmentNo, int sequenceNo, List<LineInput> lines) {
    VatInvoice.Draft draft = new VatInvoice.Draft("o-1", "ORD-AAAA2222", shipmentNo, "EUR", VatInvoicePdfTest.SELLER,
        "Ana García", "ana.garcia@example.com", "Calle Mayor 1", "28013", "Madrid", "ES", VatCalculation.of(lines));
    return new VatInvoice(draft, 2026, sequenceNo, LocalDate.of(2026, 11, 20), NOW);
  }

  private List<CreditNote> issue(String rma, Map<String, Integer> returned, String shipping) {
    List<CreditNote> notes = new ArrayList<>();
    CreditNotePlan.plan(List.of(parcel1, parcel2),
        number -> issued.stream().filter(n -> n.correctedInvoiceNumber().equals(number)).toList(), returned,
        shipping == null ? null : new BigDecimal(shipping)).forEach((invoice, lines) -> notes.add(
            new CreditNote(invoice, rma, lines, 2026, issued.size() + notes.size() + 1, LocalDate.of(2026, 11, 30),
                NOW)));
    issued.addAll(notes);
    return notes;
  }

  @Test
  @DisplayName("one returned T-shirt: one negative line at the invoice's unit price and rate, totals negative")
  void oneUnit() {
    // when
    List<CreditNote> notes = issue("RMA-1", Map.of("TSHIRT-ORG-M", 1), null);

    // then: 9.99 gross at 21 % → 8.26 net + 1.73 VAT
    assertThat(notes).singleElement().satisfies(note -> {
      assertThat(note.creditNoteNumber()).isEqualTo("CN-2026-000001");
      assertThat(note.correctedInvoiceNumber()).isEqualTo("VAT-2026-000012");
      assertThat(note.pricedLines()).extracting(VatCalculation.PricedLine::sku, VatCalculation.PricedLine::quantity,
          l -> l.unitPriceGross().toPlainString(), l -> l.net().toPlainString(), l -> l.vat().toPlainString(),
          l -> l.gross().toPlainString())
          .containsExactly(tuple("TSHIRT-ORG-M", -1, "9.99", "-8.26", "-1.73", "-9.99"));
      assertThat(note.totalNet()).isEqualByComparingTo("-8.26");
      assertThat(note.totalVat()).isEqualByComparingTo("-1.73");
      assertThat(note.totalGross()).isEqualByComparingTo("-9.99");
    });
  }

  @Test
  @DisplayName("returns of a line add up to the invoice line to the cent; more than invoiced is never credited")
  void lastUnitsTakeTheRest() {
    // given: 3 × 9.99 = 29.97 gross → 24.77 net + 5.20 VAT on the invoice
    issue("RMA-1", Map.of("TSHIRT-ORG-M", 1), null);

    // when: the other two come back, then one more than was bought
    List<CreditNote> rest = issue("RMA-2", Map.of("TSHIRT-ORG-M", 2), null);
    List<CreditNote> tooMany = issue("RMA-3", Map.of("TSHIRT-ORG-M", 1), null);

    // then
    assertThat(rest).singleElement().satisfies(note -> {
      assertThat(note.totalGross()).isEqualByComparingTo("-19.98");
      assertThat(note.totalNet()).as("24.77 less 8.26").isEqualByComparingTo("-16.51");
      assertThat(note.totalVat()).isEqualByComparingTo("-3.47");
    });
    assertThat(tooMany).isEmpty();
  }

  @Test
  @DisplayName("goods from two parcels: one credit note per corrected invoice, each at its own rates; refunded "
      + "shipping goes on the first, never more than its invoiced shipping, the rest on the next")
  void twoInvoicesAndShipping() {
    // when
    List<CreditNote> notes = issue("RMA-1", Map.of("TSHIRT-ORG-M", 1, "BOOK-1", 1), "6.00");

    // then
    assertThat(notes).extracting(CreditNote::correctedInvoiceNumber, CreditNote::creditNoteNumber)
        .containsExactly(tuple("VAT-2026-000012", "CN-2026-000001"), tuple("VAT-2026-000013", "CN-2026-000002"));
    assertThat(notes.get(0).pricedLines()).extracting(VatCalculation.PricedLine::description,
        l -> l.gross().toPlainString(), l -> l.net().toPlainString())
        .containsExactly(tuple("Organic cotton T-shirt (Size M)", "-9.99", "-8.26"),
            tuple("Shipping, parcel 1", "-4.90", "-4.05"));
    // the book at 4 %: 10.50 → 10.10 net + 0.40 VAT; 1.10 of parcel 2's shipping at 21 % → 0.91 + 0.19
    assertThat(notes.get(1).pricedLines()).extracting(VatCalculation.PricedLine::description,
        l -> l.ratePercent().toPlainString(), l -> l.gross().toPlainString(), l -> l.net().toPlainString(),
        l -> l.vat().toPlainString())
        .containsExactly(tuple("A novel", "4", "-10.50", "-10.10", "-0.40"),
            tuple("Shipping, parcel 2", "21", "-1.10", "-0.91", "-0.19"));
    assertThat(notes.get(1).totalGross()).isEqualByComparingTo("-11.60");
  }

  @Test
  @DisplayName("a SKU that was not invoiced gives no credit note")
  void nothingInvoiced() {
    assertThat(issue("RMA-1", Map.of("MUG-CERAMIC", 1), null)).isEmpty();
  }

  @Test
  @DisplayName("the PDF reads back as a credit note: its number, the corrected invoice, the return, negative amounts")
  void pdf() {
    // given
    CreditNote note = issue("RMA-2026-0007", Map.of("TSHIRT-ORG-M", 1), "4.90").get(0);

    // when
    byte[] pdf = VatInvoicePdf.render(note);
    String text = PdfReading.text(pdf);

    // then
    assertThat(PdfReading.pageSizes(pdf)).hasSize(1);
    assertThat(text).contains("CREDIT NOTE", "No. CN-2026-000001", "Corrects invoice VAT-2026-000012 of 20 November "
        + "2026", "Issue date 30 November 2026", "return RMA-2026-0007", "ORD-AAAA2222");
    assertThat(text).contains("Orderflow Shop S.L.", "ESB12345678", "Ana García", "28013 Madrid", "SPAIN");
    assertThat(text).contains("Organic cotton T-shirt (Size M)", "TSHIRT-ORG-M", "Shipping, parcel 1", "VAT 21 %");
    assertThat(text).contains("-1", "-8.26", "-1.73", "-9.99", "-4.05", "-0.85", "-4.90");
    assertThat(text).contains("Total net", "-12.31 EUR", "Total VAT", "-2.58 EUR", "Total EUR", "-14.89 EUR");
    assertThat(text).contains("CN-2026-000001 · page 1 of 1");
  }
}
