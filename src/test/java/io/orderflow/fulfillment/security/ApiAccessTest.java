package io.orderflow.fulfillment.security;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * The route rules over HTTP with the built-in users: for every protected route 401 without credentials, 403 for a
 * role the rule does not name, through for one it names; then the ownership rules behind the routes (own orders,
 * own warehouse, own tasks) and the shape of 401 and 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ApiAccessTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  /** The realm roles of each demo user (as keycloak/fulfillment-realm.json and the built-in users have them). */
  static final Map<DemoUser, Set<String>> ROLES = Map.ofEntries(
      Map.entry(DemoUser.ANA, Set.of("customer")), Map.entry(DemoUser.PIOTR, Set.of("customer")),
      Map.entry(DemoUser.CS_AGENT, Set.of("customer-service")),
      Map.entry(DemoUser.PICKER_MADRID, Set.of("warehouse")), Map.entry(DemoUser.PICKER_WARSAW, Set.of("warehouse")),
      Map.entry(DemoUser.PICKER_SOFIA, Set.of("warehouse")),
      Map.entry(DemoUser.SUPERVISOR_MADRID, Set.of("warehouse", "warehouse-supervisor")),
      Map.entry(DemoUser.FINANCE, Set.of("finance")), Map.entry(DemoUser.MARKETING, Set.of("marketing", "marketing-manager")),
      Map.entry(DemoUser.MARKETING_ASSISTANT, Set.of("marketing")),
      Map.entry(DemoUser.PURCHASING, Set.of("purchasing")), Map.entry(DemoUser.OPS, Set.of("ops")),
      Map.entry(DemoUser.ANALYST, Set.of("analyst")),
      Map.entry(DemoUser.CALLBACKS, Set.of("callback")));

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.orderflow.fulfillment.replenishment.Replenishment replenishment;
  @Autowired io.orderflow.fulfillment.replenishment.Transfers transfers;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  static Stream<Arguments> protectedRoutes() {
    return ApiAccessRules.RULES.stream().filter(r -> !r.isPublic()).map(r -> Arguments.of(r.method(), r.pattern(), r));
  }

  /** A concrete path for the pattern: ids nobody has (so a permitted call ends in 404 or 400, never changes data). */
  static String path(String pattern) {
    return pattern.replace("{taskKey}", "999999999").replace("{shipmentNo}", "1")
        .replace("{invoiceNumber}", "VAT-1999-000001").replaceAll("\\{[^}]+}", "no-such-id");
  }

  ResponseEntity<String> call(TestRestTemplate client, HttpMethod method, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Object body = method == HttpMethod.GET || method == HttpMethod.DELETE ? null : "{}";
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  @DisplayName("Every protected route: 401 without credentials, 403 for a role it does not name, through for one it does")
  void everyProtectedRoute(HttpMethod method, String pattern, ApiAccessRules.Rule rule) {
    String path = path(pattern);

    ResponseEntity<String> anonymous = call(http, method, path);
    assertThat(anonymous.getStatusCode()).as("no credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(anonymous.getBody()).contains("Sign in");

    DemoUser wrong = Arrays.stream(DemoUser.values()).filter(u -> ROLES.get(u).stream().noneMatch(rule.roles()::contains))
        .findFirst().orElseThrow();
    ResponseEntity<String> refused = call(shop.as(wrong), method, path);
    assertThat(refused.getStatusCode()).as("as %s", wrong).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody()).contains("may not " + method + " " + path);

    for (String role : rule.roles()) {
      DemoUser right = Arrays.stream(DemoUser.values()).filter(u -> ROLES.get(u).contains(role)).findFirst().orElseThrow();
      ResponseEntity<String> through = call(shop.as(right), method, path);
      assertThat(through.getStatusCode().value()).as("as %s (%s): %s", right, role, through.getBody())
          .isNotIn(401, 403);
    }
  }

  @Test
  @DisplayName("Public routes answer without credentials; actuator health too, its other endpoints are for ops")
  void publicRoutes() {
    assertThat(http.getForEntity("/api/products", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/api/delivery-slots?method=STANDARD", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/api/tracking/XX000000000XX", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/products/TSHIRT-ORG-M/reviews", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/api/products/availability?sku=TSHIRT-ORG-M", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(shop.as(DemoUser.ANA).getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.OPS).getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("An API path without a rule is refused, signed in or not")
  void unknownApiPathsAreDenied() {
    assertThat(http.getForEntity("/api/not-a-route", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(shop.as(DemoUser.OPS).getForEntity("/api/not-a-route", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("A wrong password gets 401 saying so; the API sets no session cookie and sends security headers")
  void credentialsSessionsAndHeaders() {
    ResponseEntity<String> wrong = http.withBasicAuth("ana.customer", "guess").getForEntity("/api/orders/x", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.getBody()).contains("user name or password is wrong").doesNotContain("guess");

    ResponseEntity<String> ok = shop.as(DemoUser.OPS).getForEntity("/api/stock?sku=MUG-CERAMIC", String.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getHeaders().get(HttpHeaders.SET_COOKIE)).as("stateless API").isNull();
    assertThat(ok.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(ok.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(ok.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(ok.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
  }

  @Test
  @DisplayName("Ana reads and acts on her own order; Piotr gets 404 for it, customer service and ops read it, marketing may not")
  void customersSeeOnlyTheirOwnOrders() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    String path = "/api/orders/" + orderId;

    assertThat(shop.as(DemoUser.ANA).exchange(path, HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
    TestRestTemplate piotr = shop.as(DemoUser.PIOTR);
    assertThat(piotr.exchange(path, HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange(path + "/tracking", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange(path + "/invoices", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange(path + "/credit-notes/CN-1999-000001.pdf", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange(path + "/questions", HttpMethod.POST, new HttpEntity<>(Map.of("question", "Where?")), MAP)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(piotr.exchange(path + "/cancellation", HttpMethod.POST, new HttpEntity<>(Map.of()), MAP)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(shop.as(DemoUser.CS_AGENT).exchange(path, HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(shop.as(DemoUser.OPS).exchange(path, HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> opsCancels = shop.as(DemoUser.OPS).exchange(path + "/cancellation",
        HttpMethod.POST, new HttpEntity<>(Map.of()), MAP);
    assertThat(opsCancels.getStatusCode()).as("ops is read-only").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(opsCancels.getBody().get("detail").toString()).contains("Your role ops may not POST");
    assertThat(shop.as(DemoUser.MARKETING).exchange(path, HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("Fulfilment KPIs, JSON and CSV: analysts, finance and ops read them; customers, marketing and the warehouse may not")
  void kpisForAnalystsFinanceAndOps() {
    for (String path : List.of("/api/analytics/kpis", "/api/analytics/kpis.csv")) {
      for (DemoUser reader : List.of(DemoUser.ANALYST, DemoUser.FINANCE, DemoUser.OPS)) {
        assertThat(shop.as(reader).getForEntity(path, String.class).getStatusCode()).as("%s %s", reader, path)
            .isEqualTo(HttpStatus.OK);
      }
      for (DemoUser other : List.of(DemoUser.ANA, DemoUser.MARKETING, DemoUser.PICKER_MADRID, DemoUser.CS_AGENT)) {
        assertThat(shop.as(other).getForEntity(path, String.class).getStatusCode()).as("%s %s", other, path)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
  }

  @Test
  @DisplayName("Store credit: a customer reads their own (by the sign-in's e-mail), never another's; customer service, "
      + "finance and ops name the customer; marketing and warehouse may not")
  void storeCreditOfTheCallerOnly() {
    ResponseEntity<Map<String, Object>> own = shop.as(DemoUser.ANA).exchange("/api/store-credit", HttpMethod.GET, null,
        MAP);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).containsEntry("customerEmail", DemoUser.ANA.email().toLowerCase());
    assertThat(shop.as(DemoUser.ANA).exchange("/api/store-credit?email=" + DemoUser.ANA.email().toUpperCase(),
        HttpMethod.GET, null, MAP).getStatusCode()).as("her own, in capitals").isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> other = shop.as(DemoUser.ANA).exchange("/api/store-credit?email="
        + DemoUser.PIOTR.email(), HttpMethod.GET, null, MAP);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getBody().get("detail").toString()).contains("their own store credit");

    for (DemoUser staff : List.of(DemoUser.CS_AGENT, DemoUser.FINANCE, DemoUser.OPS)) {
      ResponseEntity<Map<String, Object>> named = shop.as(staff).exchange("/api/store-credit?email="
          + DemoUser.PIOTR.email(), HttpMethod.GET, null, MAP);
      assertThat(named.getStatusCode()).as("as %s", staff).isEqualTo(HttpStatus.OK);
      assertThat(named.getBody()).containsEntry("customerEmail", DemoUser.PIOTR.email().toLowerCase());
      assertThat(shop.as(staff).exchange("/api/store-credit", HttpMethod.GET, null, MAP).getStatusCode())
          .as("as %s without an e-mail", staff).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    for (DemoUser refused : List.of(DemoUser.MARKETING, DemoUser.PICKER_MADRID)) {
      assertThat(shop.as(refused).exchange("/api/store-credit?email=" + DemoUser.ANA.email(), HttpMethod.GET, null,
          MAP).getStatusCode()).as("as %s", refused).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.exchange("/api/store-credit", HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("A customer places orders under their own e-mail only; customer service places them for anyone")
  void customersOrderUnderTheirOwnEmail() {
    Map<String, Object> forSomeoneElse = ShopClient.from("someone.else@example.com",
        orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)));
    ResponseEntity<Map<String, Object>> refused = shop.as(DemoUser.ANA).exchange("/api/orders", HttpMethod.POST,
        new HttpEntity<>(forSomeoneElse), MAP);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").toString()).contains("own e-mail");

    Map<String, Object> upperCase = new HashMap<>(forSomeoneElse);
    upperCase.put("customer", Map.of("name", "Ana", "email", DemoUser.ANA.email().toUpperCase()));
    assertThat(shop.as(DemoUser.ANA).exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(upperCase), MAP)
        .getStatusCode()).as("e-mails compare case-insensitively").isEqualTo(HttpStatus.CREATED);
    assertThat(shop.as(DemoUser.CS_AGENT).exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(forSomeoneElse),
        MAP).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  @DisplayName("Purchase orders: purchasing and ops read all, warehouse staff only their warehouse's (404 otherwise) and "
      + "record its receipts; ops may not approve, only the machine caller confirms for the supplier")
  void purchaseOrdersStayInTheirWarehouse() {
    io.orderflow.fulfillment.replenishment.Replenishment.PurchaseOrderView po = replenishment.propose(
        new io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed("BACKPACK-20L", "warsaw", 1, 5, 10,
            "textil-iberia"));
    String path = "/api/purchase-orders/" + po.id();
    for (DemoUser reader : List.of(DemoUser.PURCHASING, DemoUser.OPS, DemoUser.PICKER_WARSAW)) {
      assertThat(shop.as(reader).exchange(path, HttpMethod.GET, null, MAP).getStatusCode()).as("%s", reader)
          .isEqualTo(HttpStatus.OK);
    }
    assertThat(shop.as(DemoUser.PICKER_MADRID).exchange(path, HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.PICKER_MADRID).exchange("/api/purchase-orders", HttpMethod.GET, null, LIST).getBody())
        .extracting(p -> p.get("id")).doesNotContain(po.id());
    assertThat(shop.as(DemoUser.PICKER_WARSAW).exchange("/api/purchase-orders", HttpMethod.GET, null, LIST).getBody())
        .extracting(p -> p.get("id")).contains(po.id());
    Map<String, Object> receipt = Map.of("lines", List.of(Map.of("sku", "BACKPACK-20L", "receivedQuantity", 1)));
    assertThat(shop.as(DemoUser.SUPERVISOR_MADRID).exchange(path + "/receipts", HttpMethod.POST,
        new HttpEntity<>(receipt), MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.PICKER_WARSAW).exchange(path + "/receipts", HttpMethod.POST,
        new HttpEntity<>(receipt), MAP).getStatusCode()).as("a draft receives nothing").isEqualTo(HttpStatus.CONFLICT);
    assertThat(shop.as(DemoUser.OPS).exchange(path + "/approval", HttpMethod.POST,
        new HttpEntity<>(Map.of("approved", true)), MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.PURCHASING).exchange(path + "/supplier-confirmation", HttpMethod.POST,
        new HttpEntity<>(Map.of("accepted", false)), MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.PICKER_WARSAW).exchange("/api/reorder-policies", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.OPS).exchange("/api/reorder-policies?sku=BACKPACK-20L", HttpMethod.GET, null, LIST)
        .getBody()).hasSize(3);
  }

  @Test
  @DisplayName("Transfers: purchasing and ops read all, the staff of the source or destination warehouse theirs; another "
      + "warehouse's staff get 404 and do not see it listed, customer service may not read transfers")
  void transfersStayWithTheirWarehouses() {
    // an article of this test's own, 3 in Sofia (no policy there: all of it can be spared), so no other test's stock
    // decides whether the transfer is possible
    String sku = "LAMP-TR-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Desk lamp', 'home', null, 25.00, 'EUR', 800, false)", sku, sku);
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values (?, 'sofia', 3, 0, "
        + "'E-01-1')", sku);
    io.orderflow.fulfillment.replenishment.Transfers.TransferView transfer = transfers.order(sku, "madrid", "sofia", 1);
    try {
      String path = "/api/transfers/" + transfer.id();
      for (DemoUser reader : List.of(DemoUser.PURCHASING, DemoUser.OPS, DemoUser.PICKER_SOFIA,
          DemoUser.SUPERVISOR_MADRID)) {
        ResponseEntity<Map<String, Object>> read = shop.as(reader).exchange(path, HttpMethod.GET, null, MAP);
        assertThat(read.getStatusCode()).as("%s", reader).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("number", transfer.number()).containsEntry("sku", sku);
        assertThat(shop.as(reader).exchange("/api/transfers", HttpMethod.GET, null, LIST).getBody())
            .as("%s", reader).extracting(t -> t.get("id")).contains(transfer.id());
      }
      assertThat(shop.as(DemoUser.PICKER_WARSAW).exchange(path, HttpMethod.GET, null, MAP).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(shop.as(DemoUser.PICKER_WARSAW).exchange("/api/transfers", HttpMethod.GET, null, LIST).getBody())
          .extracting(t -> t.get("id")).doesNotContain(transfer.id());
      assertThat(shop.as(DemoUser.CS_AGENT).exchange(path, HttpMethod.GET, null, String.class).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    } finally {
      // the destination counts it, so no transfer stays open for other tests
      transfers.receive(transfer.id(), transfer.quantity(), 0, null, "supervisor.madrid");
    }
  }

  @Test
  @DisplayName("Madrid's pick task and parcel papers: picker.madrid sees and completes it; picker.warsaw neither sees nor touches them")
  void warehouseTasksStayInTheirWarehouse() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    shop.acceptQuote(orderId);
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    String task = "/api/tasks/" + pick.get("key");

    TestRestTemplate warsaw = shop.as(DemoUser.PICKER_WARSAW);
    assertThat(warsaw.exchange("/api/tasks?orderId=" + orderId, HttpMethod.GET, null, LIST).getBody()).isEmpty();
    assertThat(warsaw.exchange(task, HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(warsaw.exchange(task + "/pick-list", HttpMethod.GET, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(warsaw.exchange(task + "/claim", HttpMethod.POST, new HttpEntity<>(Map.of()), MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(warsaw.exchange(task + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("allLinesPicked", true))), MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.CS_AGENT).exchange(task, HttpMethod.GET, null, MAP).getStatusCode())
        .as("another department").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.OPS).exchange(task, HttpMethod.GET, null, MAP).getStatusCode())
        .as("ops reads every task").isEqualTo(HttpStatus.OK);
    // the parcel's papers (customer name and address) likewise stay in its warehouse
    String slip = "/api/orders/" + orderId + "/shipments/1/packing-slip.pdf";
    assertThat(warsaw.getForEntity(slip, byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.PICKER_MADRID).getForEntity(slip, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    shop.scanPickList(pick);
    ResponseEntity<Map<String, Object>> done = shop.as(DemoUser.PICKER_MADRID).exchange(task + "/complete",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("allLinesPicked", true))), MAP);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("completedBy", "picker.madrid");
  }

  @Test
  @DisplayName("Someone else's claimed task cannot be claimed or completed (409); completedBy comes from the sign-in")
  void claimedTasksBelongToTheirAssignee() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    shop.acceptQuote(orderId);
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    String task = "/api/tasks/" + pick.get("key");
    TestRestTemplate picker = shop.as(DemoUser.PICKER_MADRID);
    TestRestTemplate supervisor = shop.as(DemoUser.SUPERVISOR_MADRID);

    assertThat(picker.exchange(task + "/claim", HttpMethod.POST, new HttpEntity<>(Map.of("assignee", "supervisor.madrid")),
        MAP).getStatusCode()).as("claiming for someone else").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> claimed = picker.exchange(task + "/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of()), MAP);
    assertThat(claimed.getBody()).containsEntry("assignee", "picker.madrid");
    assertThat(supervisor.exchange(task + "/claim", HttpMethod.POST, new HttpEntity<>(Map.of()), MAP).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<Map<String, Object>> notTheirs = supervisor.exchange(task + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("allLinesPicked", true))), MAP);
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notTheirs.getBody().get("detail").toString()).contains("claimed by picker.madrid");
    assertThat(picker.exchange(task + "/complete", HttpMethod.POST, new HttpEntity<>(
        Map.of("completedBy", "supervisor.madrid", "variables", Map.of("allLinesPicked", true))), MAP).getStatusCode())
        .as("completing in someone else's name").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("Each department reads its own notifications; marketing not customer service's, ops all")
  void departmentsReadTheirOwnNotifications() {
    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/notifications?audience=marketing", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> refused = shop.as(DemoUser.MARKETING).exchange(
        "/api/notifications?audience=customer-service", HttpMethod.GET, null, MAP);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").toString()).contains("marketing, marketing-manager may not read");
    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/notifications?audience=customer", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.CS_AGENT).exchange("/api/notifications?audience=customer", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shop.as(DemoUser.OPS).exchange("/api/notifications?audience=finance", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Finance reads an order's money movements and the unmatched bank entries; the courier callback needs the callbacks caller")
  void financeAndCallbacks() {
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    assertThat(shop.as(DemoUser.FINANCE).exchange("/api/orders/" + orderId + "/money-movements", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shop.as(DemoUser.FINANCE).exchange("/api/payments/bank-statements/unmatched", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shop.as(DemoUser.ANA).exchange("/api/orders/" + orderId + "/money-movements", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> event = Map.of("eventId", "evt-auth-" + orderId, "trackingNumber", "SX000000001ES",
        "type", "DELIVERED", "occurredAt", "2026-11-23T12:00:00Z");
    assertThat(shop.as(DemoUser.FINANCE).exchange("/api/courier/events", HttpMethod.POST, new HttpEntity<>(event), MAP)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(shop.as(DemoUser.CALLBACKS).exchange("/api/courier/events", HttpMethod.POST, new HttpEntity<>(event), MAP)
        .getStatusCode()).as("authorized; the tracking number is unknown").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("Site events are stored under the signed-in customer's e-mail; insight: marketing sees consenting "
      + "customers only, analysts and ops every customer with the e-mail masked")
  void insightOwnershipAndVisibility() {
    int before = jdbc.queryForObject("select count(*) from site_event where customer_email = ?", Integer.class,
        DemoUser.PIOTR.email());
    ResponseEntity<Map<String, Object>> sent = shop.as(DemoUser.PIOTR).exchange("/api/events", HttpMethod.POST,
        new HttpEntity<>(Map.of("type", "SEARCH", "query", "mug", "customerEmail", DemoUser.ANA.email())), MAP);
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(jdbc.queryForObject("select count(*) from site_event where customer_email = ?", Integer.class,
        DemoUser.PIOTR.email())).isEqualTo(before + 1);

    // one consenting and one non-consenting customer, placed by customer service (phone orders)
    String consenting = "insight-yes-" + java.util.UUID.randomUUID() + "@example.com";
    String refusing = "insight-no-" + java.util.UUID.randomUUID() + "@example.com";
    Map<String, Object> yes = new HashMap<>(ShopClient.from(consenting, orderBody("ES", card("pm_card_visa"),
        Map.of("TSHIRT-ORG-M", 1))));
    yes.put("marketingConsent", true);
    shop.place(yes);
    shop.place(ShopClient.from(refusing, orderBody("ES", card("pm_card_visa"), Map.of("TSHIRT-ORG-M", 1))));
    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/insight/refresh", HttpMethod.POST, null, MAP)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/insight/customers/" + consenting, HttpMethod.GET, null, MAP)
        .getBody()).containsEntry("email", consenting).containsEntry("segment", "NEW");
    assertThat(shop.as(DemoUser.MARKETING).exchange("/api/insight/customers/" + refusing, HttpMethod.GET, null, MAP)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.ANALYST).exchange("/api/insight/customers/" + refusing, HttpMethod.GET, null, MAP)
        .getBody()).containsEntry("email", "i***@example.com").containsEntry("marketingConsent", false);
    String marketingList = shop.as(DemoUser.MARKETING).exchange("/api/insight/segments?segment=NEW", HttpMethod.GET,
        null, String.class).getBody();
    assertThat(marketingList).contains(consenting).doesNotContain(refusing);
    String opsList = shop.as(DemoUser.OPS).exchange("/api/insight/segments", HttpMethod.GET, null, String.class)
        .getBody();
    assertThat(opsList).doesNotContain(consenting).contains("i***@example.com");
    assertThat(shop.as(DemoUser.OPS).exchange("/api/insight/refresh", HttpMethod.POST, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
