package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.orderflow.fulfillment.engine.EmbeddedProcessMonitor.IncidentLookup;
import io.orderflow.fulfillment.engine.EmbeddedProcessMonitor.OpenIncident;
import io.orderflow.fulfillment.ops.ProcessOperations;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shared.web.EngineUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Ops on the embedded runtime: versions, BPMN, counts and incidents from the engine's record stream
 * ({@link EmbeddedProcessMonitor}); a retry through the engine's gateway (update the job's retries, resolve the
 * incident), as Operate would do it.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
class EmbeddedProcessOperations implements ProcessOperations {

  private static final long TIMEOUT_SECONDS = 10;

  private final EmbeddedProcessMonitor monitor;
  private final CamundaClient client;
  private final ProcessModels models;
  /** Names per process version: a deployed version never changes. */
  private final Map<Long, DeployedModelNames> names = new ConcurrentHashMap<>();

  EmbeddedProcessOperations(EmbeddedProcessMonitor monitor, CamundaClient client, ProcessModels models) {
    this.monitor = monitor;
    this.client = client;
    this.models = models;
  }

  @Override
  public List<ProcessVersion> processes() {
    List<EmbeddedProcessMonitor.ProcessVersion> versions = monitor.processVersions();
    Map<String, Integer> latest = new HashMap<>();
    versions.forEach(v -> latest.merge(v.bpmnProcessId(), v.version(), Math::max));
    return versions.stream().map(v -> {
      String name = names(v.processDefinitionKey(), v.bpmnProcessId()).processName();
      return new ProcessVersion(v.bpmnProcessId(), name == null ? v.bpmnProcessId() : name, v.version(),
          v.processDefinitionKey(), v.resourceName(), v.activeInstances(), v.incidents(),
          v.version() == latest.get(v.bpmnProcessId()));
    }).toList();
  }

  @Override
  public Optional<String> xml(long processDefinitionKey) {
    return monitor.resource(processDefinitionKey).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public List<ElementStatistics> statistics(long processDefinitionKey) {
    if (monitor.deployed(processDefinitionKey).isEmpty()) {
      throw new NotFoundException("Process definition", processDefinitionKey);
    }
    return monitor.elementCounts(processDefinitionKey).stream()
        .map(c -> new ElementStatistics(c.elementId(), c.active(), c.incidents())).toList();
  }

  @Override
  public List<Incident> incidents(int limit) {
    return monitor.openIncidents().stream().limit(Math.max(limit, 0)).map(this::toIncident).toList();
  }

  private Incident toIncident(OpenIncident i) {
    String name = names(i.processDefinitionKey(), i.bpmnProcessId()).elementNames().get(i.elementId());
    return new Incident(i.incidentKey(), i.processInstanceKey(), i.processDefinitionKey(), i.bpmnProcessId(),
        i.elementId(), name != null ? name : models.elementName(i.bpmnProcessId(), i.elementId()), i.errorType(),
        i.errorMessage(), i.jobKey() > 0 ? i.jobKey() : null, i.jobKey() > 0, i.createdAt(), i.orderId());
  }

  @Override
  public Retry retry(long incidentKey, int retries) {
    IncidentLookup found = monitor.incident(incidentKey);
    if (found instanceof IncidentLookup.Unknown) {
      throw new NotFoundException("Incident", incidentKey);
    }
    if (found instanceof IncidentLookup.Resolved) {
      throw new ConflictException("Incident " + incidentKey + " is resolved already");
    }
    OpenIncident incident = ((IncidentLookup.Open) found).incident();
    try {
      if (incident.jobKey() > 0) {
        client.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send()
            .join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      client.newResolveIncidentCommand(incidentKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.NOT_FOUND) {
        // resolved (or its instance cancelled) between the look-up and the command
        throw new ConflictException("Incident " + incidentKey + " is resolved already");
      }
      throw new EngineUnavailableException("Could not retry incident " + incidentKey + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException("Could not retry incident " + incidentKey + ": " + e.getMessage(), e);
    }
    return new Retry(incidentKey, true, incident.jobKey() > 0 ? incident.jobKey() : null,
        incident.jobKey() > 0 ? retries : null);
  }

  private DeployedModelNames names(long processDefinitionKey, String bpmnProcessId) {
    DeployedModelNames known = names.get(processDefinitionKey);
    if (known != null) {
      return known;
    }
    Optional<byte[]> resource = monitor.resource(processDefinitionKey);
    if (resource.isEmpty()) {
      return DeployedModelNames.NONE;
    }
    DeployedModelNames read = DeployedModelNames.of(resource.get(), bpmnProcessId);
    names.put(processDefinitionKey, read);
    return read;
  }
}
