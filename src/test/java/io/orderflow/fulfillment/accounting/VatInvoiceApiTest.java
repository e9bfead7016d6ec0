package io.orderflow.fulfillment.accounting;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.shipping.documents.PdfReading;
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
 * VAT invoices and the money ledger over HTTP, on the whole application: an order paid by card runs to delivery, its
 * parcel's invoice is issued (as the issue-vat-invoice step will once the process owner wires it in) and read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("VAT invoices over HTTP")
class VatInvoiceApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired VatInvoices invoices;

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A parcel's VAT invoice is issued by the process at hand-over, once (issuing again returns it), shown "
      + "on the order, listed with its totals and downloaded as a PDF; the money ledger shows authorization, invoice "
      + "and capture")
  void invoiceOfADeliveredParcel() {
    // given: two 65 W chargers (39.90 each) sent from Madrid to Madrid, paid by card, delivered
    ShopClient shop = new ShopClient(http, jdbc);
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("CHARGER-USBC-65W", 2)))
        .get("id");
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);
    Map<String, Object> delivered = shop.get("/api/orders/" + orderId);
    Map<String, Object> parcel = ((List<Map<String, Object>>) delivered.get("shipments")).get(0);
    BigDecimal shipping = new BigDecimal(parcel.get("shippingCost").toString());
    assertThat(parcel.get("invoiceNumber")).as("issued by the process when the parcel was handed over").isNotNull();

    // when
    VatInvoices.IssuedInvoice issued = invoices.issue(orderId, 1).orElseThrow();
    VatInvoices.IssuedInvoice again = invoices.issue(orderId, 1).orElseThrow();

    // then the invoice is issued once, for goods and shipping at the Spanish rate
    assertThat(again).isEqualTo(issued);
    assertThat(issued.invoiceNumber()).isEqualTo(parcel.get("invoiceNumber"));
    assertThat(issued.invoiceNumber()).matches("VAT-\\d{4}-\\d{6}");
    assertThat(issued.totalGross()).isEqualByComparingTo(new BigDecimal("79.80").add(shipping));
    assertThat(issued.totalNet().add(issued.totalVat())).isEqualByComparingTo(issued.totalGross());
    assertThat(issued.vatBreakdown()).singleElement()
        .satisfies(rate -> assertThat(rate.ratePercent()).isEqualByComparingTo("21"));

    // and the order shows it on its parcel
    Map<String, Object> order = shop.get("/api/orders/" + orderId);
    assertThat(((List<Map<String, Object>>) order.get("shipments")).get(0))
        .containsEntry("invoiceNumber", issued.invoiceNumber());

    // and the list has it with its totals
    List<Map<String, Object>> listed = shop.exchange("/api/orders/" + orderId + "/invoices", HttpMethod.GET, null,
        LIST).getBody();
    assertThat(listed).singleElement().satisfies(i -> {
      assertThat(i).containsEntry("invoiceNumber", issued.invoiceNumber()).containsEntry("shipmentNo", 1)
          .containsEntry("currency", "EUR");
      assertThat(new BigDecimal(i.get("totalGross").toString())).isEqualByComparingTo(issued.totalGross());
      assertThat(new BigDecimal(i.get("totalVat").toString())).isEqualByComparingTo(issued.totalVat());
    });

    // and the PDF downloads and reads back
    ResponseEntity<byte[]> pdf = shop.getForEntity("/api/orders/" + orderId + "/invoices/" + issued.invoiceNumber()
        + ".pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text = PdfReading.text(pdf.getBody());
    assertThat(text).contains(issued.invoiceNumber(), "65 W USB-C charger", "CHARGER-USBC-65W", "VAT 21 %",
        issued.totalGross().toPlainString() + " EUR", issued.totalVat().toPlainString() + " EUR", "Ana García",
        (String) order.get("orderNumber"));

    // and an invoice the order does not have is a 404 problem
    ResponseEntity<Map<String, Object>> unknown = shop.exchange("/api/orders/" + orderId
        + "/invoices/VAT-1999-000001.pdf", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).containsEntry("status", 404);

    // and the money ledger tells the story
    List<Map<String, Object>> movements = shop.exchange("/api/orders/" + orderId + "/money-movements", HttpMethod.GET,
        null, LIST).getBody();
    // (capture and invoice follow the hand-over in parallel, so their ledger order varies; each is there once)
    assertThat(movements.get(0)).containsEntry("kind", "AUTHORIZED");
    assertThat(movements).extracting(m -> m.get("kind")).containsExactlyInAnyOrder("AUTHORIZED", "CAPTURED", "INVOICED");
    assertThat(movements).allSatisfy(m -> assertThat(new BigDecimal(m.get("amount").toString()))
        .isEqualByComparingTo(issued.totalGross()));
    assertThat(movements).filteredOn(m -> "INVOICED".equals(m.get("kind"))).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("reference", issued.invoiceNumber()));
  }
}
