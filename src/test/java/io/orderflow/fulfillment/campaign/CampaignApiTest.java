package io.orderflow.fulfillment.campaign;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.from;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign end to end over the API on the embedded runtime: marketing.assistant defines it for the segment of a
 * consenting customer (Piotr), marketing.manager approves it through the task API (never its author), Piotr sees his
 * offer and accepts it: an ordinary order, channel CAMPAIGN, at the discounted price, quoted like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("A marketing campaign over the API")
class CampaignApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final String SKU = "TSHIRT-ORG-M";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void shop() {
    shop = new ShopClient(http, jdbc);
  }

  ResponseEntity<Map<String, Object>> post(DemoUser user, String path, Object body) {
    return shop.as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
  }

  Map<String, Object> get(DemoUser user, String path) {
    return shop.as(user).exchange(path, HttpMethod.GET, null, MAP).getBody();
  }

  Map<String, Object> define(DemoUser author, String segment) {
    ResponseEntity<Map<String, Object>> created = post(author, "/api/campaigns", Map.of("name", "Tees for you",
        "rule", "SEGMENT", "segment", segment, "products", List.of(SKU), "discountPercent", 20,
        "validUntil", Instant.now().plus(Duration.ofDays(7)).toString()));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  Map<String, Object> approvalTask(Map<String, Object> campaign) {
    return await().atMost(ShopClient.WAIT).until(() -> shop.as(DemoUser.MARKETING).exchange(
            "/api/tasks?candidateGroup=marketing-manager&processInstanceKey=" + campaign.get("processInstanceKey"),
            HttpMethod.GET, null, LIST).getBody().stream().findFirst(), Optional::isPresent).orElseThrow();
  }

  ResponseEntity<Map<String, Object>> decide(Map<String, Object> task, String decision) {
    return post(DemoUser.MARKETING, "/api/tasks/" + task.get("key") + "/complete",
        Map.of("variables", Map.of("campaignDecision", decision, "campaignNote", "fine")));
  }

  Map<String, Object> approved(Map<String, Object> campaign) {
    assertThat(decide(approvalTask(campaign), "APPROVE").getStatusCode()).isEqualTo(HttpStatus.OK);
    return await().atMost(ShopClient.WAIT).until(() -> get(DemoUser.MARKETING, "/api/campaigns/" + campaign.get("id")),
        c -> "RUNNING".equals(c.get("status")));
  }

  Map<String, Object> offerOf(DemoUser customer, Map<String, Object> campaign) {
    return await().atMost(ShopClient.WAIT).until(() -> shop.as(customer).exchange("/api/offers", HttpMethod.GET, null,
            LIST).getBody().stream().filter(o -> campaign.get("id").equals(o.get("campaignId"))).findFirst(),
        Optional::isPresent).orElseThrow();
  }

  static Map<String, Object> acceptance() {
    return Map.of("name", "Piotr Nowak", "shippingAddress", Map.of("street", "ul. Marszałkowska 1",
        "postalCode", "00-001", "city", "Warszawa", "country", "PL"), "payment", card("pm_card_visa"));
  }

  @Test
  @DisplayName("Defined by an assistant, approved by a manager (not its author), accepted by the customer: a "
      + "discounted CAMPAIGN order that is quoted like any other; expired offers and others' offers are refused")
  @SuppressWarnings("unchecked")
  void campaignToOrder() {
    // given Piotr's latest order gave marketing consent, and the insight knows his segment
    Map<String, Object> body = new HashMap<>(from(DemoUser.PIOTR.email(), orderBody("PL", card("pm_card_visa"),
        Map.of(SKU, 1))));
    body.put("marketingConsent", true);
    shop.place(body);
    assertThat(post(DemoUser.MARKETING, "/api/insight/refresh", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    String segment = (String) get(DemoUser.MARKETING, "/api/insight/customers/" + DemoUser.PIOTR.email())
        .get("segment");

    // a bad definition is refused naming its fields
    ResponseEntity<Map<String, Object>> bad = post(DemoUser.MARKETING_ASSISTANT, "/api/campaigns", Map.of(
        "name", "x", "rule", "SEGMENT", "products", List.of(SKU), "discountPercent", 95,
        "validUntil", Instant.now().plus(Duration.ofDays(120)).toString()));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("segment", "discountPercent", "validUntil");

    // when the assistant defines two campaigns for Piotr's segment and the manager approves them
    Map<String, Object> campaign = define(DemoUser.MARKETING_ASSISTANT, segment);
    Map<String, Object> second = define(DemoUser.MARKETING_ASSISTANT, segment);
    assertThat(campaign).containsEntry("createdBy", "marketing.assistant");
    Map<String, Object> running = approved(campaign);
    approved(second);
    assertThat(running).containsEntry("approvedBy", "marketing.manager");

    // then the manager may not approve their own campaign
    Map<String, Object> own = define(DemoUser.MARKETING, segment);
    ResponseEntity<Map<String, Object>> refused = decide(approvalTask(own), "APPROVE");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").toString()).contains("another marketing manager");

    // and Piotr sees his offer at the discounted price; Ana may not accept it
    Map<String, Object> offer = offerOf(DemoUser.PIOTR, campaign);
    Map<String, Object> product = ((List<Map<String, Object>>) offer.get("products")).getFirst();
    assertThat(product).containsEntry("sku", SKU);
    String offerPath = "/api/offers/" + offer.get("id") + "/acceptance";
    assertThat(post(DemoUser.ANA, offerPath, acceptance()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // when Piotr accepts it
    java.math.BigDecimal campaignRevenueBefore = campaignRevenueToday();
    ResponseEntity<Map<String, Object>> accepted = post(DemoUser.PIOTR, offerPath, acceptance());

    // then an ordinary order with channel CAMPAIGN at the offer's price is placed and quoted
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.CREATED);
    String orderId = (String) accepted.getBody().get("orderId");
    shop.actAs(DemoUser.PIOTR, orderId);
    Map<String, Object> order = shop.acceptQuote(orderId);
    assertThat(order).containsEntry("channel", "CAMPAIGN");
    Map<String, Object> line = ((List<Map<String, Object>>) order.get("lines")).getFirst();
    assertThat(line).containsEntry("sku", SKU);
    assertThat(new java.math.BigDecimal(line.get("unitPrice").toString()))
        .isEqualByComparingTo(new java.math.BigDecimal(product.get("offerPrice").toString()));
    assertThat(post(DemoUser.PIOTR, offerPath, acceptance()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // and it is fulfilled like any other order: picked, packed, shipped, delivered; the KPIs count it under CAMPAIGN
    Map<String, Object> paid = shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED");
    shop.pickAndPack((String) paid.get("warehouseId"), orderId);
    shop.deliverAll(orderId);
    java.math.BigDecimal due = new java.math.BigDecimal(((Map<String, Object>) paid.get("quote")).get("amountDue")
        .toString());
    assertThat(campaignRevenueToday().subtract(campaignRevenueBefore)).isEqualByComparingTo(due);

    // and an offer whose campaign's validity is over can no longer be accepted
    Map<String, Object> late = offerOf(DemoUser.PIOTR, second);
    jdbc.update("update campaign set valid_until = ? where id = ?", java.sql.Timestamp.from(Instant.now()
        .minusSeconds(60)), second.get("id"));
    ResponseEntity<Map<String, Object>> expired = post(DemoUser.PIOTR, "/api/offers/" + late.get("id")
        + "/acceptance", acceptance());
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(expired.getBody().get("detail").toString()).contains("expired");

    // when marketing cancels the first campaign, its results count the accepted offer and its order's revenue
    assertThat(post(DemoUser.MARKETING, "/api/campaigns/" + campaign.get("id") + "/cancellation", null)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> results = await().atMost(ShopClient.WAIT).until(
        () -> get(DemoUser.OPS, "/api/campaigns/" + campaign.get("id")), c -> c.get("offersAccepted") != null);
    assertThat(results).containsEntry("status", "CANCELLED").containsEntry("offersAccepted", 1);
    assertThat(new java.math.BigDecimal(results.get("revenue").toString())).isPositive();
  }

  /** Today's revenue of the CAMPAIGN channel as the KPI API reports it, summed over currencies (zero when none). */
  @SuppressWarnings("unchecked")
  private java.math.BigDecimal campaignRevenueToday() {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    Map<String, Object> kpis = get(DemoUser.OPS, "/api/analytics/kpis?from=" + today + "&to=" + today);
    return ((List<Map<String, Object>>) kpis.get("revenue")).stream()
        .filter(r -> "CAMPAIGN".equals(r.get("channel")))
        .map(r -> new java.math.BigDecimal(r.get("amount").toString()))
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
  }
}
