package io.orderflow.fulfillment.engine;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Takes the job-based user tasks of the embedded runtime into the app's task store. The job stays activated (not
 * completed) until a person completes the task through the task API; its long timeout keeps other workers off it.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedUserTaskWorker {

  /** 30 days: a staff task is not given back to the engine while it waits for a person. */
  static final long TASK_LOCK_MILLIS = 30L * 24 * 60 * 60 * 1000;

  private final EmbeddedStaffTasks tasks;
  private final ProcessModels models;

  EmbeddedUserTaskWorker(EmbeddedStaffTasks tasks, ProcessModels models) {
    this.tasks = tasks;
    this.models = models;
  }

  @JobWorker(type = EmbeddedStaffTasks.JOB_TYPE, autoComplete = false, timeout = TASK_LOCK_MILLIS,
      fetchAllVariables = true)
  public void userTaskCreated(JobClient client, ActivatedJob job) {
    tasks.taskCreated(job, models.formIdOf(job.getBpmnProcessId(), job.getElementId()));
  }
}
