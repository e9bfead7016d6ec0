package io.orderflow.fulfillment.shipping.documents;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * A parcel's papers over HTTP on the whole app (same configuration as the other API tests, so the context is shared):
 * the packing slip as soon as the parcel is planned, the label once the courier is booked. The order is taken up to its
 * quote by the real process; the booking is then written as the book-courier step writes it, so this test does not
 * depend on payment, picking and packing (the lifecycle tests cover those). Uses its own articles (smartwatches and
 * W34 jeans) so the stock figures of other tests stay theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ShippingDocumentsApiTest {

  private static final String NAME = "Zoë Łukasiewicz-Иванова";
  private static final String TRACKING = "SX473129582PL";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("A split order's parcel has its packing slip once planned and its scannable label once booked; the other parcel's label waits")
  void papersOfASplitOrder() throws Exception {
    // given a fragile gift to Warsaw that no single warehouse holds: the jeans leave Warsaw, the watches Sofia
    List<Map<String, Object>> slots = http.exchange("/api/delivery-slots?method=STANDARD", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    Map<String, Object> body = new HashMap<>(orderBody("PL", card("pm_card_visa"),
        Map.of("JEANS-SLIM-W34", 20, "SMARTWATCH-S2", 25)));
    body.put("customer", Map.of("name", NAME, "email", "zoe@example.com", "phone", "+48 600 100 200"));
    body.put("delivery", Map.of("method", "STANDARD", "slot", slots.get(0), "giftWrap", true,
        "giftMessage", "Wszystkiego najlepszego!", "fragilePackaging", true, "instructions", "Ring twice"));
    String orderId = (String) shop.place(body).get("id");
    Map<String, Object> quoted = shop.awaitOrder(orderId, "QUOTED");
    String orderNumber = (String) quoted.get("orderNumber");
    int warsaw = parcelFrom(quoted, "warsaw");
    int sofia = parcelFrom(quoted, "sofia");

    // when the Warsaw parcel's slip is printed before any courier is booked
    ResponseEntity<byte[]> slip = pdf(orderId, warsaw, "packing-slip.pdf");

    // then it lists the jeans with their Warsaw bin, not the watches
    assertThat(slip.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(slip.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(slip.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("packing-slip-" + orderNumber + "-" + warsaw + ".pdf");
    assertThat(PdfReading.text(slip.getBody())).contains(NAME, "Parcel " + warsaw + " of 2", "Warsaw warehouse")
        .contains("JEANS-SLIM-W34 Slim-fit jeans (W34 L32) 20 D-02-1", "FRAGILE", "Wszystkiego najlepszego!")
        .doesNotContain("SMARTWATCH-S2");
    // and no label exists yet
    assertThat(pdf(orderId, warsaw, "label.pdf").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // when the courier is booked for the Warsaw parcel (recorded as the book-courier step records it)
    jdbc.update("insert into shipment (order_id, shipment_no, warehouse_id, carrier, tracking_number, package_type,"
        + " weight_grams, status, booked_at) values (?, ?, 'warsaw', 'Simulated Express', ?, 'LARGE_BOX', 14650,"
        + " 'BOOKED', current_timestamp)", orderId, warsaw, TRACKING);

    // then its label is a 4 x 6 in PDF whose barcode scans as the tracking number
    ResponseEntity<byte[]> label = pdf(orderId, warsaw, "label.pdf");
    assertThat(label.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(label.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(label.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("label-" + orderNumber + "-" + warsaw + ".pdf");
    assertThat(PdfReading.pageSizes(label.getBody())).singleElement()
        .satisfies(page -> assertThat(page.getWidth()).isEqualTo(288f))
        .satisfies(page -> assertThat(page.getHeight()).isEqualTo(432f));
    assertThat(PdfReading.text(label.getBody())).contains(NAME, TRACKING, warsaw + " of 2", "14.65 kg", "Large box",
        "Warsaw warehouse", "FRAGILE", "Order " + orderNumber);
    assertThat(PdfReading.decodeCode128(PdfReading.render(label.getBody(), 300)).getText()).isEqualTo(TRACKING);
    // and asking again gives the same document
    assertThat(pdf(orderId, warsaw, "label.pdf").getBody()).isEqualTo(label.getBody());
    assertThat(PdfReading.text(pdf(orderId, warsaw, "packing-slip.pdf").getBody()))
        .contains("Simulated Express · " + TRACKING);

    // while Sofia's parcel has its slip but no label yet, and parcels or orders that do not exist are not found
    assertThat(pdf(orderId, sofia, "label.pdf").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<byte[]> sofiaSlip = pdf(orderId, sofia, "packing-slip.pdf");
    assertThat(sofiaSlip.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(PdfReading.text(sofiaSlip.getBody())).contains("SMARTWATCH-S2 Fitness smartwatch 25 B-03-2")
        .doesNotContain("JEANS-SLIM-W34");
    assertThat(pdf(orderId, 3, "packing-slip.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pdf("no-such-order", 1, "label.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<byte[]> pdf(String orderId, int shipmentNo, String document) {
    return shop.exchange("/api/orders/" + orderId + "/shipments/" + shipmentNo + "/" + document, HttpMethod.GET, null,
        byte[].class);
  }

  @SuppressWarnings("unchecked")
  private static int parcelFrom(Map<String, Object> order, String warehouse) {
    return ((List<Map<String, Object>>) order.get("shipments")).stream()
        .filter(s -> warehouse.equals(s.get("warehouseId"))).mapToInt(s -> (Integer) s.get("shipmentNo"))
        .findFirst().orElseThrow(() -> new AssertionError("no parcel from " + warehouse + ": " + order.get("shipments")));
  }

  @SuppressWarnings("unchecked")
  private static String trackingOf(Map<String, Object> order, int shipmentNo) {
    return ((List<Map<String, Object>>) order.get("shipments")).stream()
        .filter(s -> ((Integer) s.get("shipmentNo")) == shipmentNo).map(s -> (String) s.get("trackingNumber"))
        .findFirst().orElse(null);
  }
}
