package io.orderflow.fulfillment.insight;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Channel at placement, site events intake and reviews over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Customer insight API")
class InsightApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  Map<String, Object> body(String channel) {
    Map<String, Object> body = new HashMap<>(orderBody("ES", card("pm_card_visa"), Map.of("TSHIRT-ORG-M", 1)));
    if (channel != null) {
      body.put("channel", channel);
    }
    return body;
  }

  @Test
  @DisplayName("an order without a channel came through the web shop; the process gets the channel")
  void defaultChannel() {
    Map<String, Object> placed = shop.place(body(null));
    assertThat(placed).containsEntry("channel", "WEB_SHOP");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WEB_SHOP", "MARKETPLACE", "SEARCH", "REFERRAL"})
  @DisplayName("an order records the channel the customer came through")
  void channels(String channel) {
    Map<String, Object> placed = shop.place(body(channel));
    assertThat(placed).containsEntry("channel", channel);
    assertThat(jdbc.queryForObject("select channel from customer_order where id = ?", String.class, placed.get("id")))
        .isEqualTo(channel);
  }

  @Test
  @DisplayName("CAMPAIGN and unknown channels are refused with 400 on channel, nothing stored")
  void refusedChannels() {
    int before = jdbc.queryForObject("select count(*) from customer_order", Integer.class);
    ResponseEntity<Map<String, Object>> campaign = shop.post("/api/orders", body("CAMPAIGN"));
    assertThat(campaign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(campaign.getBody().toString()).contains("channel").contains("campaign orders come from an accepted offer");
    ResponseEntity<Map<String, Object>> unknown = shop.post("/api/orders", body("TV"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().toString()).contains("channel");
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Integer.class)).isEqualTo(before);
  }

  @Test
  @DisplayName("site events: a batch is stored under the signed-in customer; a bad type or unknown SKU is 400 naming "
      + "the field, and nothing of the batch is stored")
  void events() {
    TestRestTemplate piotr = shop.as(DemoUser.PIOTR);
    int before = count(DemoUser.PIOTR.email());
    ResponseEntity<Map> ok = piotr.postForEntity("/api/events", Map.of("events", List.of(
        Map.of("type", "PRODUCT_VIEW", "sku", "TSHIRT-ORG-M"), Map.of("type", "CART_ADD", "sku", "TSHIRT-ORG-M"),
        Map.of("type", "SEARCH", "query", "organic t-shirt", "occurredAt", "2025-01-01T10:00:00Z"))), Map.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(ok.getBody()).containsEntry("accepted", 3);
    assertThat(count(DemoUser.PIOTR.email())).isEqualTo(before + 3);

    ResponseEntity<String> bad = piotr.postForEntity("/api/events", Map.of("events", List.of(
        Map.of("type", "PRODUCT_VIEW", "sku", "TSHIRT-ORG-M"), Map.of("type", "LIKE", "sku", "TSHIRT-ORG-M"),
        Map.of("type", "CART_ADD", "sku", "NO-SUCH-SKU"))), String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("events[1].type").contains("events[2].sku");
    assertThat(count(DemoUser.PIOTR.email())).isEqualTo(before + 3);

    ResponseEntity<String> tooMany = piotr.postForEntity("/api/events", Map.of("events",
        java.util.Collections.nCopies(101, Map.of("type", "SEARCH", "query", "x"))), String.class);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("events");
  }

  @Test
  @DisplayName("reviews: someone else's order is 404, a product not yet delivered is 400 on sku, an unknown product's "
      + "reviews 404, a product without reviews has count 0")
  void reviews() {
    Map<String, Object> placed = shop.place(body(null));
    String orderId = placed.get("id").toString();
    Map<String, Object> review = Map.of("sku", "TSHIRT-ORG-M", "rating", 5);

    assertThat(shop.as(DemoUser.PIOTR).postForEntity("/api/orders/" + orderId + "/reviews", review, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> notDelivered = shop.as(DemoUser.ANA).postForEntity("/api/orders/" + orderId + "/reviews",
        Map.of("sku", "TSHIRT-ORG-M", "rating", 7), String.class);
    assertThat(notDelivered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notDelivered.getBody()).contains("\"sku\"").contains("rating");

    assertThat(http.getForEntity("/api/products/NO-SUCH-SKU/reviews", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> none = http.getForEntity("/api/products/TSHIRT-ORG-M/reviews", Map.class);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(none.getBody()).containsKey("count");
  }

  @Test
  @DisplayName("reviews: the customer rates a product of their delivered order once (a second review is 409); the "
      + "product shows the average and count, without the reviewer's name")
  @SuppressWarnings("unchecked")
  void reviewOfDeliveredProduct() {
    // given: a lamp of this test's own, delivered to Ana
    String sku = "LAMP-RV-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Reading lamp', 'home', null, 30.00, 'EUR', 900, false)", sku, sku);
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values (?, 'madrid', 5, 0, "
        + "'E-02-1')", sku);
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(sku, 1))).get("id");
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);

    // when
    ResponseEntity<String> rated = shop.as(DemoUser.ANA).postForEntity("/api/orders/" + orderId + "/reviews",
        Map.of("sku", sku, "rating", 4, "comment", "Warm light, sturdy base"), String.class);
    ResponseEntity<String> again = shop.as(DemoUser.ANA).postForEntity("/api/orders/" + orderId + "/reviews",
        Map.of("sku", sku, "rating", 1), String.class);

    // then
    assertThat(rated.getStatusCode().is2xxSuccessful()).as("%s", rated.getBody()).isTrue();
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<Map> product = http.getForEntity("/api/products/" + sku + "/reviews", Map.class);
    assertThat(product.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) product.getBody().get("count")).intValue()).isEqualTo(1);
    assertThat(((Number) product.getBody().get("average")).doubleValue()).isEqualTo(4.0);
    assertThat(product.getBody().toString()).contains("Warm light, sturdy base").doesNotContain("Ana")
        .doesNotContain(DemoUser.ANA.email());
  }

  int count(String email) {
    return jdbc.queryForObject("select count(*) from site_event where customer_email = ?", Integer.class, email);
  }
}
