package io.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on the embedded runtime, driven over HTTP as a shop front, warehouse staff and a courier
 * would: real workers, the real in-memory engine, the adapted model, H2. Each test uses its own SKUs so stock
 * figures are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class OrderLifecycleApiTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void signIn() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("An order is reserved, paid, picked and packed by Madrid's staff, shipped and delivered")
  void orderRunsToDelivery() {
    // given
    Map<String, Integer> before = stock("madrid", "HOODIE-ZIP-M", "BOTTLE-STEEL-750");

    // when the customer orders
    Map<String, Object> order = place("ES", "pm_card_visa", Map.of("HOODIE-ZIP-M", 2, "BOTTLE-STEEL-750", 1));
    String orderId = (String) order.get("id");

    // and accepts the shipping quote shown on the order
    Map<String, Object> quoted = awaitOrder(orderId, "QUOTED");
    Map<String, Object> quote = (Map<String, Object>) quoted.get("quote");
    assertThat(new java.math.BigDecimal(quote.get("shippingCost").toString())).isPositive();
    assertThat(quote.get("validUntil")).isNotNull();
    assertThat(post("/api/orders/" + orderId + "/quote/acceptance", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    // then the warehouse nearest by country gets the pick task, with its form and the order's ids
    Map<String, Object> pick = awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    Map<String, Object> pickDetails = get("/api/tasks/" + pick.get("key"));
    assertThat(((Map<?, ?>) pickDetails.get("form")).get("id")).isEqualTo("pick-order");
    assertThat((Map<String, Object>) pickDetails.get("variables")).containsEntry("orderId", orderId);
    // (the order's steps come from the engine's exported record stream, which may trail the task by a moment)
    Map<String, Object> picking = await().atMost(WAIT).until(() -> get("/api/orders/" + orderId),
        o -> ((List<Map<String, Object>>) o.get("currentSteps")).stream()
            .anyMatch(step -> "UserTask_PickOrder".equals(step.get("elementId"))));
    assertThat(picking).containsEntry("status", "PAYMENT_AUTHORIZED")
        .extractingByKey("currentSteps").asList().extracting("elementId").contains("UserTask_PickOrder");

    // and the form's required field is enforced, the task is claimed by Madrid's supervisor, the picker then can
    // neither claim nor complete it, nor complete it in someone else's name
    String task = "/api/tasks/" + pick.get("key");
    ResponseEntity<Map<String, Object>> missing = post(task + "/complete", Map.of("variables", Map.of()));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().get("detail").toString()).contains("allLinesPicked");
    TestRestTemplate supervisor = shop.as(DemoUser.SUPERVISOR_MADRID);
    ResponseEntity<Map<String, Object>> claimed = supervisor.exchange(task + "/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of()), MAP);
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(claimed.getBody()).containsEntry("assignee", "supervisor.madrid");
    assertThat(post(task + "/claim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(task + "/complete", Map.of("variables", Map.of("allLinesPicked", true))).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(supervisor.exchange(task + "/complete", HttpMethod.POST, new HttpEntity<>(
        Map.of("completedBy", "picker.madrid", "variables", Map.of("allLinesPicked", true))), MAP).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // (the picker scans every unit first: a pick task completes only when its pick list is fully scanned)
    shop.scanPickList(pick);
    ResponseEntity<Map<String, Object>> done = supervisor.exchange(task + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("allLinesPicked", true))), MAP);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("completedBy", "supervisor.madrid");
    ResponseEntity<Map<String, Object>> again = supervisor.exchange(task + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("allLinesPicked", true))), MAP);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").toString()).contains("already completed");

    // and the packer packs it
    Map<String, Object> pack = awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PackOrder");
    assertThat(post("/api/tasks/" + pack.get("key") + "/complete",
        Map.of("variables", Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 1.45, "lengthCm", 40, "widthCm", 30,
            "heightCm", 25))).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // and labels it (the label is a PDF whose barcode is the tracking number) and hands it over at the dock
    Map<String, Object> label = awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_LabelParcel");
    Map<String, Object> booked = get("/api/orders/" + orderId);
    String bookedTracking = (String) ((List<Map<String, Object>>) booked.get("shipments")).get(0).get("trackingNumber");
    assertThat(bookedTracking).matches("[A-Z]{2}\\d{9}[A-Z]{2}");
    assertThat(shop.getForEntity("/api/orders/" + orderId + "/shipments/1/label.pdf", byte[].class).getHeaders()
        .getContentType()).hasToString("application/pdf");
    assertThat(post("/api/tasks/" + label.get("key") + "/complete",
        Map.of("variables", Map.of("labelAttached", true, "packingSlipEnclosed", true))).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> handOver = awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_HandOverParcel");
    assertThat(post("/api/tasks/" + handOver.get("key") + "/complete",
        Map.of("variables", Map.of("loadingDock", "DOCK-1"))).getStatusCode()).isEqualTo(HttpStatus.OK);

    // then the courier is booked with an S10 tracking number and the goods leave the stock
    Map<String, Object> shipped = awaitOrder(orderId, "SHIPPED");
    String tracking = (String) shipped.get("trackingNumber");
    assertThat(tracking).matches("[A-Z]{2}\\d{9}[A-Z]{2}");
    Map<String, Integer> after = stock("madrid", "HOODIE-ZIP-M", "BOTTLE-STEEL-750");
    assertThat(after.get("HOODIE-ZIP-M")).isEqualTo(before.get("HOODIE-ZIP-M") - 2);
    assertThat(after.get("BOTTLE-STEEL-750")).isEqualTo(before.get("BOTTLE-STEEL-750") - 1);
    assertThat(reserved("madrid", "HOODIE-ZIP-M")).isZero();
    // and the stock ledger says so: each line reserved, then issued, with the figures after each movement
    List<Map<String, Object>> movements = shop.exchange("/api/stock/movements/orders/" + orderId, HttpMethod.GET,
        null, LIST).getBody();
    assertThat(movements.subList(0, 2)).extracting(m -> m.get("type") + " " + m.get("sku") + " x" + m.get("quantity"))
        .containsExactlyInAnyOrder("RESERVED HOODIE-ZIP-M x2", "RESERVED BOTTLE-STEEL-750 x1");
    assertThat(movements.subList(2, movements.size()))
        .extracting(m -> m.get("type") + " " + m.get("sku") + " x" + m.get("quantity"))
        .containsExactlyInAnyOrder("ISSUED HOODIE-ZIP-M x2", "ISSUED BOTTLE-STEEL-750 x1");
    assertThat(movements).filteredOn(m -> "ISSUED".equals(m.get("type")) && "HOODIE-ZIP-M".equals(m.get("sku")))
        .singleElement().satisfies(m -> assertThat(m).containsEntry("onHandAfter", after.get("HOODIE-ZIP-M")));

    // when the courier reports the delivery (and resends it)
    Map<String, Object> event = Map.of("eventId", "evt-" + orderId, "trackingNumber", tracking, "type", "DELIVERED",
        "occurredAt", "2026-11-23T12:00:00Z", "location", "Madrid");
    assertThat(post("/api/courier/events", event).getBody()).containsEntry("result", "RECORDED");
    assertThat(post("/api/courier/events", event).getBody()).containsEntry("result", "DUPLICATE");

    // then the order is delivered and its process has ended
    Map<String, Object> delivered = awaitOrder(orderId, "DELIVERED");
    await().atMost(WAIT).until(() -> "COMPLETED".equals(get("/api/orders/" + orderId).get("processStatus")));
    assertThat(delivered.get("trackingNumber")).isEqualTo(tracking);
    assertThat(delivered.get("acknowledgedAt")).isNotNull();

    // and the customer was acknowledged, customer service and finance were told, marketing was not (no consent)
    List<Map<String, Object>> told = shop.exchange("/api/orders/" + orderId + "/notifications", HttpMethod.GET, null,
        LIST).getBody();
    assertThat(told).extracting(n -> n.get("audience") + ":" + n.get("topic"))
        .contains("customer:ORDER_ACKNOWLEDGED", "customer-service:NEW_ORDER", "finance:PAYMENT_SECURED",
            "customer:ORDER_SHIPPED", "customer:ORDER_DELIVERED")
        .noneMatch(t -> t.startsWith("marketing:"));
  }

  @Test
  @DisplayName("An order no warehouse can ship any of ends cancelled as out of stock and leaves the stock untouched")
  void outOfStockCancels() {
    // given
    Map<String, Integer> madrid = stock("madrid", "PRINT-ARTIST-PROOF");

    // when
    String orderId = (String) place("BG", "pm_card_visa", Map.of("PRINT-ARTIST-PROOF", 2)).get("id");

    // then
    Map<String, Object> cancelled = awaitOrder(orderId, "CANCELLED");
    assertThat(cancelled.get("cancellationReason").toString()).startsWith("Out of stock").contains("PRINT-ARTIST-PROOF");
    assertThat(stock("madrid", "PRINT-ARTIST-PROOF")).isEqualTo(madrid);
    assertThat(reserved("madrid", "PRINT-ARTIST-PROOF")).isZero();
  }

  @Test
  @DisplayName("Invalid orders are refused with the fields named, and nothing is stored")
  void invalidOrdersAreRefused() {
    // given
    int orders = count("customer_order");
    int lines = count("order_line");

    // when / then: bean validation
    ResponseEntity<Map<String, Object>> invalid = post("/api/orders", Map.of(
        "customer", Map.of("name", "", "email", "not-an-email"),
        "shippingAddress", Map.of("street", "Calle 1", "postalCode", "28013", "city", "Madrid", "country", "Spain"),
        "lines", List.of(Map.of("sku", "MUG-CERAMIC", "quantity", 0)),
        "payment", Map.of("method", "CARD", "paymentMethodId", "4242424242424242")));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors")).asList().extracting("field").containsExactlyInAnyOrder(
        "customer.name", "customer.email", "shippingAddress.country", "lines[0].quantity", "payment.paymentMethodId");
    assertThat(invalid.getBody().toString()).doesNotContain("4242424242424242");

    // and: unknown product
    ResponseEntity<Map<String, Object>> unknown = post("/api/orders", orderBody("ES", "pm_card_visa", Map.of("NO-SUCH-SKU", 1)));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors")).asList().extracting("field").containsExactly("lines[0].sku");

    // and: malformed JSON
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> malformed = shop.as(DemoUser.ANA).exchange("/api/orders", HttpMethod.POST,
        new HttpEntity<>("{\"customer\": ", headers), MAP);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("title")).isEqualTo("Malformed request");

    assertThat(count("customer_order")).isEqualTo(orders);
    assertThat(count("order_line")).isEqualTo(lines);
  }

  @Test
  @DisplayName("Unknown orders, tasks and tracking numbers answer 404 with a problem naming them")
  void unknownIdsAre404() {
    assertThat(shop.exchange("/api/orders/does-not-exist", HttpMethod.GET, null, MAP))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND))
        .satisfies(r -> assertThat(r.getBody().get("detail").toString()).contains("does-not-exist"));
    shop.actAs(DemoUser.PICKER_MADRID, 42);
    assertThat(shop.exchange("/api/tasks/42", HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/api/tasks/42/complete", Map.of("variables", Map.of())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> event = post("/api/courier/events", Map.of("eventId", "e-404",
        "trackingNumber", "SX000000000ES", "type", "DELIVERED", "occurredAt", "2026-11-23T12:00:00Z"));
    assertThat(event.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(count("tracking_event where event_id = 'e-404'")).isZero();
  }

  @ParameterizedTest(name = "{0} {1} ({2}) is served from {3}")
  @CsvSource({
      "46001, Valencia, ES, madrid",
      "30-001, Kraków, PL, warsaw",
      "4000, Plovdiv, BG, sofia"})
  @DisplayName("An order goes to the warehouse nearest to its delivery address, and the order says why")
  void nearestWarehouse(String postalCode, String city, String country, String warehouse) {
    Map<String, Object> body = new java.util.HashMap<>(orderBody(country, "pm_card_visa", Map.of("COFFEE-BEANS-1KG", 1)));
    body.put("shippingAddress", Map.of("street", "Main street 1", "postalCode", postalCode, "city", city, "country", country));
    ResponseEntity<Map<String, Object>> created = post("/api/orders", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    Map<String, Object> reserved = await().atMost(WAIT).until(() -> get("/api/orders/" + created.getBody().get("id")),
        o -> o.get("warehouseId") != null);
    assertThat(reserved.get("warehouseId")).isEqualTo(warehouse);
    assertThat(reserved.get("routingReason").toString()).contains("nearest warehouse that holds every line").contains("km");
  }

  @Test
  @DisplayName("A direct order is held to the same delivery rules as a checkout: only offered slots, pickup points need one")
  void directOrdersFollowTheDeliveryRules() {
    int orders = count("customer_order");
    Map<String, Object> body = new java.util.HashMap<>(orderBody("ES", "pm_card_visa", Map.of("MUG-CERAMIC", 1)));
    body.put("delivery", Map.of("method", "PICKUP_POINT", "slot", Map.of("date", "2020-01-04", "window", "ALL_DAY"),
        "giftWrap", false, "giftMessage", "Hi!", "fragilePackaging", false));
    ResponseEntity<Map<String, Object>> refused = post("/api/orders", body);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors")).asList().extracting("field")
        .containsExactlyInAnyOrder("delivery.pickupPointId", "delivery.giftMessage", "delivery.slot");
    assertThat(count("customer_order")).isEqualTo(orders);
  }

  @Test
  @DisplayName("An address the routing cannot place is refused at once, naming the postal code")
  void unknownPostalCode() {
    Map<String, Object> body = new java.util.HashMap<>(orderBody("ES", "pm_card_visa", Map.of("MUG-CERAMIC", 1)));
    body.put("shippingAddress", Map.of("street", "Calle 1", "postalCode", "99999", "city", "Nowhere", "country", "ES"));
    ResponseEntity<Map<String, Object>> refused = post("/api/orders", body);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors")).asList().extracting("field").containsExactly("shippingAddress.postalCode");
  }

  @Test
  @DisplayName("The API is described by OpenAPI and browsable in Swagger UI")
  void openApiDescribesTheApi() {
    Map<String, Object> api = get("/v3/api-docs");
    assertThat((Map<String, Object>) api.get("paths")).containsKeys("/api/orders", "/api/orders/{orderId}",
        "/api/tasks", "/api/tasks/{taskKey}/complete", "/api/courier/events", "/api/products", "/api/stock");
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Health shows that the embedded engine holds its records in memory, and how many")
  void healthShowsTheEmbeddedEngine() {
    place("ES", "pm_card_visa", Map.of("YOGA-MAT", 1));
    Map<String, Object> health = get("/actuator/health");
    Map<String, Object> engine = (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("embeddedEngine");
    assertThat(engine.get("status")).isEqualTo("UP");
    assertThat((Map<String, Object>) engine.get("details")).containsKeys("records", "heapUsedMb")
        .extractingByKey("records").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER).isPositive();
  }

  private Map<String, Object> place(String country, String paymentMethodId, Map<String, Integer> lines) {
    ResponseEntity<Map<String, Object>> created = post("/api/orders", orderBody(country, paymentMethodId, lines));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    return created.getBody();
  }

  private static Map<String, Object> orderBody(String country, String paymentMethodId, Map<String, Integer> lines) {
    return Map.of(
        "customer", Map.of("name", "Ana García", "email", DemoUser.ANA.email(), "phone", "+34 600 000 000"),
        "shippingAddress", Map.of("street", "Calle Mayor 1", "postalCode", "28013", "city", "Madrid", "country", country),
        "lines", lines.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue())).toList(),
        "payment", Map.of("method", "CARD", "paymentMethodId", paymentMethodId));
  }

  private Map<String, Object> awaitTask(DemoUser staff, String orderId, String elementId) {
    return shop.awaitTask(staff, orderId, elementId);
  }

  private List<Map<String, Object>> tasksOf(String orderId) {
    return shop.openTasksOf(orderId);
  }

  private Map<String, Object> awaitOrder(String orderId, String status) {
    return await().atMost(WAIT).until(() -> get("/api/orders/" + orderId), o -> status.equals(o.get("status")));
  }

  private Map<String, Integer> stock(String warehouse, String... skus) {
    List<Map<String, Object>> rows = shop.exchange("/api/stock?sku=" + String.join("&sku=", skus), HttpMethod.GET, null,
        LIST).getBody();
    Map<String, Integer> onHand = new java.util.TreeMap<>();
    rows.stream().filter(r -> warehouse.equals(r.get("warehouseId")))
        .forEach(r -> onHand.put((String) r.get("sku"), (Integer) r.get("onHand")));
    return onHand;
  }

  private int reserved(String warehouse, String sku) {
    return jdbc.queryForObject("select reserved from stock where warehouse_id = ? and sku = ?", Integer.class, warehouse, sku);
  }

  private int count(String tableAndWhere) {
    return jdbc.queryForObject("select count(*) from " + tableAndWhere, Integer.class);
  }

  private Map<String, Object> get(String path) {
    return shop.get(path);
  }

  private ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return shop.post(path, body);
  }
}
