package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * API counts; a drill process's job fails into an incident, which the stuck-work page lists and ops retries with its
 * button once the drill's dependency is back; the KPI page draws its charts with their tables and the API's figures;
 * the mail outbox shows a mail one of the orders caused.
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
  @Autowired CamundaClient client;
  ShopClient shop;
  Page page;
  final List<String> consoleProblems = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  /** Orders this test placed: cancelled afterwards, so that their reservations do not linger into other tests. */
  final List<String> placed = new ArrayList<>();

  @AfterEach
  void close() {
    Browser.close(page);
    for (String orderId : placed) {
      DemoUser.CS_AGENT.on(http).exchange("/api/orders/" + orderId + "/cancellation", HttpMethod.POST,
          new org.springframework.http.HttpEntity<>(Map.of("reason", "ops browser test done")), MAP);
    }
    for (String orderId : placed) {
      shop.awaitOrder(orderId, "CANCELLED");
    }
  }

  void open(DemoUser user, String route) {
    page = Browser.open("http://localhost:" + port);
    Browser.recordProblems(page, consoleProblems);
    Browser.signIn(page, user, route);
  }

  TestRestTemplate ops() {
    return DemoUser.OPS.on(http);
  }

  /** An order of Ana's (Madrid, card) that the test then leaves waiting for her quote acceptance. */
  String orderWaitingForQuote() {
    String orderId = (String) shop.place(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"), Map.of(SKU, 1)))
        .get("id");
    placed.add(orderId);
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
    page.setViewportSize(390, 844);
    assertThat(badge).isVisible();
    Browser.screenshot(page, "31-ops-diagram-handheld");
    assertThat(consoleProblems).as("CSP violations or script errors").isEmpty();
  }

  /** A drill process whose job fails into an incident while its "dependency" is down, and one with an overdue task. */
  static final String DRILL = "ops-ui-drill";
  static final String DRILL_TASK = "ops-ui-drill-task";
  static final String FLAKY_JOB = "ops-ui-drill.flaky";

  static String drillXml() {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(DRILL).name("Ops UI drill")
        .startEvent("Start_Drill")
        .serviceTask("Task_CallFlaky").name("Call flaky service").zeebeJobType(FLAKY_JOB)
        .receiveTask("Wait_Released").name("Wait for release")
        .message(m -> m.name("ops-ui-drill-release").zeebeCorrelationKeyExpression("orderId"))
        .endEvent("End_Drill")
        .done());
  }

  static String drillTaskXml() {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(DRILL_TASK).name("Ops UI drill task")
        .startEvent()
        .userTask("Task_Overdue").name("Overdue drill task").zeebeCandidateGroups("ops-drill")
        .zeebeDueDate("2020-01-01T09:00:00Z")
        .endEvent()
        .done());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> stuck() {
    ResponseEntity<Map<String, Object>> stuck = ops().exchange("/api/ops/stuck", HttpMethod.GET, null, MAP);
    assertThat(stuck.getStatusCode()).isEqualTo(HttpStatus.OK);
    return stuck.getBody();
  }

  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> incidentOf(long processInstanceKey) {
    return ((List<Map<String, Object>>) stuck().get("incidents")).stream()
        .filter(i -> ((Number) i.get("processInstanceKey")).longValue() == processInstanceKey).findFirst();
  }

  @Test
  @DisplayName("stuck work: a job that failed for good is listed with its element, order and error and shows as a red "
      + "badge on its diagram; once its dependency is back, ops retries it with the button and the incident is "
      + "resolved (the instance moves on); an overdue task is listed with its group and due date")
  @SuppressWarnings("unchecked")
  void stuckWorkRetried() {
    client.newDeployResourceCommand()
        .addResourceString(drillXml(), StandardCharsets.UTF_8, DRILL + ".bpmn")
        .addResourceString(drillTaskXml(), StandardCharsets.UTF_8, DRILL_TASK + ".bpmn")
        .send().join();
    AtomicBoolean dependencyDown = new AtomicBoolean(true);
    JobWorker worker = client.newWorker().jobType(FLAKY_JOB).handler((jobs, job) -> {
      if (dependencyDown.get()) {
        jobs.newFailCommand(job.getKey()).retries(0).errorMessage("Drill dependency down: connection refused")
            .send().join();
      } else {
        jobs.newCompleteCommand(job.getKey()).send().join();
      }
    }).name("ops-ui-drill-worker").pollInterval(Duration.ofMillis(100)).open();
    String orderId = "ui-drill-" + UUID.randomUUID();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(DRILL).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
    long taskInstance = client.newCreateInstanceCommand().bpmnProcessId(DRILL_TASK).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
    try {
      Map<String, Object> incident = await().atMost(ShopClient.WAIT).until(() -> incidentOf(instance),
          Optional::isPresent).orElseThrow();
      await().atMost(ShopClient.WAIT).until(() -> ((List<Map<String, Object>>) stuck().get("overdueTasks")).stream()
          .anyMatch(t -> orderId.equals(t.get("businessKey"))));
      Object incidentKey = incident.get("incidentKey");

      // the stuck-work page: the incident with its element, order and error; the overdue task
      open(DemoUser.OPS, "/ops/stuck");
      Locator card = page.getByTestId("incident-" + incidentKey);
      assertThat(card).containsText("Call flaky service");
      assertThat(card).containsText(orderId);
      assertThat(card).containsText("Drill dependency down: connection refused");
      assertThat(card).containsText("Job no retries");
      Locator overdueRow = page.getByTestId("overdue-tasks").locator("tr").filter(new Locator.FilterOptions()
          .setHasText(orderId));
      assertThat(overdueRow).containsText("ops-drill");
      assertThat(overdueRow).containsText("overdue");
      Browser.screenshot(page, "32-ops-stuck");

      // its diagram: a red badge on the failing task
      card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(DRILL)).click();
      page.waitForURL("**/#/ops/processes/" + incident.get("processDefinitionKey"));
      assertThat(page.getByTestId("overlay-incidents-Task_CallFlaky")).hasText("1");
      assertThat(page.getByTestId("incidents-Task_CallFlaky")).hasText("1");
      Browser.screenshot(page, "31-ops-diagram-incident");

      // the dependency is back: ops retries in the page
      dependencyDown.set(false);
      page.goBack();
      page.getByTestId("incident-" + incidentKey).getByRole(AriaRole.BUTTON,
          new Locator.GetByRoleOptions().setName("Retry")).click();
      assertThat(page.getByTestId("retry-log")).containsText("Incident " + incidentKey + " resolved");
      assertThat(page.getByTestId("incident-" + incidentKey)).hasCount(0);
      assertThat(incidentOf(instance)).as("resolved in the engine").isEmpty();
      await().atMost(ShopClient.WAIT).until(() -> activeAt(incident.get("processDefinitionKey"), "Wait_Released") == 1);
      assertThat(consoleProblems).isEmpty();
    } finally {
      worker.close();
      client.newCancelInstanceCommand(taskInstance).send().join();
      client.newPublishMessageCommand().messageName("ops-ui-drill-release").correlationKey(orderId).send().join();
    }
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
    page.setViewportSize(390, 844);
    assertThat(statuses.locator("canvas")).isVisible();
    Browser.screenshot(page, "33-kpis-handheld");
    page.setViewportSize(1280, 900);

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
    placed.add(orderId);
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

    // emptied after a confirmation
    page.getByTestId("clear-mailbox").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, clear it")).click();
    assertThat(page.getByText("No mail to " + email + ".")).isVisible();
    assertThat(page.getByTestId("mail-count")).containsText("Mailbox emptied");
    assertThat(ops().exchange("/api/dev/mailbox?to=" + email, HttpMethod.GET, null, LIST).getBody()).isEmpty();
    assertThat(consoleProblems).isEmpty();
  }

  @Test
  @DisplayName("an analyst reads the deployed processes and their diagrams, but has no stuck-work section")
  void analystReadsDiagrams() {
    open(DemoUser.ANALYST, "/ops");
    assertThat(page.getByTestId("process-list").locator("tr[data-process-id='" + ORDER_PROCESS + "']").first())
        .isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stuck work"))).hasCount(0);
    page.getByTestId("process-list").locator("tr[data-process-id='" + ORDER_PROCESS + "']").first()
        .getByRole(AriaRole.LINK).click();
    assertThat(page.getByTestId("bpmn-diagram")).hasAttribute("data-ready", "true");
    assertThat(consoleProblems).isEmpty();
  }
}
