package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Checkout to payment through the API on the embedded default, as a new user would drive it: the quote shown and
 * accepted (or left to expire), split parcels, items nobody has, customer questions. Time-outs are reached by moving
 * the embedded engine's clock, as an operator cannot, but the model's timers are exactly what runs in production.
 * Each test uses its own articles, so the stock figures are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class CheckoutToPaymentApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ZeebeTestEngine engine;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("A basket no warehouse holds alone ships in two parcels, each quoted, picked by its own warehouse and tracked")
  void splitIntoTwoParcels() {
    // given: only Warsaw has 20 zip hoodies (L) and only Sofia 30 desk lamps
    Map<String, Integer> warsawBefore = shop.onHand("warsaw", "HOODIE-ZIP-L");
    Map<String, Integer> sofiaBefore = shop.onHand("sofia", "LAMP-DESK-LED");

    // when
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"),
        Map.of("HOODIE-ZIP-L", 20, "LAMP-DESK-LED", 30))).get("id");
    Map<String, Object> quoted = shop.acceptQuote(orderId);

    // then the order shows both parcels with their warehouse, distance and quote, and why
    List<Map<String, Object>> shipments = list(quoted.get("shipments"));
    assertThat(shipments).extracting(s -> s.get("warehouseId")).containsExactlyInAnyOrder("warsaw", "sofia");
    assertThat(shipments).allSatisfy(s -> assertThat(new BigDecimal(s.get("shippingCost").toString())).isPositive());
    assertThat(quoted.get("routingReason").toString()).contains("2 shipments");
    Map<String, Object> quote = map(quoted.get("quote"));
    BigDecimal shipping = shipments.stream().map(s -> new BigDecimal(s.get("shippingCost").toString()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(new BigDecimal(quote.get("shippingCost").toString())).isEqualByComparingTo(shipping);
    assertThat(new BigDecimal(quote.get("amountDue").toString()))
        .isEqualByComparingTo(new BigDecimal(quoted.get("totalAmount").toString()).add(shipping));

    // when each warehouse picks and packs its parcel
    shop.pickAndPack("warsaw", orderId);
    shop.pickAndPack("sofia", orderId);

    // then both parcels are with the courier, each with its tracking number, and the stock left each warehouse
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    List<String> tracking = list(shipped.get("shipments")).stream().map(s -> (String) s.get("trackingNumber")).toList();
    assertThat(tracking).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(shop.onHand("warsaw", "HOODIE-ZIP-L").get("HOODIE-ZIP-L")).isEqualTo(warsawBefore.get("HOODIE-ZIP-L") - 20);
    assertThat(shop.onHand("sofia", "LAMP-DESK-LED").get("LAMP-DESK-LED")).isEqualTo(sofiaBefore.get("LAMP-DESK-LED") - 30);

    // when the first parcel arrives the order waits for the second
    shop.courierDelivered(tracking.get(0));
    shop.awaitOrder(orderId, o -> list(o.get("shipments")).stream().anyMatch(s -> "DELIVERED".equals(s.get("status"))));
    assertThat(shop.get("/api/orders/" + orderId)).containsEntry("status", "SHIPPED");
    shop.courierDelivered(tracking.get(1));

    // then
    shop.awaitOrder(orderId, "DELIVERED");
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + orderId).get("processStatus")));
  }

  @Test
  @DisplayName("Items nobody has: the customer ships the rest and backorders them, pays only what ships, and the quote can expire")
  void partialAvailabilityBackorder() {
    // when: 3 limited prints are ordered, one exists
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("PRINT-LIMITED", 3))).get("id");
    Map<String, Object> waiting = awaitQuestionAboutUnavailableItems(orderId);

    // then the order says what is missing and the customer was asked
    assertThat(list(waiting.get("lines")).get(0)).containsEntry("unavailableQuantity", 2);
    assertThat(shop.notifications(orderId)).anySatisfy(n -> assertThat(n).containsEntry("topic", "ITEMS_UNAVAILABLE")
        .extractingByKey("summary").asString().contains("not available now: 2 x"));

    // when the customer chooses to receive what is there
    assertThat(decide(orderId, "SHIP_AVAILABLE").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    // then the quote charges one print plus shipping, and a second answer is refused
    Map<String, Object> quoted = shop.awaitOrder(orderId, "QUOTED");
    assertThat(quoted).containsEntry("backorderDecision", "BACKORDER");
    BigDecimal shipping = new BigDecimal(map(quoted.get("quote")).get("shippingCost").toString());
    assertThat(new BigDecimal(map(quoted.get("quote")).get("amountDue").toString()))
        .isEqualByComparingTo(new BigDecimal("250.00").add(shipping));
    assertThat(decide(orderId, "CANCEL").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // when nobody accepts the quote in time
    shop.awaitStep(orderId, "Gateway_QuoteAnswer");
    engine.increaseTime(Duration.ofMinutes(31));

    // then the order expires, the print is free again, and a late acceptance is refused with a reason
    shop.awaitOrder(orderId, "EXPIRED");
    await().atMost(ShopClient.WAIT).until(() -> shop.reserved("PRINT-LIMITED") == 0);
    ResponseEntity<Map<String, Object>> late = shop.post("/api/orders/" + orderId + "/quote/acceptance", Map.of());
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail").toString()).contains("EXPIRED");
    assertThat(shop.notifications(orderId)).extracting(n -> n.get("topic")).contains("QUOTE_EXPIRED");
  }

  @Test
  @DisplayName("Items nobody has: the customer cancels, and the stock held for the rest goes back")
  void partialAvailabilityCancel() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("PRINT-LIMITED", 2))).get("id");
    awaitQuestionAboutUnavailableItems(orderId);

    assertThat(decide(orderId, "CANCEL").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    Map<String, Object> cancelled = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).contains("some items were not available");
    await().atMost(ShopClient.WAIT).until(() -> shop.reserved("PRINT-LIMITED") == 0);
  }

  @Test
  @DisplayName("Items nobody has: without an answer within 2 days the order is cancelled")
  void partialAvailabilityTimeout() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("PRINT-LIMITED", 2))).get("id");
    awaitQuestionAboutUnavailableItems(orderId);

    engine.increaseTime(Duration.ofDays(2).plusMinutes(1));

    Map<String, Object> cancelled = shop.awaitOrderAfterTimeJump(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).contains("No answer");
    await().atMost(ShopClient.WAIT).until(() -> shop.reserved("PRINT-LIMITED") == 0);
  }

  @Test
  @DisplayName("Nothing of the order in stock anywhere: cancelled at once and the customer told why")
  void nothingInStock() {
    String orderId = (String) shop.place(orderBody("BG", card("pm_card_visa"), Map.of("PRINT-ARTIST-PROOF", 1))).get("id");

    Map<String, Object> cancelled = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).startsWith("Out of stock").contains("PRINT-ARTIST-PROOF");
    await().atMost(ShopClient.WAIT).until(() -> shop.notifications(orderId).stream()
        .anyMatch(n -> "ORDER_CANCELLED".equals(n.get("topic"))));
  }

  @Test
  @DisplayName("A quote left alone expires after its validity, releasing the goods; accepting it then is refused")
  void quoteExpires() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("SNEAKER-TRAIL-43", 1))).get("id");
    Map<String, Object> quoted = shop.awaitOrder(orderId, "QUOTED");
    assertThat(map(quoted.get("quote")).get("validUntil")).isNotNull();
    assertThat(shop.reserved("SNEAKER-TRAIL-43")).isEqualTo(1);

    shop.awaitStep(orderId, "Gateway_QuoteAnswer");
    engine.increaseTime(Duration.ofMinutes(31));

    shop.awaitOrder(orderId, "EXPIRED");
    await().atMost(ShopClient.WAIT).until(() -> shop.reserved("SNEAKER-TRAIL-43") == 0);
    assertThat(shop.exchange("/api/stock/movements/orders/" + orderId, org.springframework.http.HttpMethod.GET, null,
        new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody())
        .extracting(m -> m.get("type") + " x" + m.get("quantity")).containsExactly("RESERVED x1", "RELEASED x1");
    assertThat(shop.post("/api/orders/" + orderId + "/quote/acceptance", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + orderId).get("processStatus")));
  }

  @Test
  @DisplayName("A customer's question becomes a customer-service task; the answer is queued for the customer")
  void customerQuestion() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("TSHIRT-ORG-L", 1))).get("id");
    shop.awaitOrder(orderId, "QUOTED");

    assertThat(shop.post("/api/orders/" + orderId + "/questions", Map.of("question", "  ")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(shop.post("/api/orders/no-such-order/questions", Map.of("question", "Hello?")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.post("/api/orders/" + orderId + "/questions",
        Map.of("question", "Can the parcel be left with the concierge?")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    Map<String, Object> task = shop.awaitTask(DemoUser.CS_AGENT, orderId, "UserTask_AnswerQuestion");
    Map<String, Object> details = shop.get("/api/tasks/" + task.get("key"));
    assertThat(map(details.get("variables"))).containsEntry("question", "Can the parcel be left with the concierge?");
    shop.completeTask(task, Map.of("answer", "Yes, we will tell the courier."));

    await().atMost(ShopClient.WAIT).until(() -> shop.notifications(orderId).stream()
        .anyMatch(n -> "QUESTION_ANSWERED".equals(n.get("topic"))
            && n.get("summary").toString().contains("Yes, we will tell the courier.")));
    assertThat(shop.get("/api/orders/" + orderId)).containsEntry("status", "QUOTED");
  }

  @Test
  @DisplayName("Answers to questions the process is not asking are refused with 409 and name the order's state")
  void decisionsOutOfTurn() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("BACKPACK-20L", 1))).get("id");
    shop.awaitOrder(orderId, "QUOTED");

    ResponseEntity<Map<String, Object>> notAsked = decide(orderId, "SHIP_AVAILABLE");
    assertThat(notAsked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notAsked.getBody().get("detail").toString()).contains("QUOTED");
    assertThat(shop.post("/api/orders/" + orderId + "/backorder-decision", Map.of("choice", "MAYBE")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(shop.post("/api/orders/unknown/quote/acceptance", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private Map<String, Object> awaitQuestionAboutUnavailableItems(String orderId) {
    return shop.awaitOrder(orderId, o -> "STOCK_RESERVED".equals(o.get("status"))
        && list(o.get("currentSteps")).stream().anyMatch(s -> "Gateway_BackorderAnswer".equals(s.get("elementId"))));
  }

  private ResponseEntity<Map<String, Object>> decide(String orderId, String choice) {
    return shop.post("/api/orders/" + orderId + "/backorder-decision", Map.of("choice", choice));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
