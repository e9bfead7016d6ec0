package io.orderflow.fulfillment.ops;

import io.orderflow.fulfillment.ops.ProcessOperations.ElementStatistics;
import io.orderflow.fulfillment.ops.ProcessOperations.Incident;
import io.orderflow.fulfillment.ops.ProcessOperations.ProcessVersion;
import io.orderflow.fulfillment.ops.ProcessOperations.Retry;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the ops page shows and does: the process versions that matter (the latest of each process and any older one
 * that still has running instances), each one's BPMN and counts per element, stuck work (open incidents, overdue
 * staff tasks), and retrying an incident.
 */
@Service
public class Operations {

  private static final Logger log = LoggerFactory.getLogger(Operations.class);

  /** The retries a job gets when ops retries its incident. */
  public static final int RETRIES = 3;

  /** The most incidents and the most overdue tasks the stuck list shows (each). */
  public static final int MAX_STUCK = 200;

  /** An open staff task whose due date has passed. */
  public record OverdueTask(long taskKey, String name, String elementId, String bpmnProcessId,
      long processInstanceKey, List<String> candidateGroups, String assignee, Instant dueDate, String businessKey) {

    static OverdueTask of(StaffTask t) {
      return new OverdueTask(t.key(), t.name(), t.elementId(), t.bpmnProcessId(), t.processInstanceKey(),
          t.candidateGroups() == null ? List.of() : t.candidateGroups(), t.assignee(), t.dueDate(), t.businessKey());
    }
  }

  /** Work that waits for someone: open incidents (oldest first) and overdue staff tasks (longest overdue first). */
  public record StuckWork(List<Incident> incidents, List<OverdueTask> overdueTasks) {}

  private final ProcessOperations engine;
  private final TaskService tasks;
  private final Clock clock;

  Operations(ProcessOperations engine, TaskService tasks, Clock clock) {
    this.engine = engine;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The latest version of every process and each older one with running instances, by process id then version. */
  public List<ProcessVersion> processes() {
    return engine.processes().stream().filter(p -> p.latest() || p.activeInstances() > 0)
        .sorted(Comparator.comparing(ProcessVersion::bpmnProcessId).thenComparingInt(ProcessVersion::version))
        .toList();
  }

  /** @throws NotFoundException for a version the engine does not hold */
  public String xml(long processDefinitionKey) {
    return engine.xml(processDefinitionKey)
        .orElseThrow(() -> new NotFoundException("Process definition", processDefinitionKey));
  }

  /** The elements of the version with a figure, by element id. */
  public List<ElementStatistics> statistics(long processDefinitionKey) {
    return engine.statistics(processDefinitionKey).stream().filter(s -> s.active() > 0 || s.incidents() > 0)
        .sorted(Comparator.comparing(ElementStatistics::elementId)).toList();
  }

  public StuckWork stuck() {
    return new StuckWork(engine.incidents(MAX_STUCK),
        tasks.overdue(clock.instant(), MAX_STUCK).stream().map(OverdueTask::of).toList());
  }

  /** New retries for the incident's job (when it is a job's), then the incident resolved. */
  public Retry retry(long incidentKey, String by) {
    Retry retry = engine.retry(incidentKey, RETRIES);
    log.info("Incident {} retried by {} (job {}, {} retries)", incidentKey, by, retry.jobKey(), retry.retries());
    return retry;
  }
}
