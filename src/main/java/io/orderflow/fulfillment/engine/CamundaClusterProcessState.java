package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.orderflow.fulfillment.process.ProcessState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Where an instance stands on a cluster, from the orchestration cluster's search API (the data Operate shows). */
@Component
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "camunda")
class CamundaClusterProcessState implements ProcessState {

  private static final Logger log = LoggerFactory.getLogger(CamundaClusterProcessState.class);
  private static final long TIMEOUT_SECONDS = 5;

  private final CamundaClient client;
  private final ProcessModels models;

  CamundaClusterProcessState(CamundaClient client, ProcessModels models) {
    this.client = client;
    this.models = models;
  }

  @Override
  public InstanceView instance(long processInstanceKey) {
    try {
      var instance = client.newProcessInstanceGetRequest(processInstanceKey).send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      InstanceStatus status = switch (instance.getState()) {
        case ACTIVE -> InstanceStatus.ACTIVE;
        case COMPLETED -> InstanceStatus.COMPLETED;
        case TERMINATED -> InstanceStatus.TERMINATED;
        default -> InstanceStatus.UNKNOWN;
      };
      List<ActiveElement> active = client.newElementInstanceSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey).state(ElementInstanceState.ACTIVE))
          .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items().stream()
          .filter(e -> !"PROCESS".equals(String.valueOf(e.getType())))
          .map(e -> new ActiveElement(e.getElementId(),
              e.getElementName() != null ? e.getElementName() : models.elementName(e.getProcessDefinitionId(), e.getElementId()),
              String.valueOf(e.getType())))
          .toList();
      List<Incident> incidents = client.newIncidentSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
          .send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS).items().stream()
          .map(i -> new Incident(i.getElementId(), String.valueOf(i.getErrorType()), i.getErrorMessage()))
          .toList();
      return new InstanceView(processInstanceKey, status, active, incidents);
    } catch (io.camunda.client.api.command.ClientException e) {
      // Secondary storage lags a little behind the engine; an instance just started may not be searchable yet.
      log.debug("Process instance {} not readable yet: {}", processInstanceKey, e.getMessage());
      return InstanceView.unknown(processInstanceKey);
    }
  }
}
