package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
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
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Ops on a Camunda 8.8 cluster, through the orchestration cluster's API (the data Operate shows; its secondary storage
 * lags the engine by a moment): process definitions and their XML, element statistics, incident search, and a retry
 * as update-job-retries plus resolve-incident.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "camunda")
class CamundaClusterProcessOperations implements ProcessOperations {

  private static final long TIMEOUT_SECONDS = 10;
  /** The most process definitions read for the list (every version of every process). */
  private static final int MAX_DEFINITIONS = 1000;

  private final CamundaClient client;
  private final ProcessModels models;
  /** Names per process version: a deployed version never changes. */
  private final Map<Long, DeployedModelNames> names = new ConcurrentHashMap<>();

  CamundaClusterProcessOperations(CamundaClient client, ProcessModels models) {
    this.client = client;
    this.models = models;
  }

  @Override
  public List<ProcessVersion> processes() {
    List<ProcessDefinition> definitions = call(() -> client.newProcessDefinitionSearchRequest()
        .page(p -> p.limit(MAX_DEFINITIONS)).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items());
    Map<String, Integer> latest = new HashMap<>();
    definitions.forEach(d -> latest.merge(d.getProcessDefinitionId(), d.getVersion(), Math::max));
    return definitions.stream().map(d -> {
      long key = d.getProcessDefinitionKey();
      long running = call(() -> total(client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionKey(key).state(ProcessInstanceState.ACTIVE)).page(p -> p.limit(1))
          .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).page().totalItems()));
      long incidents = call(() -> total(client.newIncidentSearchRequest()
          .filter(f -> f.processDefinitionKey(key).state(IncidentState.ACTIVE)).page(p -> p.limit(1))
          .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).page().totalItems()));
      String name = d.getName() == null || d.getName().isBlank() ? d.getProcessDefinitionId() : d.getName();
      return new ProcessVersion(d.getProcessDefinitionId(), name, d.getVersion(), key, d.getResourceName(), running,
          incidents, d.getVersion() == latest.get(d.getProcessDefinitionId()));
    }).toList();
  }

  @Override
  public Optional<String> xml(long processDefinitionKey) {
    try {
      return Optional.ofNullable(client.newProcessDefinitionGetXmlRequest(processDefinitionKey).send()
          .join(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw unavailable(e);
    } catch (ClientException e) {
      throw unavailable(e);
    }
  }

  /** Camunda counts an element instance at an incident under incidents only; here it is active there too. */
  @Override
  public List<ElementStatistics> statistics(long processDefinitionKey) {
    if (xml(processDefinitionKey).isEmpty()) {
      throw new NotFoundException("Process definition", processDefinitionKey);
    }
    List<ProcessElementStatistics> elements = call(() -> client
        .newProcessDefinitionElementStatisticsRequest(processDefinitionKey)
        .filter(f -> f.state(ProcessInstanceState.ACTIVE))
        .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    return elements.stream().map(s -> new ElementStatistics(s.getElementId(),
        total(s.getActive()) + total(s.getIncidents()), total(s.getIncidents()))).toList();
  }

  @Override
  public List<Incident> incidents(int limit) {
    List<io.camunda.client.api.search.response.Incident> open = call(() -> client.newIncidentSearchRequest()
        .filter(f -> f.state(IncidentState.ACTIVE)).sort(s -> s.creationTime().asc())
        .page(p -> p.limit(Math.max(1, limit))).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items());
    Map<Long, Optional<String>> orderIds = new HashMap<>();
    return open.stream().limit(Math.max(limit, 0)).map(i -> {
      long definition = i.getProcessDefinitionKey() == null ? 0 : i.getProcessDefinitionKey();
      String name = names(definition, i.getProcessDefinitionId()).elementNames().get(i.getElementId());
      Long jobKey = i.getJobKey() != null && i.getJobKey() > 0 ? i.getJobKey() : null;
      String orderId = orderIds.computeIfAbsent(i.getProcessInstanceKey(), this::orderId).orElse(null);
      return new Incident(i.getIncidentKey(), i.getProcessInstanceKey(), definition, i.getProcessDefinitionId(),
          i.getElementId(), name != null ? name : models.elementName(i.getProcessDefinitionId(), i.getElementId()),
          String.valueOf(i.getErrorType()), i.getErrorMessage(), jobKey, jobKey != null,
          i.getCreationTime() == null ? null : i.getCreationTime().toInstant(), orderId);
    }).toList();
  }

  @Override
  public Retry retry(long incidentKey, int retries) {
    io.camunda.client.api.search.response.Incident incident;
    try {
      incident = client.newIncidentGetRequest(incidentKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new NotFoundException("Incident", incidentKey);
      }
      throw unavailable(e);
    } catch (ClientException e) {
      throw unavailable(e);
    }
    if (incident.getState() != IncidentState.ACTIVE) {
      throw new ConflictException("Incident " + incidentKey + " is " + incident.getState() + ", not active");
    }
    Long jobKey = incident.getJobKey() != null && incident.getJobKey() > 0 ? incident.getJobKey() : null;
    try {
      if (jobKey != null) {
        client.newUpdateRetriesCommand(jobKey).retries(retries).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      client.newResolveIncidentCommand(incidentKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new ConflictException("Incident " + incidentKey + " is resolved already");
      }
      throw unavailable(e);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.NOT_FOUND) {
        throw new ConflictException("Incident " + incidentKey + " is resolved already");
      }
      throw unavailable(e);
    } catch (ClientException e) {
      throw unavailable(e);
    }
    return new Retry(incidentKey, true, jobKey, jobKey == null ? null : retries);
  }

  /** The instance's orderId variable (top scope), if it has one and the search can tell. */
  private Optional<String> orderId(Long processInstanceKey) {
    if (processInstanceKey == null) {
      return Optional.empty();
    }
    try {
      return client.newVariableSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey)
              .name(EmbeddedProcessMonitor.BUSINESS_KEY_VARIABLE))
          .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items().stream().findFirst()
          .map(v -> v.getValue() != null && v.getValue().length() >= 2 && v.getValue().startsWith("\"")
              ? v.getValue().substring(1, v.getValue().length() - 1) : v.getValue());
    } catch (ClientException e) {
      return Optional.empty();
    }
  }

  private DeployedModelNames names(long processDefinitionKey, String bpmnProcessId) {
    if (processDefinitionKey <= 0 || bpmnProcessId == null) {
      return DeployedModelNames.NONE;
    }
    return names.computeIfAbsent(processDefinitionKey, key -> xml(key)
        .map(xml -> DeployedModelNames.of(xml.getBytes(StandardCharsets.UTF_8), bpmnProcessId))
        .orElse(DeployedModelNames.NONE));
  }

  private static long total(Long value) {
    return value == null ? 0 : value;
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ClientException e) {
      throw unavailable(e);
    }
  }

  private static EngineUnavailableException unavailable(RuntimeException e) {
    return new EngineUnavailableException("Camunda cluster: " + e.getMessage(), e);
  }
}
