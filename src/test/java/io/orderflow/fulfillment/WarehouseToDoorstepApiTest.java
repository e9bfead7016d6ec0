package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.from;
import static io.orderflow.fulfillment.testsupport.ShopClient.method;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.shipping.documents.PdfReading;
import io.orderflow.fulfillment.testsupport.ShopClient;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The warehouse-to-doorstep issue checked as a new user would, on the embedded default: an order placed through the
 * API is worked to DELIVERED through the task and courier APIs only, and leaves a label PDF whose barcode reads as the
 * tracking number, a VAT invoice PDF, the stock down by what was sent, the payment captured, and the customer's mails
 * (payment instructions, confirmation, shipped, delivered) in the mailbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class WarehouseToDoorstepApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final String SKU = "LAMP-DESK-LED";
  private static final String EMAIL = "doorstep.check@example.com";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("Placed, paid by bank transfer, picked, packed, labelled, handed over, delivered: label, invoice, stock, payment and four mails")
  void orderToDoorstep() throws Exception {
    int onHandBefore = shop.onHand("warsaw", SKU).get(SKU);
    Map<String, Object> placed = shop.place(from(EMAIL, orderBody("PL", method("BANK_TRANSFER"), Map.of(SKU, 2))));
    String orderId = (String) placed.get("id");
    shop.acceptQuote(orderId);
    java.util.regex.Matcher rf = java.util.regex.Pattern.compile("RF\\d{2}[A-Z0-9 ]+")
        .matcher(shop.awaitPayment(orderId, "AWAITING_TRANSFER").get("detail").toString());
    assertThat(rf.find()).as("the payment instructions' creditor reference").isTrue();
    String reference = rf.group().replace(" ", "");
    Map<String, Object> order = shop.get("/api/orders/" + orderId);
    String amount = ((Map<String, Object>) order.get("quote")).get("amountDue").toString();
    ResponseEntity<Map<String, Object>> statement = shop.post("/api/payments/bank-statements", Map.of("entries",
        List.of(Map.of("bankTransactionId", "BT-" + orderId, "reference", reference, "amount", amount,
            "currency", "EUR", "bookingDate", java.time.LocalDate.now().toString(), "payerName", "Test Customer"))));
    assertThat(statement.getStatusCode().is2xxSuccessful()).as("bank statement: %s", statement.getBody()).isTrue();
    shop.awaitPayment(orderId, "PAID");

    shop.pickAndPack("warsaw", orderId);
    shop.deliverAll(orderId);

    Map<String, Object> delivered = shop.awaitOrder(orderId, "DELIVERED");
    Map<String, Object> parcel = ((List<Map<String, Object>>) delivered.get("shipments")).get(0);
    String tracking = (String) parcel.get("trackingNumber");
    byte[] label = shop.getForEntity("/api/orders/" + orderId + "/shipments/1/label.pdf", byte[].class).getBody();
    assertThat(PdfReading.decodeCode128(PdfReading.render(label, 300)).getText()).isEqualTo(tracking);
    String invoiceNumber = (String) parcel.get("invoiceNumber");
    ResponseEntity<byte[]> invoice = shop.getForEntity("/api/orders/" + orderId + "/invoices/" + invoiceNumber + ".pdf",
        byte[].class);
    assertThat(invoice.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(PdfReading.text(invoice.getBody())).contains(invoiceNumber, (String) placed.get("orderNumber"), "VAT");
    assertThat(shop.onHand("warsaw", SKU).get(SKU)).isEqualTo(onHandBefore - 2);
    assertThat(shop.reserved(SKU)).isZero();
    assertThat(((Map<String, Object>) delivered.get("payment")).get("status")).isIn("PAID", "INVOICED");
    List<String> subjects = await().atMost(ShopClient.WAIT).until(() -> mailSubjects(EMAIL), s -> s.size() >= 4);
    assertThat(subjects).hasSize(4).anyMatch(s -> s.contains("is confirmed")).anyMatch(s -> s.contains("on its way"))
        .anyMatch(s -> s.contains("delivered"));
  }

  private List<String> mailSubjects(String to) {
    return shop.exchange("/api/dev/mailbox?to=" + to, HttpMethod.GET, null, LIST).getBody().stream()
        .map(m -> (String) m.get("subject")).toList();
  }
}
