package io.orderflow.fulfillment.engine;

import io.orderflow.fulfillment.tasks.StaffTask;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A job-based user task of the embedded runtime, as the app's own task store keeps it. */
@Entity
@Table(name = "staff_task")
class StaffTaskRecord {

  /** COMPLETING: one completion has won and is being handed to the engine. */
  enum State { CREATED, COMPLETING, COMPLETED, CANCELED }

  @Id
  @Column(name = "task_key")
  private long key;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "element_instance_key", nullable = false)
  private long elementInstanceKey;

  @Column(name = "bpmn_process_id", nullable = false)
  private String bpmnProcessId;

  @Column(name = "process_version", nullable = false)
  private int processVersion;

  @Column(name = "element_id", nullable = false)
  private String elementId;

  @Column(nullable = false)
  private String name;

  @Column(name = "form_id")
  private String formId;

  /** Stored as ",a,b," so that a group can be matched with LIKE '%,group,%'. */
  @Column(name = "candidate_groups")
  private String candidateGroups;

  @Column(name = "candidate_users")
  private String candidateUsers;

  private String assignee;

  @Column(name = "due_date")
  private Instant dueDate;

  @Column(name = "business_key")
  private String businessKey;

  private String variables;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  private String completedBy;

  @Version
  private int version;

  protected StaffTaskRecord() {}

  StaffTaskRecord(long key, long processInstanceKey, long elementInstanceKey, String bpmnProcessId, int processVersion,
      String elementId, String name, String formId, List<String> candidateGroups, List<String> candidateUsers,
      String assignee, Instant dueDate, String businessKey, String variablesJson, Instant now) {
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.elementInstanceKey = elementInstanceKey;
    this.bpmnProcessId = bpmnProcessId;
    this.processVersion = processVersion;
    this.elementId = elementId;
    this.name = name;
    this.formId = formId;
    this.candidateGroups = joined(candidateGroups);
    this.candidateUsers = joined(candidateUsers);
    this.assignee = assignee;
    this.dueDate = dueDate;
    this.businessKey = businessKey;
    this.variables = variablesJson;
    this.state = State.CREATED;
    this.createdAt = now;
  }

  StaffTask toTask() {
    StaffTask.State view = switch (state) {
      case CREATED, COMPLETING -> StaffTask.State.CREATED;
      case COMPLETED -> StaffTask.State.COMPLETED;
      case CANCELED -> StaffTask.State.CANCELED;
    };
    return new StaffTask(key, name, elementId, bpmnProcessId, processInstanceKey, formId, split(candidateGroups),
        split(candidateUsers), assignee, view, dueDate, createdAt, completedAt, completedBy, businessKey);
  }

  static String joined(List<String> values) {
    return values == null || values.isEmpty() ? null : "," + String.join(",", values) + ",";
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).toList();
  }

  long key() { return key; }
  String formId() { return formId; }
  String variables() { return variables; }
  State state() { return state; }
}
