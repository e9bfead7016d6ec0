package io.orderflow.fulfillment.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shared.web.EngineUnavailableException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.StaffTaskPort;
import io.orderflow.fulfillment.tasks.TaskQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff-task port on the embedded runtime: job-based user tasks, taken from the engine by
 * {@link EmbeddedUserTaskWorker} and kept in the app's {@code staff_task} table until a person completes them.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
class EmbeddedStaffTasks implements StaffTaskPort {

  static final String JOB_TYPE = "io.camunda.zeebe:userTask";
  static final String HEADER_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String HEADER_CANDIDATE_USERS = "io.camunda.zeebe:candidateUsers";
  static final String HEADER_ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String HEADER_DUE_DATE = "io.camunda.zeebe:dueDate";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStaffTasks.class);
  private static final List<StaffTaskRecord.State> ALL = List.of(StaffTaskRecord.State.values());

  private final StaffTaskRecordRepository tasks;
  private final ProcessModels models;
  private final CamundaClient client;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final Clock clock;

  EmbeddedStaffTasks(StaffTaskRecordRepository tasks, ProcessModels models, CamundaClient client, ObjectMapper json,
      PlatformTransactionManager txManager, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.client = client;
    this.json = json;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** Stores the task the engine handed out; a job delivered again is recognised by its key. */
  void taskCreated(ActivatedJob job, String formId) {
    if (tasks.existsById(job.getKey())) {
      return;
    }
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> variables = job.getVariablesAsMap();
    Object businessKey = variables.get("orderId");
    StaffTaskRecord task = new StaffTaskRecord(job.getKey(), job.getProcessInstanceKey(), job.getElementInstanceKey(),
        job.getBpmnProcessId(), job.getProcessDefinitionVersion(), job.getElementId(),
        models.elementName(job.getBpmnProcessId(), job.getElementId()), formId,
        list(headers.get(HEADER_CANDIDATE_GROUPS)), list(headers.get(HEADER_CANDIDATE_USERS)),
        blankToNull(headers.get(HEADER_ASSIGNEE)), instant(headers.get(HEADER_DUE_DATE)),
        businessKey == null ? null : businessKey.toString(), toJson(variables), clock.instant());
    try {
      tx.executeWithoutResult(s -> tasks.saveAndFlush(task));
      log.info("Staff task {} '{}' created for process instance {} (candidate groups {})", job.getKey(),
          job.getElementId(), job.getProcessInstanceKey(), headers.get(HEADER_CANDIDATE_GROUPS));
    } catch (DataIntegrityViolationException alreadyStored) {
      log.debug("Staff task {} was stored by a concurrent delivery", job.getKey());
    }
  }

  /** The engine cancelled the job (the process moved on or was cancelled): the task disappears from inboxes. */
  void taskCanceled(long key) {
    tx.executeWithoutResult(s -> {
      if (tasks.transition(key, StaffTaskRecord.State.CREATED, StaffTaskRecord.State.CANCELED, clock.instant(), null) == 1) {
        log.info("Staff task {} cancelled by the process", key);
      }
    });
  }

  @Override
  public List<StaffTask> search(TaskQuery q) {
    List<StaffTaskRecord.State> states = q.state() == null ? ALL : switch (q.state()) {
      case CREATED -> List.of(StaffTaskRecord.State.CREATED, StaffTaskRecord.State.COMPLETING);
      case COMPLETED -> List.of(StaffTaskRecord.State.COMPLETED);
      case CANCELED -> List.of(StaffTaskRecord.State.CANCELED);
    };
    return tx.execute(s -> tasks.search(q.state() == null, states,
        StaffTaskRecordRepository.likeLiteral(q.candidateGroup()), q.assignee(),
        q.processInstanceKey(), q.businessKey(), q.dueBefore(), Limit.of(Math.max(1, Math.min(q.limit(), 1000))))
        .stream().map(StaffTaskRecord::toTask).toList());
  }

  @Override
  public Optional<StaffTask> find(long taskKey) {
    return tx.execute(s -> tasks.findById(taskKey).map(StaffTaskRecord::toTask));
  }

  @Override
  public Optional<String> form(long taskKey) {
    return models.form(load(taskKey).formId());
  }

  @Override
  public Map<String, Object> variables(long taskKey) {
    String stored = load(taskKey).variables();
    try {
      return stored == null ? Map.of() : json.readValue(stored, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored variables of task " + taskKey + " are not JSON", e);
    }
  }

  @Override
  public StaffTask assign(long taskKey, String assignee) {
    return tx.execute(s -> {
      if (tasks.assignIfOpen(taskKey, assignee) != 1) {
        StaffTask now = tasks.findById(taskKey).map(StaffTaskRecord::toTask)
            .orElseThrow(() -> new NotFoundException("Task", taskKey));
        throw new ConflictException(now.open()
            ? "Task " + taskKey + " is already claimed by " + now.assignee()
            : "Task " + taskKey + " is " + now.state() + " and cannot be claimed");
      }
      return tasks.findById(taskKey).orElseThrow().toTask();
    });
  }

  @Override
  public StaffTask unassign(long taskKey) {
    return tx.execute(s -> {
      if (tasks.unassignIfOpen(taskKey) != 1) {
        throw new ConflictException("Task " + taskKey + " is closed");
      }
      return tasks.findById(taskKey).orElseThrow().toTask();
    });
  }

  @Override
  public StaffTask complete(long taskKey, String completedBy, Map<String, Object> variables) {
    // 1. Exactly one completion wins the task (committed before the engine is called).
    Integer won = retryingDeadlocks(() -> tx.execute(s -> tasks.transition(taskKey, StaffTaskRecord.State.CREATED,
        StaffTaskRecord.State.COMPLETING, null, completedBy)));
    if (won == null || won != 1) {
      throw new ConflictException("Task " + taskKey + " is already completed or being completed");
    }
    // 2. Hand the result to the engine; 3. record the outcome.
    try {
      client.newCompleteCommand(taskKey).variables(variables).send().join(10, TimeUnit.SECONDS);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        tx.executeWithoutResult(s -> tasks.transition(taskKey, StaffTaskRecord.State.COMPLETING,
            StaffTaskRecord.State.CANCELED, clock.instant(), null));
        throw new ConflictException("Task " + taskKey + " no longer exists in its process (it moved on or was cancelled)");
      }
      reopen(taskKey);
      throw new EngineUnavailableException("The engine did not accept the completion of task " + taskKey, e);
    } catch (RuntimeException e) {
      reopen(taskKey);
      throw new EngineUnavailableException("The engine did not accept the completion of task " + taskKey, e);
    }
    return tx.execute(s -> {
      tasks.transition(taskKey, StaffTaskRecord.State.COMPLETING, StaffTaskRecord.State.COMPLETED, clock.instant(),
          completedBy);
      return tasks.findById(taskKey).orElseThrow().toTask();
    });
  }

  /**
   * Runs a conditional state change in its own transaction again when the database chose it as a deadlock victim
   * (MariaDB may, when several callers race for one task row and its state index): the retry then sees the winner's
   * state and loses cleanly, so a race ends in one winner and conflicts, never in an error.
   */
  static <T> T retryingDeadlocks(java.util.function.Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
        if (attempt == 5) {
          throw deadlock;
        }
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw deadlock;
        }
      }
    }
  }

  private void reopen(long taskKey) {
    tx.executeWithoutResult(s -> tasks.transition(taskKey, StaffTaskRecord.State.COMPLETING,
        StaffTaskRecord.State.CREATED, null, null));
  }

  private StaffTaskRecord load(long taskKey) {
    return tx.execute(s -> tasks.findById(taskKey)).orElseThrow(() -> new NotFoundException("Task", taskKey));
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Headers carry lists as JSON arrays (["a","b"]) or, from older models, comma-separated text. */
  private List<String> list(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      if (header.trim().startsWith("[")) {
        return json.readValue(header, new TypeReference<List<String>>() {});
      }
    } catch (JsonProcessingException e) {
      log.warn("Unreadable candidate list header '{}'", header);
    }
    return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Instant instant(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(header).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.ZonedDateTime.parse(header).toInstant();
      } catch (DateTimeParseException ignored) {
        log.warn("Unreadable due date header '{}'", header);
        return null;
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
