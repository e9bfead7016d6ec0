package io.orderflow.fulfillment.ops.web;

import io.orderflow.fulfillment.ops.Operations;
import io.orderflow.fulfillment.ops.ProcessOperations.ElementStatistics;
import io.orderflow.fulfillment.ops.ProcessOperations.ProcessVersion;
import io.orderflow.fulfillment.ops.ProcessOperations.Retry;
import io.orderflow.fulfillment.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops page's API: the deployed process versions (the page draws each one's BPMN and overlays the counts per
 * element), stuck work, and retrying an incident (the one thing ops changes).
 */
@RestController
@RequestMapping("/api/ops")
class OpsController {

  static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

  private final Operations operations;

  OpsController(Operations operations) {
    this.operations = operations;
  }

  /** The latest version of every process and each older one with running instances, by process id then version. */
  @GetMapping("/processes")
  List<ProcessVersion> processes() {
    return operations.processes();
  }

  /** The BPMN XML of exactly this deployed version (404 for an unknown key). */
  @GetMapping("/processes/{processDefinitionKey}/xml")
  ResponseEntity<String> xml(@PathVariable long processDefinitionKey) {
    return ResponseEntity.ok().contentType(XML).body(operations.xml(processDefinitionKey));
  }

  /** Per element of the version: active element instances and open incidents (only elements with a figure). */
  @GetMapping("/processes/{processDefinitionKey}/statistics")
  List<ElementStatistics> statistics(@PathVariable long processDefinitionKey) {
    return operations.statistics(processDefinitionKey);
  }

  /** Open incidents and overdue staff tasks. */
  @GetMapping("/stuck")
  Operations.StuckWork stuck() {
    return operations.stuck();
  }

  /**
   * Retries an incident: its job gets new retries (when it is a job's) and the incident is resolved, so the engine
   * tries the step again. 202; 404 for an unknown incident, 409 when it is resolved already.
   */
  @PostMapping("/incidents/{incidentKey}/retry")
  ResponseEntity<Retry> retry(@PathVariable long incidentKey) {
    return ResponseEntity.accepted().body(operations.retry(incidentKey, CurrentUser.required().username()));
  }
}
