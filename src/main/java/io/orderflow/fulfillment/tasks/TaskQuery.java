package io.orderflow.fulfillment.tasks;

/**
 * Filters for a task search; null means "any". A task matches a candidate group if the group is one of its candidate
 * groups, and an assignee if it is assigned to that user.
 */
public record TaskQuery(StaffTask.State state, String candidateGroup, String assignee, Long processInstanceKey,
    String businessKey, int limit) {

  public static TaskQuery open() {
    return new TaskQuery(StaffTask.State.CREATED, null, null, null, null, 200);
  }
}
