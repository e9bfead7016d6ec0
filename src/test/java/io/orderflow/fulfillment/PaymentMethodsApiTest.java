package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.from;
import static io.orderflow.fulfillment.testsupport.ShopClient.method;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every payment method driven through the API on the embedded default, from checkout to a settled or cancelled order:
 * card declined and replaced or not, bank transfer exact or with another amount, invoice approved, reviewed or
 * refused by the credit check, cash on delivery reconciled by finance. Each test has its own customer e-mail (the
 * credit check counts a customer's earlier orders) and its own articles where it checks stock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class PaymentMethodsApiTest {

  private static final Pattern CREDITOR_REFERENCE = Pattern.compile("RF\\d{2}[A-Z0-9 ]+");

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ZeebeTestEngine engine;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("Card declined: the customer gives another card (a card number is refused) and the order goes on")
  void cardDeclinedThenReplaced() {
    String orderId = place(orderBody("PL", card("pm_card_chargeDeclined"), Map.of("JEANS-SLIM-W34", 1)));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "AWAITING_CARD_UPDATE");

    ResponseEntity<Map<String, Object>> cardNumber = shop.post("/api/orders/" + orderId + "/payment/card",
        Map.of("paymentMethodId", "4111 1111 1111 1111"));
    assertThat(cardNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cardNumber.getBody().toString()).doesNotContain("4111");
    assertThat(shop.post("/api/orders/" + orderId + "/payment/card", Map.of("paymentMethodId", "pm_card_visa"))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    shop.awaitTask(DemoUser.PICKER_WARSAW, orderId, "UserTask_PickOrder");
    assertThat(shop.get("/api/orders/" + orderId)).containsEntry("status", "PAYMENT_AUTHORIZED");
    assertThat(shop.awaitPayment(orderId, "AUTHORIZED")).isNotNull();
  }

  @Test
  @DisplayName("Card declined and no other card within 48 hours: cancelled, stock back, customer service follows up")
  void cardDeclinedNotReplaced() {
    String orderId = place(orderBody("PL", card("pm_card_insufficientFunds"), Map.of("JEANS-SLIM-W32", 2)));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "AWAITING_CARD_UPDATE");
    shop.awaitStep(orderId, "ReceiveTask_CardUpdated");

    engine.increaseTime(Duration.ofHours(49));

    Map<String, Object> cancelled = shop.awaitOrderAfterTimeJump(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).isNotBlank();
    await().atMost(ShopClient.WAIT).until(() -> shop.reserved("JEANS-SLIM-W32") == 0);
    Map<String, Object> followUp = shop.awaitTask(DemoUser.CS_AGENT, orderId, "UserTask_FollowUpFailedPayment");
    shop.completeTask(followUp, Map.of("contactOutcome", "LEFT_MESSAGE", "followUpNotes", "Voicemail, will retry"));
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + orderId).get("processStatus")));
  }

  @Test
  @DisplayName("Bank transfer: instructions with an RF reference, the statement import matches it once, the order ships")
  void bankTransferExact() {
    String orderId = place(orderBody("ES", method("BANK_TRANSFER"), Map.of("SNEAKER-TRAIL-41", 1)));
    Map<String, Object> quote = quoteOf(shop.acceptQuote(orderId));
    String reference = creditorReference(shop.awaitPayment(orderId, "AWAITING_TRANSFER"));

    Map<String, Object> entry = statementEntry(reference, quote.get("amountDue"));
    Map<String, Object> first = shop.post("/api/payments/bank-statements", Map.of("entries", List.of(entry))).getBody();
    Map<String, Object> again = shop.post("/api/payments/bank-statements", Map.of("entries", List.of(entry))).getBody();

    assertThat(entries(first)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "MATCHED")
        .containsEntry("orderId", orderId));
    assertThat(entries(again)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "DUPLICATE"));
    shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    shop.awaitPayment(orderId, "PAID");
  }

  @Test
  @DisplayName("Bank transfer of another amount: finance decides; accepted, the order ships")
  void bankTransferMismatch() {
    String orderId = place(orderBody("ES", method("BANK_TRANSFER"), Map.of("SMARTWATCH-S2", 1)));
    shop.acceptQuote(orderId);
    String reference = creditorReference(shop.awaitPayment(orderId, "AWAITING_TRANSFER"));

    Map<String, Object> result = shop.post("/api/payments/bank-statements",
        Map.of("entries", List.of(statementEntry(reference, "150.00")))).getBody();
    assertThat(entries(result)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "AMOUNT_MISMATCH"));

    Map<String, Object> task = shop.awaitTask(DemoUser.FINANCE, orderId, "UserTask_ResolvePaymentDifference");
    shop.completeTask(task, Map.of("differenceDecision", "ACCEPT", "differenceNote", "Customer pays the rest with the next order"));
    shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
  }

  @Test
  @DisplayName("Invoice for a first small order: approved by the credit check, invoiced after delivery, paid by transfer")
  void invoiceApprovedIssuedAndPaid() {
    String orderId = place(from(uniqueEmail(), orderBody("ES", method("INVOICE"), Map.of("TSHIRT-ORG-M", 1))));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "INVOICE_APPROVED");

    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);
    Map<String, Object> invoiced = shop.awaitPayment(orderId, "INVOICED");
    assertThat(invoiced.get("detail").toString()).containsPattern("INV-\\d{4}-\\d{6}");
    Map<String, Object> invoice = jdbc.queryForMap("select reference, amount from invoice where order_id = ?", orderId);

    Map<String, Object> result = shop.post("/api/payments/bank-statements",
        Map.of("entries", List.of(statementEntry((String) invoice.get("reference"), invoice.get("amount"))))).getBody();

    assertThat(entries(result)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "MATCHED"));
    shop.awaitPayment(orderId, "PAID");
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + orderId).get("processStatus")));
    assertThat(shop.notifications(orderId)).extracting(n -> n.get("topic")).contains("INVOICE_ISSUED");
  }

  @Test
  @DisplayName("Invoice for a first order above 250: finance reviews; approved, the order ships")
  void invoiceReviewed() {
    String orderId = place(from(uniqueEmail(), orderBody("ES", method("INVOICE"), Map.of("HEADPHONES-BT", 2))));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "CREDIT_REVIEW");

    Map<String, Object> review = shop.awaitTask(DemoUser.FINANCE, orderId, "UserTask_ReviewCredit");
    shop.completeTask(review, Map.of("creditReviewDecision", "APPROVE", "creditReviewNote", "Known company"));

    shop.awaitPayment(orderId, "INVOICE_APPROVED");
    shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
  }

  @Test
  @DisplayName("Invoice above the limit: refused by the credit check, the order is cancelled with the reason")
  void invoiceRejected() {
    String orderId = place(from(uniqueEmail(), orderBody("BG", method("INVOICE"), Map.of("SMARTWATCH-S2", 30))));
    shop.acceptQuote(orderId);

    Map<String, Object> cancelled = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).contains("invoice limit");
    assertThat(shop.awaitTask(DemoUser.CS_AGENT, orderId, "UserTask_FollowUpFailedPayment")).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from stock_reservation where order_id = ? and status = 'ACTIVE'",
        Integer.class, orderId)).as("reservations still held").isZero();
  }

  @Test
  @DisplayName("Cash on delivery: the order ships at once; the courier reports less cash and finance reconciles it")
  void cashOnDeliveryReconciled() {
    String orderId = place(orderBody("ES", method("CASH_ON_DELIVERY"), Map.of("MUG-CERAMIC", 2)));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "COLLECT_ON_DELIVERY");
    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);
    Map<String, Object> order = shop.get("/api/orders/" + orderId);

    ResponseEntity<Map<String, Object>> report = shop.post("/api/payments/cash-collections", Map.of(
        "collectionId", "cod-" + orderId, "orderNumber", order.get("orderNumber"), "amount", "10.00", "currency", "EUR"));
    assertThat(report.getStatusCode().is2xxSuccessful()).as("cash report: %s", report.getBody()).isTrue();

    Map<String, Object> task = shop.awaitTask(DemoUser.FINANCE, orderId, "UserTask_ReconcileCash");
    shop.completeTask(task, Map.of("settledAmount", 10.00, "reconciliationNote", "Courier keeps the rest, claim filed"));
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + orderId).get("processStatus")));
  }

  private String place(Map<String, Object> body) {
    return (String) shop.place(body).get("id");
  }

  private static String uniqueEmail() {
    return "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static Map<String, Object> statementEntry(String reference, Object amount) {
    return Map.of("bankTransactionId", "BTX-" + UUID.randomUUID(), "reference", reference, "amount", amount.toString(),
        "currency", "EUR", "bookingDate", LocalDate.now().toString(), "payerName", "Test Customer");
  }

  private static String creditorReference(Map<String, Object> payment) {
    Matcher m = CREDITOR_REFERENCE.matcher(payment.get("detail").toString());
    assertThat(m.find()).as("an RF reference in %s", payment).isTrue();
    return m.group().replace(" ", "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> quoteOf(Map<String, Object> order) {
    return (Map<String, Object>) order.get("quote");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> importResult) {
    return (List<Map<String, Object>>) importResult.get("entries");
  }
}
