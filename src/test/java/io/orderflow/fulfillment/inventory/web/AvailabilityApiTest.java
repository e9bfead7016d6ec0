package io.orderflow.fulfillment.inventory.web;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** GET /api/products/availability: public, per SKU the units available over all warehouses and a level. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class AvailabilityApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  /** A product of the test's own (so no other test's orders change its stock), with the given stock per warehouse. */
  String product(Map<String, Integer> onHand) {
    String sku = "VASE-AV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Glass vase', 'home', null, 19.00, 'EUR', 900, false)", sku, sku);
    onHand.forEach((warehouse, units) -> jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, "
        + "bin_location) values (?, ?, ?, 0, 'F-01-1')", sku, warehouse, units));
    return sku;
  }

  List<Map<String, Object>> availability(String query) {
    ResponseEntity<List<Map<String, Object>>> r = http.exchange("/api/products/availability" + query, HttpMethod.GET,
        null, LIST);
    assertThat(r.getStatusCode()).as("anonymous GET /api/products/availability%s", query).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  @Test
  @DisplayName("Without signing in: every catalogue SKU with its units over all warehouses and level; a reservation "
      + "lowers the figure (7 in stock, 2 reserved: 5, low stock); a product nobody holds is out of stock")
  void availabilityFollowsReservations() {
    String vase = product(Map.of("madrid", 4, "warsaw", 3));
    String gone = product(Map.of());

    List<Map<String, Object>> all = availability("");
    List<Map<String, Object>> catalogue = http.exchange("/api/products", HttpMethod.GET, null, LIST).getBody();
    assertThat(all).extracting(a -> a.get("sku"))
        .containsExactlyElementsOf(catalogue.stream().map(p -> p.get("sku")).toList());
    assertThat(all).allSatisfy(a -> assertThat(a).containsOnlyKeys("sku", "availableQuantity", "level"));
    assertThat(all).filteredOn(a -> vase.equals(a.get("sku"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("availableQuantity", 7).containsEntry("level", "IN_STOCK"));
    assertThat(all).filteredOn(a -> gone.equals(a.get("sku"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("availableQuantity", 0).containsEntry("level", "OUT_OF_STOCK"));

    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(vase, 2))).get("id");
    shop.awaitOrder(orderId, "QUOTED");
    assertThat(shop.reserved(vase)).isEqualTo(2);

    assertThat(availability("?sku=" + vase + "&sku=" + gone)).containsExactly(
        Map.of("sku", vase, "availableQuantity", 5, "level", "LOW_STOCK"),
        Map.of("sku", gone, "availableQuantity", 0, "level", "OUT_OF_STOCK"));
  }

  @Test
  @DisplayName("An unknown SKU answers 400 naming it; the reviews of a product stay a route of their own")
  void unknownSku() {
    ResponseEntity<Map<String, Object>> unknown = http.exchange("/api/products/availability?sku=MUG-CERAMIC&sku=NO-SUCH",
        HttpMethod.GET, null, MAP);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("detail").toString()).contains("NO-SUCH").doesNotContain("MUG-CERAMIC");
    assertThat(http.getForEntity("/api/products/MUG-CERAMIC/reviews", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
