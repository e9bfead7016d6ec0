package io.orderflow.fulfillment.ops;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.method;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ops API on the embedded engine: process versions with their BPMN and counts per element, stuck work, and an
 * incident retried after its failing dependency came back. A drill process of the test's own fails its job into an
 * incident (a test worker fails it with no retries left while the "dependency" is down); real orders stand at their
 * steps, a bank-transfer order's payment step in the payment process's own version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class OpsApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  static final String DRILL = "ops-drill";
  static final String DRILL_TASK = "ops-drill-task";
  static final String FLAKY_JOB = "ops-drill.flaky";
  static final String RELEASE = "ops-drill-release";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  ShopClient shop;
  /** The drill's dependency: while down, the worker fails the job with no retries left (an incident at once). */
  final AtomicBoolean dependencyDown = new AtomicBoolean(true);
  JobWorker worker;

  /** The drill models as deployed: built once, so deploying them again is a no-op (same version). */
  static final String DRILL_XML = Bpmn.convertToString(drill());
  static final String DRILL_TASK_XML = Bpmn.convertToString(drillTask());

  static BpmnModelInstance drill() {
    return Bpmn.createExecutableProcess(DRILL).name("Ops drill")
        .startEvent("Start_Drill")
        .serviceTask("Task_CallFlaky").name("Call flaky service").zeebeJobType(FLAKY_JOB)
        .receiveTask("Wait_Released").name("Wait for release")
        .message(m -> m.name(RELEASE).zeebeCorrelationKeyExpression("orderId"))
        .endEvent("End_Drill")
        .done();
  }

  static BpmnModelInstance drillTask() {
    return Bpmn.createExecutableProcess(DRILL_TASK).name("Ops drill task")
        .startEvent()
        .userTask("Task_Overdue").name("Overdue drill task").zeebeCandidateGroups("ops-drill")
        .zeebeDueDate("2020-01-01T09:00:00Z")
        .endEvent()
        .done();
  }

  @BeforeEach
  void setUp() {
    shop = new ShopClient(http, jdbc);
    client.newDeployResourceCommand()
        .addResourceString(DRILL_XML, java.nio.charset.StandardCharsets.UTF_8, DRILL + ".bpmn")
        .addResourceString(DRILL_TASK_XML, java.nio.charset.StandardCharsets.UTF_8, DRILL_TASK + ".bpmn")
        .send().join();
    worker = client.newWorker().jobType(FLAKY_JOB).handler((jobs, job) -> {
      if (dependencyDown.get()) {
        jobs.newFailCommand(job.getKey()).retries(0).errorMessage("Drill dependency down: connection refused")
            .send().join();
      } else {
        jobs.newCompleteCommand(job.getKey()).send().join();
      }
    }).name("ops-drill-worker").pollInterval(Duration.ofMillis(100)).open();
  }

  @AfterEach
  void stopWorker() {
    worker.close();
  }

  ResponseEntity<List<Map<String, Object>>> list(DemoUser user, String path) {
    return shop.as(user).exchange(path, HttpMethod.GET, null, LIST);
  }

  List<Map<String, Object>> processes() {
    ResponseEntity<List<Map<String, Object>>> r = list(DemoUser.OPS, "/api/ops/processes");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  Map<String, Object> latest(String bpmnProcessId) {
    return processes().stream().filter(p -> bpmnProcessId.equals(p.get("bpmnProcessId")))
        .filter(p -> Boolean.TRUE.equals(p.get("latest"))).findFirst().orElseThrow();
  }

  static long key(Map<String, Object> row, String field) {
    return ((Number) row.get(field)).longValue();
  }

  /** The version's figures by element id. */
  Map<String, Map<String, Object>> statistics(long processDefinitionKey) {
    ResponseEntity<List<Map<String, Object>>> r = list(DemoUser.OPS,
        "/api/ops/processes/" + processDefinitionKey + "/statistics");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Map<String, Object>> byElement = new java.util.TreeMap<>();
    r.getBody().forEach(s -> byElement.put((String) s.get("elementId"), s));
    return byElement;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> stuck() {
    ResponseEntity<Map<String, Object>> r = shop.as(DemoUser.OPS).exchange("/api/ops/stuck", HttpMethod.GET, null, MAP);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> incidentOf(long processInstanceKey) {
    return ((List<Map<String, Object>>) stuck().get("incidents")).stream()
        .filter(i -> key(i, "processInstanceKey") == processInstanceKey).findFirst();
  }

  ResponseEntity<Map<String, Object>> retry(TestRestTemplate as, long incidentKey) {
    return as.exchange("/api/ops/incidents/" + incidentKey + "/retry", HttpMethod.POST, null, MAP);
  }

  @Test
  @DisplayName("A job that fails for good is listed as stuck with its error, counted at its element and in its version; "
      + "its version's BPMN comes as deployed; once the dependency is back, ops retries it, the incident is resolved "
      + "and the instance goes on to the end; a second retry is 409, an unknown incident 404")
  void incidentRetried() {
    String orderId = "drill-" + UUID.randomUUID();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(DRILL).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();

    Map<String, Object> incident = await().atMost(ShopClient.WAIT).until(() -> incidentOf(instance),
        Optional::isPresent).orElseThrow();
    Map<String, Object> version = latest(DRILL);
    long definition = key(version, "processDefinitionKey");
    assertThat(incident).containsEntry("bpmnProcessId", DRILL).containsEntry("elementId", "Task_CallFlaky")
        .containsEntry("elementName", "Call flaky service").containsEntry("errorType", "JOB_NO_RETRIES")
        .containsEntry("errorMessage", "Drill dependency down: connection refused").containsEntry("retriable", true)
        .containsEntry("orderId", orderId).containsKeys("incidentKey", "jobKey", "createdAt");
    assertThat(key(incident, "processDefinitionKey")).isEqualTo(definition);
    long incidentKey = key(incident, "incidentKey");

    assertThat(version).containsEntry("name", "Ops drill").containsEntry("resourceName", DRILL + ".bpmn")
        .containsEntry("activeInstances", 1).containsEntry("incidents", 1);
    assertThat(statistics(definition)).containsOnlyKeys("Task_CallFlaky").extractingByKey("Task_CallFlaky")
        .satisfies(s -> assertThat(s).containsEntry("active", 1).containsEntry("incidents", 1));

    ResponseEntity<String> xml = shop.as(DemoUser.OPS).exchange("/api/ops/processes/" + definition + "/xml",
        HttpMethod.GET, null, String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
    assertThat(xml.getBody()).isEqualTo(DRILL_XML);

    // the dependency is still down: only ops may retry; a customer, an analyst and nobody signed in may not
    assertThat(retry(shop.as(DemoUser.ANA), incidentKey).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(retry(shop.as(DemoUser.ANALYST), incidentKey).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(retry(http, incidentKey).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(incidentOf(instance)).isPresent();

    dependencyDown.set(false);
    ResponseEntity<Map<String, Object>> retried = retry(shop.as(DemoUser.OPS), incidentKey);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(retried.getBody()).containsEntry("resolved", true).containsEntry("retries", 3);
    assertThat(key(retried.getBody(), "incidentKey")).isEqualTo(incidentKey);
    assertThat(key(retried.getBody(), "jobKey")).isEqualTo(key(incident, "jobKey"));

    await().atMost(ShopClient.WAIT).until(() -> statistics(definition).keySet(), keys -> keys.equals(
        java.util.Set.of("Wait_Released")));
    assertThat(statistics(definition).get("Wait_Released")).containsEntry("active", 1).containsEntry("incidents", 0);
    assertThat(incidentOf(instance)).isEmpty();
    assertThat(latest(DRILL)).containsEntry("activeInstances", 1).containsEntry("incidents", 0);

    ResponseEntity<Map<String, Object>> again = retry(shop.as(DemoUser.OPS), incidentKey);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody().get("detail").toString()).contains(String.valueOf(incidentKey)).contains("resolved");
    ResponseEntity<Map<String, Object>> unknown = retry(shop.as(DemoUser.OPS), 2251799813999999L);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    client.newPublishMessageCommand().messageName(RELEASE).correlationKey(orderId).send().join();
    await().atMost(ShopClient.WAIT).until(() -> statistics(definition).isEmpty());
    assertThat(latest(DRILL)).containsEntry("activeInstances", 0);
  }

  @Test
  @DisplayName("Running orders count at the steps they stand at in their version; the payment step of a bank-transfer "
      + "order counts in the payment process's version, not in the order's; the list is sorted, the latest marked")
  @SuppressWarnings("unchecked")
  void runningOrdersAtTheirSteps() {
    String quoted = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    String transfer = (String) shop.place(orderBody("ES", method("BANK_TRANSFER"), Map.of("MUG-CERAMIC", 1)))
        .get("id");
    shop.awaitStep(quoted, "Gateway_QuoteAnswer");
    shop.acceptQuote(transfer);
    shop.awaitStep(transfer, "ReceiveTask_BankTransferReceived");

    List<Map<String, Object>> processes = processes();
    assertThat(processes).isSortedAccordingTo(Comparator.comparing((Map<String, Object> p) ->
        (String) p.get("bpmnProcessId")).thenComparing(p -> (Integer) p.get("version")));
    assertThat(processes).allSatisfy(p -> assertThat(Boolean.TRUE.equals(p.get("latest"))
        || ((Number) p.get("activeInstances")).longValue() > 0).as("%s", p).isTrue());
    Map<String, Object> order = latest("order-fulfillment");
    Map<String, Object> payment = latest("payment");
    assertThat(order).containsEntry("name", "Order fulfilment").containsEntry("resourceName", "order-fulfillment.bpmn");
    assertThat(((Number) order.get("activeInstances")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(payment).containsEntry("name", "Payment");

    Map<String, Map<String, Object>> orderSteps = statistics(key(order, "processDefinitionKey"));
    assertThat(orderSteps).containsKeys("Gateway_QuoteAnswer", "CallActivity_TakePayment")
        .doesNotContainKey("ReceiveTask_BankTransferReceived");
    assertThat(((Number) orderSteps.get("Gateway_QuoteAnswer").get("active")).intValue()).isPositive();
    assertThat(((Number) orderSteps.get("CallActivity_TakePayment").get("active")).intValue()).isPositive();
    assertThat(orderSteps.values()).allSatisfy(s -> assertThat(((Number) s.get("active")).intValue()
        + ((Number) s.get("incidents")).intValue()).isPositive());
    Map<String, Map<String, Object>> paymentSteps = statistics(key(payment, "processDefinitionKey"));
    assertThat(paymentSteps).containsKey("ReceiveTask_BankTransferReceived");
    assertThat(((Number) paymentSteps.get("ReceiveTask_BankTransferReceived").get("active")).intValue()).isPositive();

    ResponseEntity<String> xml = shop.as(DemoUser.ANALYST).exchange("/api/ops/processes/"
        + key(order, "processDefinitionKey") + "/xml", HttpMethod.GET, null, String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains("id=\"order-fulfillment\"").contains("CallActivity_TakePayment");

    for (String path : List.of("/api/ops/processes/42/xml", "/api/ops/processes/42/statistics")) {
      ResponseEntity<Map<String, Object>> unknown = shop.as(DemoUser.OPS).exchange(path, HttpMethod.GET, null, MAP);
      assertThat(unknown.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(unknown.getBody().get("detail").toString()).contains("42");
    }
  }

  @Test
  @DisplayName("An open staff task past its due date is listed as overdue with its process, groups and business key")
  @SuppressWarnings("unchecked")
  void overdueTasks() {
    String orderId = "drill-task-" + UUID.randomUUID();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(DRILL_TASK).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
    try {
      Map<String, Object> task = await().atMost(ShopClient.WAIT).until(() -> ((List<Map<String, Object>>) stuck()
          .get("overdueTasks")).stream().filter(t -> orderId.equals(t.get("businessKey"))).findFirst(),
          Optional::isPresent).orElseThrow();
      // the task store names a task from the app's own models; a process from elsewhere shows the element id
      assertThat(task).containsEntry("name", "Task_Overdue").containsEntry("elementId", "Task_Overdue")
          .containsEntry("bpmnProcessId", DRILL_TASK).containsEntry("candidateGroups", List.of("ops-drill"))
          .containsEntry("dueDate", "2020-01-01T09:00:00Z").containsKey("taskKey");
      assertThat(key(task, "processInstanceKey")).isEqualTo(instance);
      List<Map<String, Object>> overdue = (List<Map<String, Object>>) stuck().get("overdueTasks");
      assertThat(overdue).extracting(t -> java.time.Instant.parse((String) t.get("dueDate")))
          .isSorted().allSatisfy(due -> assertThat(due).isBefore(java.time.Instant.now()));
    } finally {
      client.newCancelInstanceCommand(instance).send().join();
    }
    await().atMost(ShopClient.WAIT).until(() -> ((List<Map<String, Object>>) stuck().get("overdueTasks")).stream()
        .noneMatch(t -> orderId.equals(t.get("businessKey"))));
  }

  @Test
  @DisplayName("Ops reads everything; analysts read the processes, their BPMN and counts but not stuck work; customers, "
      + "customer service and the warehouse may not; nobody signed in gets 401")
  void access() {
    long definition = key(latest("order-fulfillment"), "processDefinitionKey");
    List<String> processReads = List.of("/api/ops/processes", "/api/ops/processes/" + definition + "/xml",
        "/api/ops/processes/" + definition + "/statistics");
    for (String path : processReads) {
      for (DemoUser reader : List.of(DemoUser.OPS, DemoUser.ANALYST)) {
        assertThat(shop.as(reader).exchange(path, HttpMethod.GET, null, String.class).getStatusCode())
            .as("%s %s", reader, path).isEqualTo(HttpStatus.OK);
      }
    }
    assertThat(shop.as(DemoUser.OPS).exchange("/api/ops/stuck", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    List<String> all = new java.util.ArrayList<>(processReads);
    all.add("/api/ops/stuck");
    for (String path : all) {
      for (DemoUser refused : List.of(DemoUser.ANA, DemoUser.CS_AGENT, DemoUser.PICKER_MADRID)) {
        assertThat(shop.as(refused).exchange(path, HttpMethod.GET, null, String.class).getStatusCode())
            .as("%s %s", refused, path).isEqualTo(HttpStatus.FORBIDDEN);
      }
      assertThat(http.exchange(path, HttpMethod.GET, null, String.class).getStatusCode()).as(path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(shop.as(DemoUser.ANALYST).exchange("/api/ops/stuck", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
