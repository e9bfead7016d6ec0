package io.orderflow.fulfillment.tasks;

import java.time.Instant;

/**
 * Filters for a task search; null means "any". A task matches a candidate group if the group is one of its candidate
 * groups, and an assignee if it is assigned to that user; {@code dueBefore}: only tasks with a due date before it.
 */
public record TaskQuery(StaffTask.State state, String candidateGroup, String assignee, Long processInstanceKey,
    String businessKey, int limit, Instant dueBefore) {

  /** Any due date. */
  public TaskQuery(StaffTask.State state, String candidateGroup, String assignee, Long processInstanceKey,
      String businessKey, int limit) {
    this(state, candidateGroup, assignee, processInstanceKey, businessKey, limit, null);
  }

  public static TaskQuery open() {
    return new TaskQuery(StaffTask.State.CREATED, null, null, null, null, 200);
  }

  /** Open tasks whose due date is before {@code now}, at most {@code limit}. */
  public static TaskQuery overdue(Instant now, int limit) {
    return new TaskQuery(StaffTask.State.CREATED, null, null, null, null, limit, now);
  }
}
