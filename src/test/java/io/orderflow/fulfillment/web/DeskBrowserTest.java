package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The returns desk, finance and models pages in Chromium: customer service finds an approved return among the open
 * ones and reads it; Madrid's supervisor reports its parcel at the dock (the return moves on; an unknown id shows the
 * API's 404); finance sees an unmatched bank line and looks up store credit; an analyst sees the order process's
 * versions with a link to the diagram.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Returns desk, finance and models pages in Chromium")
class DeskBrowserTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final String SKU = "TSHIRT-ORG-M";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;
  Page page;
  final List<String> browserErrors = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  @AfterEach
  void close() {
    Browser.close(page);
    assertThat(browserErrors).as("CSP violations and page errors").isEmpty();
  }

  void open(DemoUser user, String route) {
    Browser.close(page);
    page = Browser.open("http://localhost:" + port);
    Browser.recordProblems(page, browserErrors);
    Browser.signIn(page, user, route);
  }

  ResponseEntity<Map<String, Object>> call(DemoUser user, HttpMethod method, String path, Object body) {
    return shop.as(user).exchange(path, method, body == null ? null : new HttpEntity<>(body), MAP);
  }

  Map<String, Object> returnOf(String returnId) {
    ResponseEntity<Map<String, Object>> r = call(DemoUser.CS_AGENT, HttpMethod.GET, "/api/returns/" + returnId, null);
    assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  /** Ana's card order of one T-shirt, picked, packed and delivered from Madrid. */
  @SuppressWarnings("unchecked")
  String deliveredOrder() {
    Map<String, Object> placed = shop.place(orderBody("ES", card("pm_card_visa"), Map.of(SKU, 1)));
    String orderId = (String) placed.get("id");
    Map<String, Object> quoted = shop.acceptQuote(orderId);
    for (Map<String, Object> parcel : (List<Map<String, Object>>) quoted.get("shipments")) {
      shop.pickAndPack((String) parcel.get("warehouseId"), orderId);
    }
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    for (Map<String, Object> parcel : (List<Map<String, Object>>) shipped.get("shipments")) {
      String tracking = (String) parcel.get("trackingNumber");
      Map<String, Object> event = Map.of("eventId", "evt-delivered-" + tracking, "trackingNumber", tracking,
          "type", "DELIVERED", "occurredAt", Instant.now().toString(), "location", "front door");
      assertThat(call(DemoUser.CALLBACKS, HttpMethod.POST, "/api/courier/events", event).getStatusCode())
          .isEqualTo(HttpStatus.ACCEPTED);
    }
    shop.awaitOrder(orderId, "DELIVERED");
    return orderId;
  }

  @Test
  @DisplayName("cs.agent finds an approved return among the open ones and opens it; supervisor.madrid reports its "
      + "parcel at the dock, the return moves on; an unknown id shows the API's 404")
  void returnsDesk() {
    String orderId = deliveredOrder();
    Map<String, Object> body = new HashMap<>(Map.of("kind", "RETURN", "reason", "WRONG_SIZE",
        "lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "refundChoice", "ORIGINAL_METHOD"));
    ResponseEntity<Map<String, Object>> created = call(DemoUser.ANA, HttpMethod.POST,
        "/api/orders/" + orderId + "/returns", body);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) created.getBody().get("id");
    String rma = (String) created.getBody().get("rmaNumber");
    await().atMost(ShopClient.WAIT).until(() -> returnOf(returnId), r -> "AWAITING_PARCEL".equals(r.get("status")));

    // customer service: the open list shows it with its order and step, the detail its line and label
    open(DemoUser.CS_AGENT, "/returns");
    Locator row = page.getByTestId("return-row-" + rma);
    assertThat(row).containsText("Awaiting parcel".toUpperCase());
    assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
        (String) created.getBody().get("orderNumber")))).hasAttribute("href", "#/orders/" + orderId);
    Browser.screenshot(page, "40-returns");
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(rma)).click();
    page.waitForURL("**/#/returns/" + returnId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Return " + rma))).isVisible();
    assertThat(page.getByTestId("return-lines")).containsText(SKU);
    assertThat(page.getByTestId("return-label")).hasAttribute("href", "/api/returns/" + returnId + "/label.pdf");
    assertThat(page.getByTestId("return-history")).isVisible();
    Browser.screenshot(page, "41-return-detail");

    // Madrid's dock: the parcel is in
    open(DemoUser.SUPERVISOR_MADRID, "/returns");
    // scanned from the label: the RMA number, in lower case as a keyboard wedge may send it
    page.getByLabel("RMA number, return tracking number or return id").fill(rma.toLowerCase());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report arrival")).click();
    assertThat(page.getByTestId("dock-result")).containsText(rma);
    Map<String, Object> arrived = returnOf(returnId);
    assertThat(arrived.get("arrivedAt")).as("arrival recorded").isNotNull();
    assertThat(arrived.get("status")).isNotEqualTo("AWAITING_PARCEL");

    // a second report: the API's 409; an unknown id: its 404, as the problem
    page.getByLabel("RMA number, return tracking number or return id").fill(returnId);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report arrival")).click();
    assertThat(page.locator(".problem[data-status='409']")).containsText(rma);
    page.getByLabel("RMA number, return tracking number or return id").fill("no-such-return");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report arrival")).click();
    assertThat(page.locator(".problem[data-status='404']")).containsText("no-such-return");
    Browser.screenshot(page, "42-dock");
  }

  @Test
  @DisplayName("finance.clerk sees an unmatched bank statement line and looks up a customer's store credit")
  void finance() {
    String tx = "BTX-DESK-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> entry = Map.of("bankTransactionId", tx, "reference", "NO-SUCH-REF", "amount", "12.34",
        "currency", "EUR", "bookingDate", LocalDate.now().toString(), "payerName", "Unknown Payer");
    ResponseEntity<Map<String, Object>> imported = call(DemoUser.CALLBACKS, HttpMethod.POST,
        "/api/payments/bank-statements", Map.of("entries", List.of(entry)));
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);

    open(DemoUser.FINANCE, "/finance");
    Locator unmatched = page.getByTestId("unmatched-lines");
    assertThat(unmatched).containsText(tx);
    assertThat(unmatched.locator("tr", new Locator.LocatorOptions().setHasText(tx))).containsText("Unknown Payer");

    page.getByLabel("Customer e-mail").fill(DemoUser.ANA.email());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up credit")).click();
    assertThat(page.getByTestId("store-credit")).containsText("Balance of " + DemoUser.ANA.email());

    page.getByLabel("Order id").fill("no-such-order");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show money")).click();
    assertThat(page.locator(".problem[data-status='404']")).isVisible();
    Browser.screenshot(page, "43-finance");
  }

  @Test
  @DisplayName("analyst.modeler sees order-fulfillment's versions, each linked to its diagram")
  @SuppressWarnings("unchecked")
  void models() {
    List<Map<String, Object>> models = shop.as(DemoUser.ANALYST).exchange("/api/models", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    Map<String, Object> fulfillment = models.stream().filter(m -> "order-fulfillment".equals(m.get("bpmnProcessId")))
        .findFirst().orElseThrow();
    List<Map<String, Object>> versions = (List<Map<String, Object>>) fulfillment.get("versions");
    Object key = versions.get(versions.size() - 1).get("processDefinitionKey");

    open(DemoUser.ANALYST, "/models");
    Locator model = page.getByTestId("model-order-fulfillment");
    assertThat(model).containsText("version " + fulfillment.get("latestVersion"));
    Locator diagram = model.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
        .setName("Diagram of order-fulfillment version " + fulfillment.get("latestVersion")));
    assertThat(diagram).hasAttribute("href", "#/ops/processes/" + key);
    Browser.screenshot(page, "44-models");
    diagram.click();
    page.waitForURL("**/#/ops/processes/" + key);
  }
}
