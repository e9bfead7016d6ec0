package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ops pages in Chromium against the running app: orders started over the API wait for the customer's quote
 * acceptance, and ops.viewer sees exactly as many of them on that element of the order process's diagram as the ops
 * API counts; the stuck-work page shows the API's incidents and overdue tasks; the KPI page draws its charts with their
 * tables and the API's figures; the mail outbox shows a mail one of the orders caused.
 *
 * <p>Needs the ops API ({@code /api/ops/**}) of the ops module for the first two tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Ops pages in Chromium")
class OpsBrowserTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final String ORDER_PROCESS = "order-fulfillment";
  static final String SKU = "HOODIE-ZIP-M";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;
  Page page;
  final List<String> consoleProblems = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  @AfterEach
  void close() {
    Browser.close(page);
  }

  void open(DemoUser user, String route) {
    page = Browser.open("http://localhost:" + port);
    page.onConsoleMessage(m -> {
      if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
        consoleProblems.add(m.text());
      }
    });
    page.onPageError(e -> consoleProblems.add("page error: " + e));
    Browser.signIn(page, user, route);
  }

  TestRestTemplate ops() {
    return DemoUser.OPS.on(http);
  }

  /** An order of Ana's (Madrid, card) that the test then leaves waiting for her quote acceptance. */
  String orderWaitingForQuote() {
    String orderId = (String) shop.place(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"), Map.of(SKU, 1)))
        .get("id");
    shop.awaitStep(orderId, "Gateway_QuoteAnswer");
    return orderId;
  }

  /** The active count of one element of a process definition, as the ops API tells it. */
  int activeAt(Object processDefinitionKey, String elementId) {
    ResponseEntity<List<Map<String, Object>>> stats = ops().exchange(
        "/api/ops/processes/" + processDefinitionKey + "/statistics", HttpMethod.GET, null, LIST);
    assertThat(stats.getStatusCode()).as("statistics: %s", stats.getBody()).isEqualTo(HttpStatus.OK);
    return stats.getBody().stream().filter(s -> elementId.equals(s.get("elementId")))
        .map(s -> ((Number) s.get("active")).intValue()).findFirst().orElse(0);
  }

  @Test
  @DisplayName("two orders waiting for the quote acceptance: the diagram's badge on that element shows the ops API's "
      + "active count, which includes both")
  void diagramShowsActiveInstancesOfTheApi() {
    // given two orders that wait at the quote's event-based gateway
    orderWaitingForQuote();
    orderWaitingForQuote();
    String element = "Gateway_QuoteAnswer";

    // the latest order process, as the ops API lists it
    ResponseEntity<List<Map<String, Object>>> processes = ops().exchange("/api/ops/processes", HttpMethod.GET, null,
        LIST);
    assertThat(processes.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> latest = processes.getBody().stream()
        .filter(p -> ORDER_PROCESS.equals(p.get("bpmnProcessId")) && Boolean.TRUE.equals(p.get("latest")))
        .findFirst().orElseThrow(() -> new AssertionError("no latest " + ORDER_PROCESS + " in " + processes.getBody()));
    Object key = latest.get("processDefinitionKey");
    assertThat(activeAt(key, element)).as("the API counts both waiting orders").isGreaterThanOrEqualTo(2);

    // when ops opens the process list and the latest order process's diagram
    open(DemoUser.OPS, "/ops");
    Locator row = page.getByTestId("process-list").locator("tr[data-process-id='" + ORDER_PROCESS + "']")
        .filter(new Locator.FilterOptions().setHasText("latest"));
    assertThat(row).isVisible();
    Browser.screenshot(page, "30-ops-processes");
    row.getByRole(AriaRole.LINK).click();
    page.waitForURL("**/#/ops/processes/" + key);

    // then the badge on the element shows the API's figure (the figures refresh; compare until both agree)
    Locator badge = page.getByTestId("overlay-active-" + element);
    assertThat(badge).isVisible();
    AtomicReference<String> last = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      int api = activeAt(key, element);
      String shown = badge.textContent().trim();
      last.set("API " + api + ", badge " + shown);
      return api >= 2 && String.valueOf(api).equals(shown)
          && String.valueOf(api).equals(page.getByTestId("active-" + element).textContent().trim());
    });
    assertThat(page.getByTestId("bpmn-diagram").locator("svg").first()).isVisible();
    assertThat(page.getByText("active instances waiting at or running the element")).isVisible();
    Browser.screenshot(page, "31-ops-diagram");
    assertThat(consoleProblems).as("CSP violations or script errors").isEmpty();
  }

  @Test
  @DisplayName("the stuck-work page lists the ops API's incidents and overdue tasks")
  @SuppressWarnings("unchecked")
  void stuckWork() {
    ResponseEntity<Map<String, Object>> stuck = ops().exchange("/api/ops/stuck", HttpMethod.GET, null, MAP);
    assertThat(stuck.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> incidents = (List<Map<String, Object>>) stuck.getBody().get("incidents");
    List<Map<String, Object>> overdue = (List<Map<String, Object>>) stuck.getBody().get("overdueTasks");

    open(DemoUser.OPS, "/ops/stuck");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incidents"))).containsText(
        String.valueOf(incidents.size()));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overdue tasks"))).containsText(
        String.valueOf(overdue.size()));
    for (Map<String, Object> incident : incidents) {
      Locator card = page.getByTestId("incident-" + incident.get("incidentKey"));
      assertThat(card).containsText(String.valueOf(incident.get("elementId")));
      if (incident.get("errorMessage") != null) {
        assertThat(card).containsText(String.valueOf(incident.get("errorMessage")).lines().findFirst().orElse(""));
      }
    }
    Browser.screenshot(page, "32-ops-stuck");
    assertThat(consoleProblems).isEmpty();
  }

  @Test
  @DisplayName("the KPI page draws its charts with a data table each and shows the API's figures; the CSV link has "
      + "the same filters")
  @SuppressWarnings("unchecked")
  void kpis() {
    orderWaitingForQuote();
    Map<String, Object> report = ops().exchange("/api/analytics/kpis", HttpMethod.GET, null, MAP).getBody();
    assertThat(((Number) report.get("ordersPlaced")).intValue()).isPositive();

    open(DemoUser.OPS, "/kpis");
    assertThat(page.getByTestId("kpi-range")).containsText(report.get("from") + " to " + report.get("to"));
    assertThat(page.getByTestId("kpi-tiles").locator("li").first()).containsText(
        String.valueOf(report.get("ordersPlaced")));
    Locator statuses = page.getByTestId("chart-statuses");
    assertThat(statuses.locator("canvas")).isVisible();
    statuses.getByText("Data table").click();
    List<Map<String, Object>> byStatus = (List<Map<String, Object>>) report.get("ordersByStatus");
    assertThat(statuses.getByTestId("table-statuses").locator("tbody tr")).hasCount(byStatus.size());
    assertThat(page.getByTestId("kpi-csv")).hasAttribute("href",
        "/api/analytics/kpis.csv?from=" + report.get("from") + "&to=" + report.get("to"));
    Browser.screenshot(page, "33-kpis");

    // one warehouse: the range line and the CSV link follow the filter
    page.getByLabel("Warehouse").selectOption("madrid");
    assertThat(page.getByTestId("kpi-range")).containsText("warehouse madrid");
    assertThat(page.getByTestId("kpi-csv")).hasAttribute("href",
        "/api/analytics/kpis.csv?from=" + report.get("from") + "&to=" + report.get("to") + "&warehouse=madrid");
    assertThat(consoleProblems).isEmpty();
  }

  @Test
  @DisplayName("the mail outbox lists the acknowledgement an accepted order caused; its text is readable")
  void mailOutbox() {
    String email = "ops.ui." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Map<String, Object> body = new HashMap<>(ShopClient.from(email,
        ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"), Map.of(SKU, 1))));
    String orderId = (String) shop.place(body).get("id");
    shop.acceptQuote(orderId);
    String orderNumber = (String) shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED").get("orderNumber");
    Map<String, Object> mail = await().atMost(ShopClient.WAIT).until(() -> ops().exchange(
            "/api/dev/mailbox?to=" + email, HttpMethod.GET, null, LIST).getBody().stream()
        .filter(m -> orderId.equals(m.get("orderId"))).findFirst(), Optional::isPresent).orElseThrow();
    assertThat((String) mail.get("subject")).contains(orderNumber);

    open(DemoUser.OPS, "/mail");
    page.getByLabel("Recipient").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
    Locator mails = page.getByTestId("mail");
    assertThat(mails.first()).containsText((String) mail.get("subject"));
    assertThat(page.getByTestId("mail-count")).containsText("to " + email);
    mails.filter(new Locator.FilterOptions().setHasText((String) mail.get("subject"))).first().locator("summary").click();
    assertThat(mails.first().getByTestId("mail-body")).containsText(orderNumber);
    Browser.screenshot(page, "34-mail");
    assertThat(consoleProblems).isEmpty();
  }
}
