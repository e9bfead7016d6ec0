package io.orderflow.fulfillment.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
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

  /** A process version with the number of its instances still running. */
  public record ProcessVersion(String bpmnProcessId, int version, long processDefinitionKey, String resourceName,
      int activeInstances) {}

  private int cursor;
  private final Map<Long, DeployedProcess> deployed = new ConcurrentHashMap<>();
  private final Map<Long, Long> definitionOfActive = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, Element>> active = new ConcurrentHashMap<>();
  private final Map<Long, InstanceStatus> ended = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, Incident>> incidents = new ConcurrentHashMap<>();
  /** Running instances started by a call activity, per calling instance (their steps count as the caller's). */
  private final Map<Long, java.util.Set<Long>> children = new ConcurrentHashMap<>();

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
    open.addAll(incidents.getOrDefault(instance, Map.of()).values());
    for (long child : children.getOrDefault(instance, java.util.Set.of())) {
      collect(child, current, open);
    }
  }

  /** Records the engine has written since start; it keeps all of them in memory. */
  public synchronized int recordCount() {
    return cursor;
  }

  /** Every process version deployed, oldest first per process, with its running instances. */
  public synchronized List<ProcessVersion> processVersions() {
    catchUp();
    Map<Long, Integer> running = new java.util.HashMap<>();
    definitionOfActive.values().forEach(key -> running.merge(key, 1, Integer::sum));
    return deployed.values().stream()
        .sorted(java.util.Comparator.comparing(DeployedProcess::bpmnProcessId).thenComparing(DeployedProcess::version))
        .map(d -> new ProcessVersion(d.bpmnProcessId(), d.version(), d.processDefinitionKey(), d.resourceName(),
            running.getOrDefault(d.processDefinitionKey(), 0)))
        .toList();
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
            .put(record.getKey(), new Incident(v.getElementId(), v.getErrorType().name(), v.getErrorMessage()));
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        incidents.getOrDefault(v.getProcessInstanceKey(), new LinkedHashMap<>()).remove(record.getKey());
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
    incidents.remove(instance);
    ended.put(instance, status);
  }
}
