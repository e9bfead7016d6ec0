package io.orderflow.fulfillment.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
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

/** The shop front's path: a cart with sizes, the slots offered, checkout, and what a second "buy" click does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class CartCheckoutApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("A cart collects sizes and quantities, shows availability and a subtotal, and lines can change or go")
  void cartLines() {
    String cart = newCart();
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "SNEAKER-TRAIL-42", "quantity", 1));
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "SNEAKER-TRAIL-42", "quantity", 1));
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "TSHIRT-ORG-S", "quantity", 3));
    Map<String, Object> view = exchange(HttpMethod.PUT, "/api/carts/" + cart + "/lines/TSHIRT-ORG-S", Map.of("quantity", 1)).getBody();

    assertThat(view.get("lines")).asList().hasSize(2);
    Map<String, Object> shoes = line(view, "SNEAKER-TRAIL-42");
    assertThat(shoes).containsEntry("quantity", 2).containsEntry("variant", "EU 42");
    assertThat((Integer) shoes.get("availableToOrder")).isPositive();
    assertThat(view.get("subtotal")).isEqualTo(199.8); // 2 x 89.95 + 19.90

    Map<String, Object> afterRemove = exchange(HttpMethod.DELETE, "/api/carts/" + cart + "/lines/SNEAKER-TRAIL-42", null).getBody();
    assertThat(afterRemove.get("lines")).asList().extracting("sku").containsExactly("TSHIRT-ORG-S");
    assertThat(exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "NOPE", "quantity", 1))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(exchange(HttpMethod.GET, "/api/carts/no-such-cart", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("Checkout places the order with the chosen slot and special requests, and the warehouse gets it")
  void checkoutPlacesTheOrder() {
    // given
    String cart = newCart();
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "HEADPHONES-BT", "quantity", 1));
    Map<String, Object> slot = shop().exchange("/api/delivery-slots?method=STANDARD", HttpMethod.GET, null, LIST).getBody().get(4);

    // when
    ResponseEntity<Map<String, Object>> placed = exchange(HttpMethod.POST, "/api/carts/" + cart + "/checkout",
        checkout("STANDARD", null, slot, true));

    // then
    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> order = placed.getBody();
    Map<String, Object> delivery = (Map<String, Object>) order.get("delivery");
    assertThat(delivery).containsEntry("method", "STANDARD").containsEntry("slotDate", slot.get("date"))
        .containsEntry("slotWindow", slot.get("window")).containsEntry("giftWrap", true)
        .containsEntry("giftMessage", "Happy birthday!").containsEntry("fragilePackaging", true);
    assertThat(order).containsEntry("marketingConsent", true);
    assertThat(exchange(HttpMethod.GET, "/api/carts/" + cart, null).getBody())
        .containsEntry("status", "CHECKED_OUT").containsEntry("orderId", order.get("id"));
    // and once the customer accepts the quote, the consenting customer reaches marketing and the warehouse gets work
    await().atMost(Duration.ofSeconds(60)).until(() -> "QUOTED".equals(
        exchange(HttpMethod.GET, "/api/orders/" + order.get("id"), null).getBody().get("status")));
    assertThat(exchange(HttpMethod.POST, "/api/orders/" + order.get("id") + "/quote/acceptance", Map.of())
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(Duration.ofSeconds(60)).until(() -> !shop().exchange("/api/tasks?orderId=" + order.get("id"),
        HttpMethod.GET, null, LIST).getBody().isEmpty());
    await().atMost(Duration.ofSeconds(60)).until(() -> shop().exchange("/api/notifications?audience=marketing&max=500",
        HttpMethod.GET, null, LIST).getBody().stream().anyMatch(n -> order.get("id").equals(n.get("orderId"))));

    // and a second click on "buy" creates nothing
    int orders = count();
    ResponseEntity<Map<String, Object>> again = exchange(HttpMethod.POST, "/api/carts/" + cart + "/checkout",
        checkout("STANDARD", null, slot, true));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").toString()).contains(order.get("id").toString());
    assertThat(count()).isEqualTo(orders);
  }

  @Test
  @DisplayName("Two simultaneous checkouts of one cart make exactly one order")
  void concurrentCheckout() throws Exception {
    String cart = newCart();
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "CHARGER-USBC-65W", "quantity", 1));
    Map<String, Object> slot = shop().exchange("/api/delivery-slots?method=EXPRESS", HttpMethod.GET, null, LIST).getBody().get(0);
    int before = count();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpStatus>> clicks = new ArrayList<>();
    // Own threads: the common pool has a single worker on a 2-core machine, which would serialise the clicks.
    ExecutorService browsers = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      clicks.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return (HttpStatus) exchange(HttpMethod.POST, "/api/carts/" + cart + "/checkout",
            checkout("EXPRESS", null, slot, false)).getStatusCode();
      }, browsers));
    }
    go.countDown();
    List<HttpStatus> statuses = clicks.stream().map(CompletableFuture::join).toList();
    browsers.shutdown();

    assertThat(statuses).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == HttpStatus.CONFLICT).hasSize(3);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("Checkout refuses a slot that was not offered, a pickup point order without its point and an empty cart")
  void checkoutRefusals() {
    String cart = newCart();
    exchange(HttpMethod.POST, "/api/carts/" + cart + "/lines", Map.of("sku", "MUG-CERAMIC", "quantity", 2));
    int before = count();

    ResponseEntity<Map<String, Object>> saturday = exchange(HttpMethod.POST, "/api/carts/" + cart + "/checkout",
        checkout("STANDARD", null, Map.of("date", "2020-01-04", "window", "09:00-13:00"), false));
    assertThat(saturday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(saturday.getBody().get("errors")).asList().extracting("field").containsExactly("delivery.slot");

    Map<String, Object> pickupSlot = shop().exchange("/api/delivery-slots?method=PICKUP_POINT", HttpMethod.GET, null, LIST)
        .getBody().get(0);
    ResponseEntity<Map<String, Object>> noPoint = exchange(HttpMethod.POST, "/api/carts/" + cart + "/checkout",
        checkout("PICKUP_POINT", null, pickupSlot, false));
    assertThat(noPoint.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noPoint.getBody().get("errors")).asList().extracting("field").containsExactly("delivery.pickupPointId");

    String empty = newCart();
    ResponseEntity<Map<String, Object>> emptyCart = exchange(HttpMethod.POST, "/api/carts/" + empty + "/checkout",
        checkout("PICKUP_POINT", "PP-MAD-0042", pickupSlot, false));
    assertThat(emptyCart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(count()).isEqualTo(before);
    assertThat(exchange(HttpMethod.GET, "/api/carts/" + cart, null).getBody()).containsEntry("status", "OPEN");
  }

  private Map<String, Object> checkout(String method, String pickupPointId, Map<String, Object> slot, boolean gift) {
    Map<String, Object> delivery = new HashMap<>(Map.of("method", method, "slot", slot, "giftWrap", gift,
        "fragilePackaging", gift));
    if (gift) {
      delivery.put("giftMessage", "Happy birthday!");
    }
    if (pickupPointId != null) {
      delivery.put("pickupPointId", pickupPointId);
    }
    return Map.of(
        "customer", Map.of("name", "Ana García", "email", DemoUser.ANA.email()),
        "shippingAddress", Map.of("street", "Gran Vía 10", "postalCode", "28013", "city", "Madrid", "country", "ES"),
        "delivery", delivery,
        "payment", Map.of("method", "CARD", "paymentMethodId", "pm_card_visa"),
        "marketingConsent", gift);
  }

  private String newCart() {
    ResponseEntity<Map<String, Object>> created = exchange(HttpMethod.POST, "/api/carts", null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("id");
  }

  private static Map<String, Object> line(Map<String, Object> cart, String sku) {
    return ((List<Map<String, Object>>) cart.get("lines")).stream().filter(l -> sku.equals(l.get("sku"))).findFirst()
        .orElseThrow();
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from customer_order", Integer.class);
  }

  /** As the customer Ana (ShopClient: public routes without credentials, tasks as ops, marketing as marketing). */
  private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body) {
    return shop().exchange(path, method, body, MAP);
  }

  private ShopClient shop;

  private synchronized ShopClient shop() {
    if (shop == null) {
      shop = new ShopClient(http, jdbc);
    }
    return shop;
  }

  @Test
  @DisplayName("A customer's cart is theirs: another customer gets 404 for it and cannot change it")
  void anotherCustomersCartIsNotFound() {
    String cart = newCart();
    TestRestTemplate piotr = shop().as(DemoUser.PIOTR);
    assertThat(piotr.exchange("/api/carts/" + cart, HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange("/api/carts/" + cart + "/lines", HttpMethod.POST,
        new HttpEntity<>(Map.of("sku", "MUG-CERAMIC", "quantity", 1)), MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop().as(DemoUser.CS_AGENT).exchange("/api/carts/" + cart, HttpMethod.GET, null, MAP).getStatusCode())
        .as("customer service helps with any cart").isEqualTo(HttpStatus.OK);
  }
}
