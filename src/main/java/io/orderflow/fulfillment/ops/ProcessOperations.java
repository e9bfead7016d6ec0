package io.orderflow.fulfillment.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine as ops sees it, whichever runtime holds it: the deployed process versions, each version's BPMN and
 * counts per element, the open incidents, and retrying one. The embedded runtime reads its own record stream; a
 * Camunda cluster answers through the orchestration cluster's API (the data Operate shows).
 */
public interface ProcessOperations {

  /**
   * A deployed process version.
   *
   * @param name the process's name in that version's model (its id when it has none)
   * @param activeInstances its running instances
   * @param incidents the open incidents in its running instances (one in a process they called counts in that
   *     process's version)
   * @param latest whether new instances start on this version (the highest of the process)
   */
  record ProcessVersion(String bpmnProcessId, String name, int version, long processDefinitionKey,
      String resourceName, long activeInstances, long incidents, boolean latest) {}

  /**
   * One element of a process version with a figure.
   *
   * @param active element instances active there in running instances of the version, those stuck at an incident
   *     included (a called process's steps count in its own version)
   * @param incidents open incidents at the element
   */
  record ElementStatistics(String elementId, long active, long incidents) {}

  /**
   * An open incident.
   *
   * @param jobKey the failed job (null when the incident is not a job's, e.g. an expression that failed)
   * @param retriable true for a job's incident: a retry gives the job new retries and resolves the incident; any
   *     other incident is resolved by a retry too, but recurs unless its cause (data, model) was fixed
   * @param createdAt when the engine created it
   * @param orderId the instance's {@code orderId} (its business key), or that of the instance that called it; null
   *     when it has none
   */
  record Incident(long incidentKey, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
      String elementId, String elementName, String errorType, String errorMessage, Long jobKey, boolean retriable,
      Instant createdAt, String orderId) {}

  /**
   * What a retry did.
   *
   * @param jobKey the job that got new retries (null when the incident was not a job's)
   * @param retries the retries it got (null likewise)
   */
  record Retry(long incidentKey, boolean resolved, Long jobKey, Integer retries) {}

  /** Every deployed process version, in any order (the caller filters and sorts). */
  List<ProcessVersion> processes();

  /** The BPMN XML of exactly this deployed version; empty for an unknown key. */
  Optional<String> xml(long processDefinitionKey);

  /**
   * The elements of this version with active element instances or open incidents, in any order.
   *
   * @throws io.orderflow.fulfillment.shared.NotFoundException for an unknown key
   */
  List<ElementStatistics> statistics(long processDefinitionKey);

  /** Open incidents, oldest first, at most {@code limit}. */
  List<Incident> incidents(int limit);

  /**
   * Gives the incident's job {@code retries} new retries (when it is a job's) and resolves the incident, so the
   * engine tries again.
   *
   * @throws io.orderflow.fulfillment.shared.NotFoundException for an unknown incident
   * @throws io.orderflow.fulfillment.shared.ConflictException when it is resolved already
   */
  Retry retry(long incidentKey, int retries);
}
