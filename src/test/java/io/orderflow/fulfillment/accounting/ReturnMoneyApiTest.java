package io.orderflow.fulfillment.accounting;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefund;
import io.orderflow.fulfillment.payment.ReturnRefundAction;
import io.orderflow.fulfillment.payment.ReturnRefunds;
import io.orderflow.fulfillment.shipping.documents.PdfReading;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The money side of a return over HTTP, on the whole application: a delivered card order, one charger of two comes
 * back (as the returns module's refund-return step will ask): store credit the customer reads at /api/store-credit, a
 * VAT credit note listed with the order's invoices and downloaded as a PDF, both in the money ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Refunds and credit notes of returns over HTTP")
class ReturnMoneyApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired VatInvoices invoices;
  @Autowired ReturnRefunds returns;

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("a returned charger: store credit for Ana (hers to read, not Piotr's; customer service by e-mail), a "
      + "credit note CN-… correcting the parcel's invoice, listed and downloadable by Ana and finance, 404 for Piotr")
  void storeCreditAndCreditNote() {
    // given: two 65 W chargers (39.90 each) delivered to Ana, paid by card
    ShopClient shop = new ShopClient(http, jdbc);
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("CHARGER-USBC-65W", 2)))
        .get("id");
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);
    Map<String, Object> order = shop.get("/api/orders/" + orderId);
    String invoiceNumber = (String) ((List<Map<String, Object>>) order.get("shipments")).get(0).get("invoiceNumber");
    assertThat(invoiceNumber).isNotNull();
    String rma = "RMA-" + orderId.substring(0, 8);

    // when: one charger comes back, refunded as store credit, and its credit note is issued (each twice: repeated jobs)
    ReturnRefund refund = returns.refundReturn(orderId, rma, new BigDecimal("39.90"), RefundChoice.STORE_CREDIT);
    assertThat(returns.refundReturn(orderId, rma, new BigDecimal("39.90"), RefundChoice.STORE_CREDIT))
        .isEqualTo(refund);
    List<VatInvoices.IssuedCreditNote> notes = invoices.creditNote(orderId, rma, Map.of("CHARGER-USBC-65W", 1), null);
    assertThat(invoices.creditNote(orderId, rma, Map.of("CHARGER-USBC-65W", 1), null)).isEqualTo(notes);

    // then the store credit is Ana's
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.STORE_CREDIT);
    assertThat(refund.reference()).matches("SC-[A-Z0-9]{4}-[A-Z0-9]{4}");
    ResponseEntity<Map<String, Object>> anas = shop.as(DemoUser.ANA).exchange("/api/store-credit", HttpMethod.GET,
        null, MAP);
    assertThat(anas.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anas.getBody()).containsEntry("customerEmail", DemoUser.ANA.email().toLowerCase());
    List<Map<String, Object>> credits = (List<Map<String, Object>>) anas.getBody().get("credits");
    assertThat(credits).filteredOn(c -> refund.reference().equals(c.get("code"))).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("orderId", orderId).containsEntry("rmaNumber", rma).containsEntry("currency", "EUR");
      assertThat(new BigDecimal(c.get("amount").toString())).isEqualByComparingTo("39.90");
    });
    BigDecimal sum = credits.stream().filter(c -> "EUR".equals(c.get("currency")))
        .map(c -> new BigDecimal(c.get("amount").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(new BigDecimal(((Map<String, Object>) anas.getBody().get("balance")).get("EUR").toString()))
        .isEqualByComparingTo(sum);

    ResponseEntity<Map<String, Object>> piotrs = shop.as(DemoUser.PIOTR).exchange("/api/store-credit", HttpMethod.GET,
        null, MAP);
    assertThat(piotrs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) piotrs.getBody().get("credits"))
        .noneMatch(c -> refund.reference().equals(c.get("code")));
    assertThat(shop.as(DemoUser.PIOTR).exchange("/api/store-credit?email=" + DemoUser.ANA.email(), HttpMethod.GET,
        null, MAP).getStatusCode()).as("another customer's credit").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> forAgent = shop.as(DemoUser.CS_AGENT).exchange("/api/store-credit?email="
        + DemoUser.ANA.email().toUpperCase(), HttpMethod.GET, null, MAP);
    assertThat(forAgent.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) forAgent.getBody().get("credits"))
        .anyMatch(c -> refund.reference().equals(c.get("code")));
    assertThat(shop.as(DemoUser.CS_AGENT).exchange("/api/store-credit", HttpMethod.GET, null, MAP).getStatusCode())
        .as("staff name the customer").isEqualTo(HttpStatus.BAD_REQUEST);

    // and the credit note corrects the parcel's invoice by one charger
    assertThat(notes).singleElement().satisfies(note -> {
      assertThat(note.creditNoteNumber()).matches("CN-\\d{4}-\\d{6}");
      assertThat(note.correctedInvoiceNumber()).isEqualTo(invoiceNumber);
      assertThat(note.rmaNumber()).isEqualTo(rma);
      assertThat(note.gross()).isEqualByComparingTo("-39.90");
      assertThat(note.net().add(note.vat())).isEqualByComparingTo(note.gross());
    });
    assertThat(invoices.creditNotesOf(orderId)).isEqualTo(notes);
    String number = notes.get(0).creditNoteNumber();

    List<Map<String, Object>> listed = shop.as(DemoUser.ANA).exchange("/api/orders/" + orderId + "/invoices",
        HttpMethod.GET, null, LIST).getBody();
    assertThat(listed).extracting(d -> d.get("documentType"), d -> d.get("invoiceNumber"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("INVOICE", invoiceNumber),
            org.assertj.core.groups.Tuple.tuple("CREDIT_NOTE", number));
    assertThat(listed.get(1)).containsEntry("correctedInvoiceNumber", invoiceNumber).containsEntry("rmaNumber", rma)
        .containsEntry("pdf", "/api/orders/" + orderId + "/credit-notes/" + number + ".pdf");
    assertThat(new BigDecimal(listed.get(1).get("totalGross").toString())).isEqualByComparingTo("-39.90");

    for (DemoUser reader : List.of(DemoUser.ANA, DemoUser.FINANCE, DemoUser.CS_AGENT)) {
      ResponseEntity<byte[]> pdf = shop.as(reader).getForEntity("/api/orders/" + orderId + "/credit-notes/" + number
          + ".pdf", byte[].class);
      assertThat(pdf.getStatusCode()).as("as %s", reader).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(PdfReading.text(pdf.getBody())).contains("CREDIT NOTE", number, invoiceNumber, rma,
          "CHARGER-USBC-65W", "-39.90 EUR", "Ana García");
    }
    assertThat(shop.as(DemoUser.PIOTR).getForEntity("/api/orders/" + orderId + "/credit-notes/" + number + ".pdf",
        byte[].class).getStatusCode()).as("not Piotr's order").isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> unknown = shop.as(DemoUser.ANA).exchange("/api/orders/" + orderId
        + "/credit-notes/CN-1999-000001.pdf", HttpMethod.GET, null, MAP);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // and the money ledger shows the store credit and the credit note, once each
    List<Map<String, Object>> movements = shop.as(DemoUser.FINANCE).exchange("/api/orders/" + orderId
        + "/money-movements", HttpMethod.GET, null, LIST).getBody();
    assertThat(movements).filteredOn(m -> "STORE_CREDIT".equals(m.get("kind"))).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("reference", refund.reference()));
    assertThat(movements).filteredOn(m -> "CREDIT_NOTE".equals(m.get("kind"))).singleElement().satisfies(m -> {
      assertThat(m).containsEntry("reference", number);
      assertThat(new BigDecimal(m.get("amount").toString())).isEqualByComparingTo("39.90");
    });
  }
}
