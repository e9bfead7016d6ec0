package io.orderflow.fulfillment.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shared.web.EngineUnavailableException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.StaffTaskPort;
import io.orderflow.fulfillment.tasks.TaskQuery;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The staff-task port on a Camunda 8.8 cluster: Camunda user tasks through the orchestration cluster's REST API
 * (the same tasks Tasklist shows). The business key is read from the task's {@code orderId} variable.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "camunda")
class CamundaClusterStaffTasks implements StaffTaskPort {

  private static final long TIMEOUT_SECONDS = 10;

  private final CamundaClient client;
  private final ObjectMapper json;

  CamundaClusterStaffTasks(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public List<StaffTask> search(TaskQuery q) {
    return call(() -> client.newUserTaskSearchRequest()
        .filter(f -> {
          if (q.state() != null) {
            f.state(UserTaskState.valueOf(q.state().name()));
          }
          if (q.candidateGroup() != null) {
            f.candidateGroup(q.candidateGroup());
          }
          if (q.assignee() != null) {
            f.assignee(q.assignee());
          }
          if (q.processInstanceKey() != null) {
            f.processInstanceKey(q.processInstanceKey());
          }
          if (q.businessKey() != null) {
            // The search API matches variable values in their JSON form: a string variable by its quoted text.
            f.processInstanceVariables(Map.of("orderId", toJson(q.businessKey())));
          }
          if (q.dueBefore() != null) {
            f.dueDate(d -> d.lt(q.dueBefore().atOffset(java.time.ZoneOffset.UTC)));
          }
        })
        .page(p -> p.limit(Math.max(1, Math.min(q.limit(), 1000))))
        .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .items().stream().map(t -> toTask(t, q.businessKey())).toList());
  }

  @Override
  public Optional<StaffTask> find(long taskKey) {
    try {
      UserTask task = client.newUserTaskGetRequest(taskKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Object orderId = variables(taskKey).get("orderId");
      return Optional.of(toTask(task, orderId == null ? null : orderId.toString()));
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw unavailable(e);
    }
  }

  @Override
  public Optional<String> form(long taskKey) {
    try {
      Object schema = client.newUserTaskGetFormRequest(taskKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).getSchema();
      return Optional.ofNullable(schema).map(s -> s instanceof String str ? str : toJson(s));
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 204) {
        return Optional.empty();
      }
      throw unavailable(e);
    }
  }

  @Override
  public Map<String, Object> variables(long taskKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable v : call(() -> client.newUserTaskVariableSearchRequest(taskKey).page(p -> p.limit(1000))
        .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items())) {
      values.put(v.getName(), fromJson(v.getValue()));
    }
    return values;
  }

  @Override
  public StaffTask assign(long taskKey, String assignee) {
    command(taskKey, () -> client.newAssignUserTaskCommand(taskKey).assignee(assignee).allowOverride(false)
        .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    return find(taskKey).orElseThrow(() -> new NotFoundException("Task", taskKey));
  }

  @Override
  public StaffTask unassign(long taskKey) {
    command(taskKey, () -> client.newUnassignUserTaskCommand(taskKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    return find(taskKey).orElseThrow(() -> new NotFoundException("Task", taskKey));
  }

  @Override
  public StaffTask complete(long taskKey, String completedBy, Map<String, Object> variables) {
    StaffTask before = find(taskKey).orElseThrow(() -> new NotFoundException("Task", taskKey));
    command(taskKey, () -> client.newCompleteUserTaskCommand(taskKey).variables(variables)
        .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    return new StaffTask(before.key(), before.name(), before.elementId(), before.bpmnProcessId(),
        before.processInstanceKey(), before.formId(), before.candidateGroups(), before.candidateUsers(),
        before.assignee(), StaffTask.State.COMPLETED, before.dueDate(), before.createdAt(),
        java.time.Instant.now(), completedBy, before.businessKey());
  }

  private void command(long taskKey, Runnable command) {
    try {
      command.run();
    } catch (ProblemException e) {
      switch (e.code()) {
        case 404 -> throw new NotFoundException("Task", taskKey);
        case 409 -> throw new ConflictException("Task " + taskKey + ": " + detail(e));
        default -> throw unavailable(e);
      }
    }
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProblemException e) {
      throw unavailable(e);
    }
  }

  private static EngineUnavailableException unavailable(ProblemException e) {
    return new EngineUnavailableException("Camunda REST API answered " + e.code() + ": " + detail(e), e);
  }

  private static String detail(ProblemException e) {
    return e.details() != null && e.details().getDetail() != null ? e.details().getDetail() : e.getMessage();
  }

  private StaffTask toTask(UserTask t, String businessKey) {
    StaffTask.State state = switch (t.getState()) {
      case COMPLETED -> StaffTask.State.COMPLETED;
      case CANCELED, CANCELING, FAILED -> StaffTask.State.CANCELED;
      default -> StaffTask.State.CREATED;
    };
    return new StaffTask(t.getUserTaskKey(), t.getName(), t.getElementId(), t.getBpmnProcessId(),
        t.getProcessInstanceKey(), null, nonNull(t.getCandidateGroups()), nonNull(t.getCandidateUsers()),
        t.getAssignee(), state, instant(t.getDueDate()), instant(t.getCreationDate()), instant(t.getCompletionDate()),
        null, businessKey);
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static java.time.Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private Object fromJson(String value) {
    try {
      return value == null ? null : json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
