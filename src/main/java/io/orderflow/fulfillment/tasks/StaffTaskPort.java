package io.orderflow.fulfillment.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff work in processes, whichever runtime holds it. The embedded runtime keeps job-based user tasks in the app's
 * own store; a Camunda cluster holds Camunda user tasks behind its REST API (search, assign, form, variables,
 * complete). Business rules (who may see what, required form fields) live in {@link TaskService}, not here.
 */
public interface StaffTaskPort {

  List<StaffTask> search(TaskQuery query);

  Optional<StaffTask> find(long taskKey);

  /** The task's linked form (Camunda form JSON), if it has one. */
  Optional<String> form(long taskKey);

  /** The process variables the task can see. */
  Map<String, Object> variables(long taskKey);

  /**
   * Assigns the task; assigning to the current assignee again is accepted.
   *
   * @throws io.orderflow.fulfillment.shared.ConflictException when it is closed or assigned to someone else
   */
  StaffTask assign(long taskKey, String assignee);

  /** @throws io.orderflow.fulfillment.shared.ConflictException when it is closed */
  StaffTask unassign(long taskKey);

  /**
   * Completes the task with the given variables; exactly one of several concurrent completions wins.
   *
   * @throws io.orderflow.fulfillment.shared.ConflictException when the task is no longer open
   */
  StaffTask complete(long taskKey, String completedBy, Map<String, Object> variables);
}
