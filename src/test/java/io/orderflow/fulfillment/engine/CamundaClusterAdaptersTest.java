package io.orderflow.fulfillment.engine;

import static io.orderflow.fulfillment.testsupport.CamundaRestStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import io.orderflow.fulfillment.ops.ProcessOperations;
import io.orderflow.fulfillment.process.ProcessState;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskQuery;
import io.orderflow.fulfillment.testsupport.CamundaRestStub;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code camunda} profile's adapters against a local server that answers like a Camunda 8.8 orchestration
 * cluster's REST API ({@link CamundaRestStub}, fixtures in {@code src/test/resources/camunda-rest/}). The real Camunda
 * Java client talks to it over REST; each test checks what the adapter sent and what it made of the answer.
 */
class CamundaClusterAdaptersTest {

  static final long TASK = 2251799813685301L;
  static final long INSTANCE = 2251799813685200L;
  static final long DEFINITION = 2251799813685100L;
  static final long INCIDENT = 2251799813685500L;
  static final long JOB = 2251799813685260L;

  static CamundaRestStub cluster;
  static CamundaClient client;
  static final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  CamundaClusterStaffTasks tasks;
  CamundaClusterProcessState state;
  CamundaClusterProcessOperations ops;
  ZeebeProcessAdapters processes;

  @BeforeAll
  static void startStub() {
    cluster = CamundaRestStub.start();
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create(cluster.url()))
        // nothing listens here: every command the adapters send must go over REST
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .credentialsProvider(new NoopCredentialsProvider())
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @AfterAll
  static void stopStub() {
    client.close();
    cluster.close();
  }

  @BeforeEach
  void adapters() {
    cluster.clear();
    ProcessModels models = new ProcessModels(json);
    tasks = new CamundaClusterStaffTasks(client, json);
    state = new CamundaClusterProcessState(client, models);
    ops = new CamundaClusterProcessOperations(client, models);
    processes = new ZeebeProcessAdapters(client);
    cluster.answer("GET", "/v2/user-tasks/" + TASK, 200, fixture("user-task.json"))
        .answer("POST", "/v2/user-tasks/" + TASK + "/variables/search", 200, fixture("user-task-variables-search.json"));
  }

  @Test
  @DisplayName("Task search sends the candidate group, assignee and state as the search filter and maps the tasks")
  void searchesByCandidateGroupAndAssignee() throws Exception {
    cluster.answer("POST", "/v2/user-tasks/search", 200, fixture("user-tasks-search.json"));

    List<StaffTask> found = tasks.search(new TaskQuery(StaffTask.State.CREATED, "warehouse", null, null, null, 50));
    tasks.search(new TaskQuery(null, null, "wanda", null, null, 20));

    List<CamundaRestStub.Request> sent = cluster.requests("POST", "/v2/user-tasks/search");
    assertThat(sent).hasSize(2);
    JsonNode byGroup = json.readTree(sent.get(0).body());
    assertThat(eq(byGroup.at("/filter/candidateGroup")).asText()).isEqualTo("warehouse");
    assertThat(eq(byGroup.at("/filter/state")).asText()).isEqualTo("CREATED");
    assertThat(byGroup.at("/filter/assignee").isMissingNode()).isTrue();
    assertThat(byGroup.at("/page/limit").asInt()).isEqualTo(50);
    JsonNode byAssignee = json.readTree(sent.get(1).body());
    assertThat(eq(byAssignee.at("/filter/assignee")).asText()).isEqualTo("wanda");
    assertThat(byAssignee.at("/filter/candidateGroup").isMissingNode()).isTrue();
    assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");

    assertThat(found).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo(TASK);
      assertThat(t.name()).isEqualTo("Pick order");
      assertThat(t.elementId()).isEqualTo("UserTask_PickOrder");
      assertThat(t.bpmnProcessId()).isEqualTo("order-fulfillment");
      assertThat(t.processInstanceKey()).isEqualTo(INSTANCE);
      assertThat(t.candidateGroups()).containsExactly("warehouse");
      assertThat(t.state()).isEqualTo(StaffTask.State.CREATED);
      assertThat(t.dueDate()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
    });
  }

  @Test
  @DisplayName("A search by business key filters on the process instance's orderId variable")
  void searchesByBusinessKey() throws Exception {
    cluster.answer("POST", "/v2/user-tasks/search", 200, fixture("user-tasks-search.json"));

    List<StaffTask> found = tasks.search(new TaskQuery(null, null, null, null, "ord-1001", 10));

    JsonNode filter = json.readTree(cluster.requests("POST", "/v2/user-tasks/search").getFirst().body()).at("/filter");
    assertThat(filter.at("/processInstanceVariables/0/name").asText()).isEqualTo("orderId");
    // Variable values in the search API are JSON: a string variable is matched by its quoted form.
    assertThat(eq(filter.at("/processInstanceVariables/0/value")).asText()).isEqualTo("\"ord-1001\"");
    assertThat(found).singleElement().extracting(StaffTask::businessKey).isEqualTo("ord-1001");
  }

  @Test
  @DisplayName("Find reads the task and its orderId variable; a task the cluster does not know is empty")
  void findsATask() {
    StaffTask task = tasks.find(TASK).orElseThrow();
    assertThat(task.businessKey()).isEqualTo("ord-1001");
    assertThat(tasks.variables(TASK)).containsEntry("orderId", "ord-1001").containsEntry("lineCount", 2);
    assertThat(tasks.find(42L)).isEmpty();
  }

  @Test
  @DisplayName("Claim sends an assignment without override, unclaim deletes the assignee; a taken task is a conflict")
  void claimsAndUnclaims() throws Exception {
    cluster.answer("POST", "/v2/user-tasks/" + TASK + "/assignment", 204, null)
        .answer("DELETE", "/v2/user-tasks/" + TASK + "/assignee", 204, null)
        .answer("GET", "/v2/user-tasks/" + TASK, 200, fixture("user-task-assigned.json"));

    StaffTask claimed = tasks.assign(TASK, "wanda");

    JsonNode assignment = json.readTree(cluster.requests("POST", "/v2/user-tasks/\\d+/assignment").getFirst().body());
    assertThat(assignment.get("assignee").asText()).isEqualTo("wanda");
    assertThat(assignment.get("allowOverride").asBoolean()).isFalse();
    assertThat(claimed.assignee()).isEqualTo("wanda");

    cluster.answer("GET", "/v2/user-tasks/" + TASK, 200, fixture("user-task.json"));
    StaffTask unclaimed = tasks.unassign(TASK);
    assertThat(cluster.requests("DELETE", "/v2/user-tasks/" + TASK + "/assignee")).hasSize(1);
    assertThat(unclaimed.assignee()).isNull();

    cluster.answer("POST", "/v2/user-tasks/" + TASK + "/assignment", 409, fixture("problem-conflict.json"));
    assertThatThrownBy(() -> tasks.assign(TASK, "otto")).isInstanceOf(ConflictException.class);
    cluster.answer("POST", "/v2/user-tasks/" + TASK + "/assignment", 404, """
        {"type":"about:blank","title":"NOT_FOUND","status":404,"detail":"no such task"}""");
    assertThatThrownBy(() -> tasks.assign(TASK, "otto")).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("The task's form is the linked form's schema; a task without a form has none")
  void readsTheForm() throws Exception {
    cluster.answer("GET", "/v2/user-tasks/" + TASK + "/form", 200, fixture("user-task-form.json"));

    String schema = tasks.form(TASK).orElseThrow();

    assertThat(json.readTree(schema).get("id").asText()).isEqualTo("pick-order");
    assertThat(json.readTree(schema).at("/components/0/key").asText()).isEqualTo("picked");
    // 8.8: "204 No Content" when the task has no linked form
    cluster.answer("GET", "/v2/user-tasks/" + TASK + "/form", 204, null);
    assertThat(tasks.form(TASK)).isEmpty();
  }

  @Test
  @DisplayName("Complete sends the variables; the cluster's 409 becomes our ConflictException and a 409 ProblemDetail")
  void completesAndMapsAConflict() throws Exception {
    cluster.answer("POST", "/v2/user-tasks/" + TASK + "/completion", 204, null);

    StaffTask done = tasks.complete(TASK, "wanda", Map.of("picked", true, "completedBy", "wanda"));

    JsonNode completion = json.readTree(cluster.requests("POST", "/v2/user-tasks/\\d+/completion").getFirst().body());
    assertThat(completion.at("/variables/picked").asBoolean()).isTrue();
    assertThat(completion.at("/variables/completedBy").asText()).isEqualTo("wanda");
    assertThat(done.state()).isEqualTo(StaffTask.State.COMPLETED);
    assertThat(done.completedBy()).isEqualTo("wanda");

    cluster.answer("POST", "/v2/user-tasks/" + TASK + "/completion", 409, fixture("problem-conflict.json"));
    assertThatThrownBy(() -> tasks.complete(TASK, "wanda", Map.of("picked", true)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("COMPLETING");

    MockMvc mvc = MockMvcBuilders.standaloneSetup(new CompleteController(tasks))
        .setControllerAdvice(apiExceptionHandler()).build();
    mvc.perform(post("/complete/" + TASK))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.title").value("Conflict"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("in state 'COMPLETING'")));
  }

  @Test
  @DisplayName("A message goes to /v2/messages/publication with name, correlation key, id, TTL and variables; a duplicate id is accepted")
  void publishesMessages() throws Exception {
    cluster.answer("POST", "/v2/messages/publication", 200, fixture("message-publication.json"));

    processes.publish("PaymentReceived", "ord-1001", "pay-ord-1001", Duration.ofMinutes(5), Map.of("amount", 12.5));

    JsonNode message = json.readTree(cluster.requests("POST", "/v2/messages/publication").getFirst().body());
    assertThat(message.get("name").asText()).isEqualTo("PaymentReceived");
    assertThat(message.get("correlationKey").asText()).isEqualTo("ord-1001");
    assertThat(message.get("messageId").asText()).isEqualTo("pay-ord-1001");
    assertThat(message.get("timeToLive").asLong()).isEqualTo(300_000);
    assertThat(message.at("/variables/amount").asDouble()).isEqualTo(12.5);

    // publishing is idempotent by message id: the cluster's ALREADY_EXISTS (409 over REST) is success
    cluster.answer("POST", "/v2/messages/publication", 409, fixture("problem-message-exists.json"));
    processes.publish("PaymentReceived", "ord-1001", "pay-ord-1001", Duration.ofMinutes(5), Map.of());
    assertThat(cluster.requests("POST", "/v2/messages/publication")).hasSize(2);
  }

  @Test
  @DisplayName("Process state: the instance, its active elements (not the process itself) and its open incidents")
  void readsProcessState() throws Exception {
    cluster.answer("GET", "/v2/process-instances/" + INSTANCE, 200, fixture("process-instance.json"))
        .answer("POST", "/v2/element-instances/search", 200, fixture("element-instances-search.json"))
        .answer("POST", "/v2/incidents/search", 200, fixture("incidents-search.json"));

    ProcessState.InstanceView view = state.instance(INSTANCE);

    assertThat(view.status()).isEqualTo(ProcessState.InstanceStatus.ACTIVE);
    assertThat(view.activeElements()).extracting(ProcessState.ActiveElement::elementId)
        .containsExactly("UserTask_PickOrder", "ServiceTask_ReserveStock");
    assertThat(view.activeElements().getFirst().name()).isEqualTo("Pick order");
    assertThat(view.incidents()).singleElement().satisfies(i -> {
      assertThat(i.elementId()).isEqualTo("ServiceTask_ReserveStock");
      assertThat(i.errorType()).isEqualTo("JOB_NO_RETRIES");
      assertThat(i.message()).isEqualTo("Stock service timed out");
    });
    JsonNode elementFilter = json.readTree(cluster.requests("POST", "/v2/element-instances/search").getFirst().body());
    assertThat(eq(elementFilter.at("/filter/processInstanceKey")).asText()).isEqualTo(String.valueOf(INSTANCE));
    assertThat(eq(elementFilter.at("/filter/state")).asText()).isEqualTo("ACTIVE");
    JsonNode incidentFilter = json.readTree(cluster.requests("POST", "/v2/incidents/search").getFirst().body());
    assertThat(eq(incidentFilter.at("/filter/processInstanceKey")).asText()).isEqualTo(String.valueOf(INSTANCE));
    assertThat(eq(incidentFilter.at("/filter/state")).asText()).isEqualTo("ACTIVE");

    // an instance the search API does not show yet is unknown, not an error
    assertThat(state.instance(7L).status()).isEqualTo(ProcessState.InstanceStatus.UNKNOWN);
  }

  @Test
  @DisplayName("Ops: process versions with counts, element statistics, open incidents with order id, and a retry")
  void operations() throws Exception {
    cluster.answer("POST", "/v2/process-definitions/search", 200, fixture("process-definitions-search.json"))
        .answer("POST", "/v2/process-instances/search", 200, fixture("process-instances-search-count.json"))
        .answer("POST", "/v2/incidents/search", 200, fixture("incidents-search.json"))
        .answer("GET", "/v2/process-definitions/" + DEFINITION + "/xml", 200, fixture("process-definition.bpmn"))
        .answer("POST", "/v2/process-definitions/" + DEFINITION + "/statistics/element-instances", 200,
            fixture("element-statistics.json"))
        .answer("POST", "/v2/variables/search", 200, fixture("variables-search-order-id.json"))
        .answer("GET", "/v2/incidents/" + INCIDENT, 200, fixture("incident.json"))
        .answer("PATCH", "/v2/jobs/" + JOB, 204, null)
        .answer("POST", "/v2/incidents/" + INCIDENT + "/resolution", 204, null);

    List<ProcessOperations.ProcessVersion> versions = ops.processes();
    assertThat(versions).extracting(ProcessOperations.ProcessVersion::version).containsExactly(1, 2);
    assertThat(versions.get(1).latest()).isTrue();
    assertThat(versions.get(0).latest()).isFalse();
    assertThat(versions.get(1).activeInstances()).isEqualTo(3);
    assertThat(versions.get(1).incidents()).isEqualTo(1);
    JsonNode count = json.readTree(cluster.requests("POST", "/v2/process-instances/search").getLast().body());
    assertThat(eq(count.at("/filter/processDefinitionKey")).asText()).isEqualTo(String.valueOf(DEFINITION));
    assertThat(eq(count.at("/filter/state")).asText()).isEqualTo("ACTIVE");

    List<ProcessOperations.ElementStatistics> statistics = ops.statistics(DEFINITION);
    assertThat(statistics).extracting(ProcessOperations.ElementStatistics::elementId)
        .containsExactly("UserTask_PickOrder", "ServiceTask_ReserveStock");
    assertThat(statistics.get(1).active()).isEqualTo(1);
    assertThat(statistics.get(1).incidents()).isEqualTo(1);
    String statisticsQuery = cluster.requests("POST", "/v2/process-definitions/\\d+/statistics/element-instances")
        .getFirst().body();
    assertThat(eq(json.readTree(statisticsQuery).at("/filter/state")).asText()).as(statisticsQuery).isEqualTo("ACTIVE");
    assertThatThrownBy(() -> ops.statistics(99L)).isInstanceOf(NotFoundException.class);

    List<ProcessOperations.Incident> incidents = ops.incidents(10);
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.incidentKey()).isEqualTo(INCIDENT);
      assertThat(i.elementName()).isEqualTo("Reserve stock");
      assertThat(i.jobKey()).isEqualTo(JOB);
      assertThat(i.orderId()).isEqualTo("ord-1001");
    });

    ProcessOperations.Retry retry = ops.retry(INCIDENT, 3);
    assertThat(retry.jobKey()).isEqualTo(JOB);
    JsonNode update = json.readTree(cluster.requests("PATCH", "/v2/jobs/" + JOB).getFirst().body());
    assertThat(update.at("/changeset/retries").asInt()).isEqualTo(3);
    assertThat(cluster.requests("POST", "/v2/incidents/" + INCIDENT + "/resolution")).hasSize(1);

    cluster.answer("GET", "/v2/incidents/" + INCIDENT, 200, fixture("incident-resolved.json"));
    assertThatThrownBy(() -> ops.retry(INCIDENT, 3)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ops.retry(5L, 3)).isInstanceOf(NotFoundException.class);
  }

  /** A filter property's value: plain, or the advanced form {"$eq": value} the client sends. */
  private static JsonNode eq(JsonNode property) {
    return property.has("$eq") ? property.get("$eq") : property;
  }

  /** The app's own ProblemDetail mapping (package-private in shared.web). */
  private static Object apiExceptionHandler() throws Exception {
    var constructor = Class.forName("io.orderflow.fulfillment.shared.web.ApiExceptionHandler").getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  @RestController
  static class CompleteController {
    private final CamundaClusterStaffTasks tasks;

    CompleteController(CamundaClusterStaffTasks tasks) {
      this.tasks = tasks;
    }

    @PostMapping("/complete/{key}")
    StaffTask complete(@PathVariable long key) {
      return tasks.complete(key, "wanda", Map.of("picked", true));
    }
  }
}
