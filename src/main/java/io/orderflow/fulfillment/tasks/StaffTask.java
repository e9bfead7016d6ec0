package io.orderflow.fulfillment.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A piece of staff work waiting in a process. The key is the engine's: the job key of a job-based user task on the
 * embedded runtime, the user task key on a Camunda cluster.
 */
public record StaffTask(long key, String name, String elementId, String bpmnProcessId, long processInstanceKey,
    String formId, List<String> candidateGroups, List<String> candidateUsers, String assignee, State state,
    Instant dueDate, Instant createdAt, Instant completedAt, String completedBy, String businessKey) {

  public enum State { CREATED, COMPLETED, CANCELED }

  public boolean open() {
    return state == State.CREATED;
  }
}
