package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * The replenishment issue's "done when", as a new user drives it on the embedded default: three customers order an
 * article Madrid has none of and choose to wait for it; their sales start the replenishment process, which sends a
 * purchase order to the supplier; the supplier confirms through its callback and the warehouse receives the goods
 * through the API in two deliveries. Stock rises by exactly the accepted units, and the waiting orders go on oldest
 * first, as far as each delivery goes; the rest keep waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Replenishment resumes waiting orders (API)")
class ReplenishmentResumesOrdersApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("three orders wait for 2 lamps each; the sales buy 10 from the supplier; a first delivery of 5 (one "
      + "damaged) resumes the two oldest, the third keeps waiting until the second delivery")
  void receiptsResumeWaitingOrdersOldestFirst() {
    // given: a lamp nobody has (Madrid reorders at 5: 10 from Voltware at 10.00, no approval needed) and a vase in stock
    String lamp = newProduct("LAMP", 0);
    String vase = newProduct("VASE", 50);
    jdbc.update("insert into reorder_policy (sku, warehouse_id, reorder_point, order_quantity, supplier_id, unit_cost) "
        + "values (?, 'madrid', 5, 10, 'voltware', 10.00)", lamp);

    // when three customers (one after the other) order a vase and 2 lamps, and choose to wait for the lamps
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(vase, 1, lamp, 2))).get("id");
      shop.awaitStep(orderId, "Gateway_BackorderAnswer");
      assertThat(shop.post("/api/orders/" + orderId + "/backorder-decision", Map.of("choice", "SHIP_AVAILABLE"))
          .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      Map<String, Object> original = shop.awaitOrder(orderId, o -> !list(o.get("backorderOrders")).isEmpty());
      String backorderId = (String) list(original.get("backorderOrders")).get(0).get("orderId");
      shop.awaitStep(backorderId, "Gateway_StockArrives");
      waiting.add(backorderId);
    }

    // then the sales started the replenishment: a purchase order for 10 lamps went to the supplier by itself
    Map<String, Object> po = await().atMost(ShopClient.WAIT).until(() -> purchaseOrders().stream()
        .filter(p -> "madrid".equals(p.get("warehouseId")) && "SENT".equals(p.get("status"))
            && list(p.get("lines")).stream().anyMatch(l -> lamp.equals(l.get("sku"))))
        .findFirst(), Optional::isPresent).orElseThrow();
    String poPath = "/api/purchase-orders/" + po.get("id");
    assertThat(list(po.get("lines")).get(0)).containsEntry("orderedQuantity", 10);
    assertThat(purchaseOrders().stream().filter(p -> list(p.get("lines")).stream()
        .anyMatch(l -> lamp.equals(l.get("sku"))))).as("one purchase order for three sales").hasSize(1);

    // when the supplier confirms all 10 for next week, and the first delivery comes: 5, one of them damaged
    ResponseEntity<Map<String, Object>> confirmed = call(DemoUser.CALLBACKS, poPath + "/supplier-confirmation",
        Map.of("accepted", true, "expectedDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
            "lines", List.of(Map.of("sku", lamp, "quantity", 10))));
    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    receive(poPath, "DN-L1", lamp, 5, 1);

    // then 4 lamps are on hand, exactly, and they go to the two oldest waiting orders; the third keeps waiting
    awaitPurchaseOrder(poPath, "PARTIALLY_RECEIVED");
    await().atMost(ShopClient.WAIT).until(() -> status(waiting.get(1)).equals("PAYMENT_AUTHORIZED")
        && status(waiting.get(0)).equals("PAYMENT_AUTHORIZED"));
    assertThat(movements(lamp)).containsExactly(4);
    assertThat(onHand(lamp)).isEqualTo(4);
    assertThat(reserved(lamp)).isEqualTo(4);
    assertThat(status(waiting.get(2))).isEqualTo("AWAITING_STOCK");
    shop.awaitStep(waiting.get(2), "Gateway_StockArrives");
    assertThat(shop.awaitTask(DemoUser.PICKER_MADRID, waiting.get(0), "UserTask_PickOrder")).isNotNull();

    // when the rest arrives: 6, all good
    receive(poPath, "DN-L2", lamp, 6, 0);

    // then the purchase order is received (4 + 6 accepted), and the third order goes on
    Map<String, Object> received = awaitPurchaseOrder(poPath, "RECEIVED");
    assertThat(list(received.get("lines")).get(0)).containsEntry("acceptedQuantity", 10).containsEntry("openQuantity", 0);
    await().atMost(ShopClient.WAIT).until(() -> status(waiting.get(2)).equals("PAYMENT_AUTHORIZED"));
    assertThat(movements(lamp)).containsExactly(4, 6);
    assertThat(onHand(lamp)).isEqualTo(10);
    assertThat(reserved(lamp)).as("2 for each of the three").isEqualTo(6);
  }

  private void receive(String poPath, String note, String sku, int received, int damaged) {
    Map<String, Object> delivery = Map.of("deliveryReference", note, "lines",
        List.of(Map.of("sku", sku, "receivedQuantity", received, "damagedQuantity", damaged)));
    ResponseEntity<Map<String, Object>> response = await().atMost(ShopClient.WAIT)
        .until(() -> call(DemoUser.PICKER_MADRID, poPath + "/receipts", delivery),
            r -> r.getStatusCode() != HttpStatus.CONFLICT);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
  }

  private Map<String, Object> awaitPurchaseOrder(String poPath, String status) {
    return await().atMost(ShopClient.WAIT).until(() -> shop.as(DemoUser.PURCHASING)
        .exchange(poPath, HttpMethod.GET, null, MAP).getBody(), p -> status.equals(p.get("status")));
  }

  private List<Map<String, Object>> purchaseOrders() {
    return shop.as(DemoUser.PURCHASING).exchange("/api/purchase-orders", HttpMethod.GET, null, LIST).getBody();
  }

  private ResponseEntity<Map<String, Object>> call(DemoUser user, String path, Object body) {
    return shop.as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
  }

  private String status(String orderId) {
    return (String) shop.get("/api/orders/" + orderId).get("status");
  }

  private List<Integer> movements(String sku) {
    return jdbc.queryForList("select quantity from stock_movement where sku = ? and movement_type = 'RECEIVED' "
        + "order by id", Integer.class, sku);
  }

  private int onHand(String sku) {
    return jdbc.queryForObject("select on_hand from stock where sku = ? and warehouse_id = 'madrid'", Integer.class, sku);
  }

  private int reserved(String sku) {
    return jdbc.queryForObject("select reserved from stock where sku = ? and warehouse_id = 'madrid'", Integer.class, sku);
  }

  /** An article of this test's own, with {@code onHand} units in Madrid and none elsewhere. */
  private String newProduct(String kind, int onHand) {
    String sku = kind + "-RO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, ?, 'home', null, 25.00, 'EUR', 800, false)", sku, sku,
        "Test " + kind.toLowerCase());
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values (?, 'madrid', ?, 0, "
        + "'E-01-1')", sku, onHand);
    return sku;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }
}
