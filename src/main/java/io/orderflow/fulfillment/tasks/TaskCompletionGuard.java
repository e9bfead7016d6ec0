package io.orderflow.fulfillment.tasks;

import java.util.Map;

/**
 * A feature's say about completing a staff task: {@link TaskService} asks every guard that {@link #guards guards} the
 * task before the runtime completes it (after the form's fields were checked), and tells it once the task is
 * completed. A feature module implements it as a bean, so the tasks module needs no dependency on the feature (e.g.
 * picking refuses to complete a pick task before every unit was scanned).
 */
public interface TaskCompletionGuard {

  /** Whether this guard has a say about the task (usually by its BPMN element id). */
  boolean guards(StaffTask task);

  /**
   * Refuses the completion by throwing, e.g. a {@link io.orderflow.fulfillment.shared.ConflictException} that names
   * what is missing.
   *
   * @param variables the process variables the task sees
   */
  default void checkCompletion(StaffTask task, Map<String, Object> variables) {}

  /**
   * As {@link #checkCompletion(StaffTask, Map)}, also given the values the completion submits (the form's fields): a
   * guard that checks what staff entered overrides this one.
   *
   * @param submitted the variables the completion sets
   */
  default void checkCompletion(StaffTask task, Map<String, Object> variables, Map<String, Object> submitted) {
    checkCompletion(task, variables);
  }

  /** The runtime completed the task; must be safe to call again for the same task. */
  default void completed(StaffTask task, Map<String, Object> variables) {}
}
