package io.orderflow.fulfillment.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.orderflow.fulfillment.process.ProcessState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded runtime has no Operate: this reads the engine's own record stream (the same records an exporter would
 * see), keeping a cursor so each record is read once, and keeps a small projection of what is active per process
 * instance and which incidents are open. It also tells the task store when the engine cancels a user-task job.
 * For ops it keeps each process version's BPMN as deployed, per version the active elements and open incidents, and
 * per running instance its {@code orderId} (the business key).
 */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedProcessMonitor implements ProcessState {

  private record Element(String bpmnProcessId, String elementId, String type) {}

  private final ZeebeTestEngine engine;
  private final ProcessModels models;
  private final EmbeddedStaffTasks tasks;

  /** A process version the engine holds, however it was deployed (by the app, the Modeler or another client). */
  public record DeployedProcess(String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  /**
   * A process version with the number of its instances still running and of the open incidents in them.
   *
   * @param incidents open incidents in running instances of this version (not in the instances they called)
   */
  public record ProcessVersion(String bpmnProcessId, int version, long processDefinitionKey, String resourceName,
      int activeInstances, int incidents) {}

  /**
   * An open incident as the engine reported it.
   *
   * @param jobKey the failed job's key, 0 when the incident is not a job's (e.g. an expression that failed)
   * @param createdAt when the engine created it (the engine's clock)
   * @param orderId the instance's {@code orderId} variable, or its calling instance's; null when it has none
   */
  public record OpenIncident(long incidentKey, long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, String elementId, long elementInstanceKey, String errorType, String errorMessage,
      long jobKey, java.time.Instant createdAt, String orderId) {}

  /** What the engine says about an incident key: open (with its details), resolved, or never seen. */
  public sealed interface IncidentLookup {
    record Open(OpenIncident incident) implements IncidentLookup {}

    record Resolved(long incidentKey) implements IncidentLookup {}

    record Unknown(long incidentKey) implements IncidentLookup {}
  }

  /** Active element instances and open incidents at one element of a process version. */
  public record ElementCount(String elementId, int active, int incidents) {}

  private record IncidentEntry(long incidentKey, long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, String elementId, long elementInstanceKey, String errorType, String errorMessage,
      long jobKey, long createdAtMillis) {}

  /** The variable that names the order (or other business object) an instance works for. */
  static final String BUSINESS_KEY_VARIABLE = "orderId";

  private int cursor;
  private final Map<Long, DeployedProcess> deployed = new ConcurrentHashMap<>();
  /** The BPMN resource each process version was deployed with, as the engine holds it. */
  private final Map<Long, byte[]> resources = new ConcurrentHashMap<>();
  private final Map<Long, Long> definitionOfActive = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, Element>> active = new ConcurrentHashMap<>();
  private final Map<Long, InstanceStatus> ended = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, IncidentEntry>> incidents = new ConcurrentHashMap<>();
  /** Incidents resolved (or gone with their instance); their keys only. */
  private final java.util.Set<Long> closedIncidents = ConcurrentHashMap.newKeySet();
  /** Running instances started by a call activity, per calling instance (their steps count as the caller's). */
  private final Map<Long, java.util.Set<Long>> children = new ConcurrentHashMap<>();
  /** The calling instance of each running instance started by a call activity. */
  private final Map<Long, Long> parents = new ConcurrentHashMap<>();
  /** The {@value #BUSINESS_KEY_VARIABLE} variable of running instances that have one at their top scope. */
  private final Map<Long, String> businessKeys = new ConcurrentHashMap<>();

  EmbeddedProcessMonitor(ZeebeTestEngine engine, ProcessModels models, EmbeddedStaffTasks tasks) {
    this.engine = engine;
    this.models = models;
    this.tasks = tasks;
  }

  @Override
  public synchronized InstanceView instance(long processInstanceKey) {
    catchUp();
    InstanceStatus status = ended.get(processInstanceKey);
    Map<Long, Element> elements = active.get(processInstanceKey);
    if (status == null && elements == null) {
      return InstanceView.unknown(processInstanceKey);
    }
    List<ActiveElement> current = new ArrayList<>();
    List<Incident> open = new ArrayList<>();
    collect(processInstanceKey, current, open);
    return new InstanceView(processInstanceKey, status == null ? InstanceStatus.ACTIVE : status, current,
        List.copyOf(open));
  }

  /** The instance's active steps and open incidents, followed by those of the instances it called (e.g. payment). */
  private void collect(long instance, List<ActiveElement> current, List<Incident> open) {
    for (Element e : active.getOrDefault(instance, Map.of()).values()) {
      current.add(new ActiveElement(e.elementId(), models.elementName(e.bpmnProcessId(), e.elementId()), e.type()));
    }
    incidents.getOrDefault(instance, Map.of()).values()
        .forEach(i -> open.add(new Incident(i.elementId(), i.errorType(), i.errorMessage())));
    for (long child : children.getOrDefault(instance, java.util.Set.of())) {
      collect(child, current, open);
    }
  }

  /** Records the engine has written since start; it keeps all of them in memory. */
  public synchronized int recordCount() {
    return cursor;
  }

  /** Every process version deployed, oldest first per process, with its running instances and their incidents. */
  public synchronized List<ProcessVersion> processVersions() {
    catchUp();
    Map<Long, Integer> running = new java.util.HashMap<>();
    definitionOfActive.values().forEach(key -> running.merge(key, 1, Integer::sum));
    Map<Long, Integer> open = new java.util.HashMap<>();
    incidents.values().forEach(m -> m.values().forEach(i -> open.merge(i.processDefinitionKey(), 1, Integer::sum)));
    return deployed.values().stream()
        .sorted(java.util.Comparator.comparing(DeployedProcess::bpmnProcessId).thenComparing(DeployedProcess::version))
        .map(d -> new ProcessVersion(d.bpmnProcessId(), d.version(), d.processDefinitionKey(), d.resourceName(),
            running.getOrDefault(d.processDefinitionKey(), 0), open.getOrDefault(d.processDefinitionKey(), 0)))
        .toList();
  }

  /** The process version with this key, if the engine holds it. */
  public synchronized java.util.Optional<DeployedProcess> deployed(long processDefinitionKey) {
    catchUp();
    return java.util.Optional.ofNullable(deployed.get(processDefinitionKey));
  }

  /** The BPMN resource (XML) the engine holds for this process version, exactly as deployed. */
  public synchronized java.util.Optional<byte[]> resource(long processDefinitionKey) {
    catchUp();
    return java.util.Optional.ofNullable(resources.get(processDefinitionKey)).map(byte[]::clone);
  }

  /**
   * Per element of the process version: its active element instances in running instances of that version (a
   * multi-instance activity counts its inner instances, not its body) and the open incidents there. Only elements
   * with a figure; the steps of a called process count in the called process's own version.
   */
  public synchronized List<ElementCount> elementCounts(long processDefinitionKey) {
    catchUp();
    Map<String, int[]> counts = new java.util.TreeMap<>();
    definitionOfActive.forEach((instance, definition) -> {
      if (definition == processDefinitionKey) {
        for (Element e : active.getOrDefault(instance, Map.of()).values()) {
          if (!MULTI_INSTANCE_BODY.equals(e.type())) {
            counts.computeIfAbsent(e.elementId(), k -> new int[2])[0]++;
          }
        }
      }
    });
    incidents.values().forEach(m -> m.values().stream()
        .filter(i -> i.processDefinitionKey() == processDefinitionKey)
        .forEach(i -> counts.computeIfAbsent(i.elementId(), k -> new int[2])[1]++));
    return counts.entrySet().stream().map(e -> new ElementCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private static final String MULTI_INSTANCE_BODY = BpmnElementType.MULTI_INSTANCE_BODY.name();

  /** Every open incident, oldest first. */
  public synchronized List<OpenIncident> openIncidents() {
    catchUp();
    return incidents.values().stream().flatMap(m -> m.values().stream())
        .sorted(java.util.Comparator.comparingLong(IncidentEntry::createdAtMillis)
            .thenComparingLong(IncidentEntry::incidentKey))
        .map(this::toOpen).toList();
  }

  /** Whether the incident is open (with its details), was resolved, or is unknown to the engine. */
  public synchronized IncidentLookup incident(long incidentKey) {
    catchUp();
    for (Map<Long, IncidentEntry> m : incidents.values()) {
      IncidentEntry entry = m.get(incidentKey);
      if (entry != null) {
        return new IncidentLookup.Open(toOpen(entry));
      }
    }
    return closedIncidents.contains(incidentKey) ? new IncidentLookup.Resolved(incidentKey)
        : new IncidentLookup.Unknown(incidentKey);
  }

  private OpenIncident toOpen(IncidentEntry i) {
    return new OpenIncident(i.incidentKey(), i.processInstanceKey(), i.processDefinitionKey(), i.bpmnProcessId(),
        i.elementId(), i.elementInstanceKey(), i.errorType(), i.errorMessage(), i.jobKey(),
        java.time.Instant.ofEpochMilli(i.createdAtMillis()), businessKey(i.processInstanceKey()));
  }

  /** The instance's business key, else that of the instance that called it (and so on up). */
  private String businessKey(long instance) {
    Long current = instance;
    for (int depth = 0; current != null && depth < 10; depth++) {
      String key = businessKeys.get(current);
      if (key != null) {
        return key;
      }
      current = parents.get(current);
    }
    return null;
  }

  /** Process instances the engine has seen (active and ended). */
  public int instanceCount() {
    return active.size() + ended.size();
  }

  @Scheduled(fixedDelayString = "${fulfillment.engine.monitor-interval:PT0.2S}")
  synchronized void catchUp() {
    // The engine caches its records in an append-only list; read only what was added since the last call.
    List<Record<?>> records = (List<Record<?>>) engine.getRecordStreamSource().getRecords();
    int size = records.size();
    for (; cursor < size; cursor++) {
      apply(records.get(cursor));
    }
  }

  private void apply(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    if (record.getValueType() == ValueType.PROCESS
        && record.getValue() instanceof io.camunda.zeebe.protocol.record.value.deployment.Process p) {
      deployed.put(p.getProcessDefinitionKey(), new DeployedProcess(p.getBpmnProcessId(), p.getVersion(),
          p.getProcessDefinitionKey(), p.getResourceName()));
      if (p.getResource() != null && p.getResource().length > 0) {
        resources.put(p.getProcessDefinitionKey(), p.getResource());
      }
    } else if (record.getValueType() == ValueType.VARIABLE) {
      VariableRecordValue v = (VariableRecordValue) record.getValue();
      if (BUSINESS_KEY_VARIABLE.equals(v.getName()) && v.getScopeKey() == v.getProcessInstanceKey()
          && !ended.containsKey(v.getProcessInstanceKey())
          && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)) {
        String value = v.getValue();
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          businessKeys.put(v.getProcessInstanceKey(), value.substring(1, value.length() - 1));
        } else if (value != null && !"null".equals(value)) {
          businessKeys.put(v.getProcessInstanceKey(), value);
        }
      }
    } else if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
      onProcessInstance(record.getKey(), (ProcessInstanceRecordValue) record.getValue(),
          (ProcessInstanceIntent) record.getIntent());
    } else if (record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.CANCELED
        && EmbeddedStaffTasks.JOB_TYPE.equals(((JobRecordValue) record.getValue()).getType())) {
      tasks.taskCanceled(record.getKey());
    } else if (record.getValueType() == ValueType.INCIDENT) {
      IncidentRecordValue v = (IncidentRecordValue) record.getValue();
      if (record.getIntent() == IncidentIntent.CREATED) {
        incidents.computeIfAbsent(v.getProcessInstanceKey(), k -> new LinkedHashMap<>())
            .put(record.getKey(), new IncidentEntry(record.getKey(), v.getProcessInstanceKey(),
                v.getProcessDefinitionKey(), v.getBpmnProcessId(), v.getElementId(), v.getElementInstanceKey(),
                v.getErrorType().name(), v.getErrorMessage(), v.getJobKey(), record.getTimestamp()));
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        incidents.getOrDefault(v.getProcessInstanceKey(), new LinkedHashMap<>()).remove(record.getKey());
        closedIncidents.add(record.getKey());
      }
    }
  }

  private void onProcessInstance(long elementInstanceKey, ProcessInstanceRecordValue v, ProcessInstanceIntent intent) {
    long instance = v.getProcessInstanceKey();
    if (v.getBpmnElementType() == BpmnElementType.PROCESS) {
      switch (intent) {
        case ELEMENT_ACTIVATED -> {
          active.putIfAbsent(instance, new LinkedHashMap<>());
          definitionOfActive.put(instance, v.getProcessDefinitionKey());
          if (v.getParentProcessInstanceKey() > 0) {
            children.computeIfAbsent(v.getParentProcessInstanceKey(), k -> ConcurrentHashMap.newKeySet()).add(instance);
            parents.put(instance, v.getParentProcessInstanceKey());
          }
        }
        case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
          end(instance, intent == ProcessInstanceIntent.ELEMENT_COMPLETED ? InstanceStatus.COMPLETED
              : InstanceStatus.TERMINATED);
          if (v.getParentProcessInstanceKey() > 0) {
            children.getOrDefault(v.getParentProcessInstanceKey(), java.util.Set.of()).remove(instance);
          }
        }
        default -> { }
      }
      return;
    }
    if (v.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW) {
      return;
    }
    switch (intent) {
      case ELEMENT_ACTIVATED -> active.computeIfAbsent(instance, k -> new LinkedHashMap<>())
          .put(elementInstanceKey, new Element(v.getBpmnProcessId(), v.getElementId(), v.getBpmnElementType().name()));
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        Map<Long, Element> elements = active.get(instance);
        if (elements != null) {
          elements.remove(elementInstanceKey);
        }
      }
      default -> { }
    }
  }

  private void end(long instance, InstanceStatus status) {
    active.remove(instance);
    definitionOfActive.remove(instance);
    children.remove(instance);
    parents.remove(instance);
    businessKeys.remove(instance);
    Map<Long, IncidentEntry> open = incidents.remove(instance);
    if (open != null) {
      closedIncidents.addAll(open.keySet());
    }
    ended.put(instance, status);
  }
}
