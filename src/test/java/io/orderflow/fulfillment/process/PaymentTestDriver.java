package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.orderflow.fulfillment.engine.EmbeddedModelAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Plays the workers and the outside world (customers, bank, courier, finance staff) against the in-memory engine for
 * the payment process tests: deploys the models as the embedded runtime does, activates and completes jobs, publishes
 * messages and moves the engine's clock.
 */
final class PaymentTestDriver {

  static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String FORM_KEY = "io.camunda.zeebe:formKey";

  private final ZeebeTestEngine engine;
  private final ZeebeClient client;
  private Duration timePassed = Duration.ZERO;
  private final Map<String, String> formKeys = new java.util.HashMap<>();

  PaymentTestDriver(ZeebeTestEngine engine, ZeebeClient client) {
    this.engine = engine;
    this.client = client;
  }

  /** Both payment models (adapted like the embedded runtime deploys them), the credit check and the forms. */
  void deployPaymentModels() throws Exception {
    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceBytes(adapted("processes/payment.bpmn"), "payment.bpmn")
        .addResourceBytes(adapted("processes/payment-settlement.bpmn"), "payment-settlement.bpmn")
        .addResourceFile("processes/credit-check.dmn")
        .addResourceFile("forms/resolve-payment-difference.form")
        .addResourceFile("forms/review-credit.form")
        .addResourceFile("forms/reconcile-cash.form")
        .addResourceFile("forms/chase-cash-remittance.form")
        .addResourceFile("forms/handle-overdue-invoice.form")
        .send().join();
    deployment.getForm().forEach(f -> formKeys.put(f.getFormId(), Long.toString(f.getFormKey())));
  }

  private static byte[] adapted(String file) throws Exception {
    return EmbeddedModelAdapter.toJobBasedUserTasks(Files.readAllBytes(Path.of(file)));
  }

  /**
   * The process instance of {@code bpmnProcessId} that {@code parent} called last. (Zeebe Process Test's own
   * extractingLatestCalledProcess() answers with the key of the callee's latest record, which is not always the
   * instance's key, so waiting-state assertions on it see nothing.)
   */
  static ProcessInstanceAssert calledProcess(ProcessInstanceEvent parent, String bpmnProcessId) {
    long key = new ProcessInstanceRecordStreamFilter(BpmnAssert.getRecordStream().processInstanceRecords())
        .withParentProcessInstanceKey(parent.getProcessInstanceKey()).withBpmnProcessId(bpmnProcessId).stream()
        .map(r -> r.getValue().getProcessInstanceKey()).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError(bpmnProcessId + " was not called"));
    return BpmnAssert.assertThat(new InspectedProcessInstance(key));
  }

  ActivatedJob activate(String jobType) throws Exception {
    waitForIdle();
    // The idle state can be reported a moment before a job created by the last command is activatable on a busy
    // machine: look again for a little while before concluding there is none.
    List<ActivatedJob> jobs = List.of();
    for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); jobs.isEmpty()
        && System.nanoTime() < deadline; ) {
      jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).send().join().getJobs();
      if (jobs.isEmpty()) {
        Thread.sleep(50);
      }
    }
    assertThat(jobs).as("an activatable job of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  void assertNoJob(String jobType) throws Exception {
    waitForIdle();
    assertThat(client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1).send().join().getJobs())
        .as("no activatable job of type %s", jobType).isEmpty();
  }

  ActivatedJob complete(String jobType, Map<String, Object> variables) throws Exception {
    ActivatedJob job = activate(jobType);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    return job;
  }

  /** Completes the next notification task and returns it (its headers say who is told what). */
  ActivatedJob completeNotification(String jobType, String expectedTopic) throws Exception {
    ActivatedJob job = complete(jobType, Map.of());
    assertThat(job.getCustomHeaders()).as("headers of %s", job.getElementId())
        .containsEntry(PaymentProcess.Headers.TOPIC, expectedTopic);
    return job;
  }

  /** Completes the next finance task with what the form asks for, after checking it is finance's and its form. */
  ActivatedJob completeFinanceTask(String elementId, String formId, Map<String, Object> formValues) throws Exception {
    return completeStaffTask(elementId, formId, "finance", formValues);
  }

  /**
   * Completes the next staff task with what its form asks for, after checking that it is the expected element, offered
   * to the candidate group and linked to the form.
   */
  ActivatedJob completeStaffTask(String elementId, String formId, String candidateGroup, Map<String, Object> formValues)
      throws Exception {
    ActivatedJob task = activate(USER_TASK_JOB);
    assertThat(task.getElementId()).isEqualTo(elementId);
    assertThat(task.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"" + candidateGroup + "\"]");
    assertThat(task.getCustomHeaders()).as("linked form of %s", elementId).containsEntry(FORM_KEY, formKeys.get(formId));
    client.newCompleteCommand(task.getKey()).variables(formValues).send().join();
    return task;
  }

  /**
   * Deploys one model as the embedded runtime does (Camunda user tasks adapted to job-based ones) with its decisions
   * and forms (paths under the project), and remembers the forms' keys for {@link #completeStaffTask}.
   */
  void deploy(String bpmnFile, String... decisionsAndForms) throws Exception {
    var command = client.newDeployResourceCommand()
        .addResourceBytes(adapted(bpmnFile), Path.of(bpmnFile).getFileName().toString());
    for (String resource : decisionsAndForms) {
      command = command.addResourceFile(resource);
    }
    DeploymentEvent deployment = command.send().join();
    deployment.getForm().forEach(f -> formKeys.put(f.getFormId(), Long.toString(f.getFormKey())));
  }

  /** What the worker does with a business outcome the model handles: raise the BPMN error with its variables. */
  ActivatedJob throwError(String jobType, String errorCode, Map<String, Object> variables) throws Exception {
    ActivatedJob job = activate(jobType);
    client.newThrowErrorCommand(job.getKey()).errorCode(errorCode).errorMessage(errorCode).variables(variables)
        .send().join();
    return job;
  }

  void publish(String message, String correlationKey, Map<String, Object> variables) throws Exception {
    client.newPublishMessageCommand().messageName(message).correlationKey(correlationKey)
        .timeToLive(Duration.ofMinutes(1)).variables(variables).send().join();
    waitForIdle();
  }

  /** Moves the engine's clock and lets the timers that became due fire. */
  void passTime(Duration duration) throws Exception {
    waitForIdle();
    engine.increaseTime(duration);
    timePassed = timePassed.plus(duration);
    waitForIdle();
  }

  /** The engine's clock (to the second): the wall clock plus the time the test moved it forward. */
  java.time.Instant now() {
    return java.time.Instant.now().plus(timePassed);
  }

  void waitForIdle() throws InterruptedException, TimeoutException {
    // Returns as soon as the engine is idle; the limit only matters on a cold, busy CI machine.
    engine.waitForIdleState(Duration.ofSeconds(30));
  }
}
