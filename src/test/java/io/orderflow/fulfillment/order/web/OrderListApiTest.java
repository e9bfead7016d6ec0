package io.orderflow.fulfillment.order.web;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Instant;
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

/** GET /api/orders: a customer's own orders, newest first; staff any customer's, by e-mail and status. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class OrderListApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  List<Map<String, Object>> list(DemoUser user, String query) {
    ResponseEntity<List<Map<String, Object>>> r = shop.as(user).exchange("/api/orders" + query, HttpMethod.GET, null,
        LIST);
    assertThat(r.getStatusCode()).as("GET /api/orders%s as %s", query, user).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  @Test
  @DisplayName("Two customers each see only their own orders, newest first, with units, lines and channel; another "
      + "customer's e-mail is refused")
  void customersSeeTheirOwnOrders() {
    String anaFirst = (String) shop.place(orderBody("ES", card("pm_card_visa"),
        Map.of("MUG-CERAMIC", 2, "TSHIRT-ORG-M", 1))).get("id");
    String anaSecond = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    String piotrs = (String) shop.place(ShopClient.from(DemoUser.PIOTR.email(),
        orderBody("PL", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)))).get("id");

    List<Map<String, Object>> ana = list(DemoUser.ANA, "");
    assertThat(ana).extracting(o -> o.get("id")).contains(anaFirst, anaSecond).doesNotContain(piotrs);
    assertThat(ana).allSatisfy(o -> assertThat(o.get("customerEmail").toString())
        .isEqualToIgnoringCase(DemoUser.ANA.email()));
    assertThat(ana).extracting(o -> Instant.parse((String) o.get("placedAt")))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(ana.stream().map(o -> o.get("id")).toList().indexOf(anaSecond))
        .as("the newer order first").isLessThan(ana.stream().map(o -> o.get("id")).toList().indexOf(anaFirst));
    Map<String, Object> first = ana.stream().filter(o -> anaFirst.equals(o.get("id"))).findFirst().orElseThrow();
    assertThat(first).containsEntry("itemCount", 3).containsEntry("lineCount", 2).containsEntry("currency", "EUR")
        .containsEntry("channel", "WEB_SHOP").containsEntry("customerName", "Ana García")
        .containsKeys("orderNumber", "status", "placedAt", "updatedAt", "totalAmount", "trackingNumbers");
    assertThat((List<?>) first.get("trackingNumbers")).as("nothing booked yet").isEmpty();

    List<Map<String, Object>> piotr = list(DemoUser.PIOTR, "");
    assertThat(piotr).extracting(o -> o.get("id")).contains(piotrs).doesNotContain(anaFirst, anaSecond);

    assertThat(list(DemoUser.ANA, "?email=" + DemoUser.ANA.email().toUpperCase())).extracting(o -> o.get("id"))
        .as("her own e-mail in capitals").contains(anaFirst);
    ResponseEntity<Map<String, Object>> other = shop.as(DemoUser.ANA).exchange("/api/orders?email="
        + DemoUser.PIOTR.email(), HttpMethod.GET, null, MAP);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getBody().get("detail").toString()).contains("their own orders");

    assertThat(list(DemoUser.ANA, "?limit=1")).singleElement().satisfies(o -> assertThat(o.get("id"))
        .isNotEqualTo(anaFirst));
  }

  @Test
  @DisplayName("Customer service lists one customer's orders by e-mail (any case) and status; finance and ops read "
      + "every customer's; bad status and limit answer 400; marketing may not list orders")
  void staffFilterByEmailAndStatus() {
    String piotrs = (String) shop.place(ShopClient.from(DemoUser.PIOTR.email(),
        orderBody("PL", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)))).get("id");
    String anas = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    shop.awaitOrder(piotrs, "QUOTED");

    List<Map<String, Object>> byEmail = list(DemoUser.CS_AGENT, "?email=" + DemoUser.PIOTR.email().toUpperCase());
    assertThat(byEmail).extracting(o -> o.get("id")).contains(piotrs).doesNotContain(anas);
    assertThat(byEmail).allSatisfy(o -> assertThat(o.get("customerEmail").toString())
        .isEqualToIgnoringCase(DemoUser.PIOTR.email()));

    assertThat(list(DemoUser.CS_AGENT, "?email=" + DemoUser.PIOTR.email() + "&status=quoted"))
        .extracting(o -> o.get("id")).contains(piotrs);
    assertThat(list(DemoUser.CS_AGENT, "?email=" + DemoUser.PIOTR.email() + "&status=DELIVERED"))
        .extracting(o -> o.get("id")).doesNotContain(piotrs);
    assertThat(list(DemoUser.CS_AGENT, "?status=QUOTED")).allSatisfy(o -> assertThat(o).containsEntry("status", "QUOTED"));

    for (DemoUser staff : List.of(DemoUser.CS_AGENT, DemoUser.FINANCE, DemoUser.OPS)) {
      assertThat(list(staff, "")).as("%s, every customer", staff).extracting(o -> o.get("id"))
          .contains(piotrs, anas);
    }

    ResponseEntity<Map<String, Object>> badStatus = shop.as(DemoUser.CS_AGENT).exchange("/api/orders?status=LOST",
        HttpMethod.GET, null, MAP);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getBody().get("detail").toString()).contains("status").contains("PLACED").contains("QUOTED")
        .contains("DELIVERED");
    for (String limit : List.of("0", "201")) {
      ResponseEntity<Map<String, Object>> badLimit = shop.as(DemoUser.CS_AGENT).exchange("/api/orders?limit=" + limit,
          HttpMethod.GET, null, MAP);
      assertThat(badLimit.getStatusCode()).as("limit %s", limit).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(badLimit.getBody().get("detail").toString()).contains("limit");
    }
    assertThat(list(DemoUser.CS_AGENT, "?limit=200")).hasSizeLessThanOrEqualTo(200);

    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/orders", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.exchange("/api/orders", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
