package io.orderflow.fulfillment.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The names in one deployed process version's BPMN: the process's own and its elements', as that version has them
 * (an older version may name a step differently from the models now shipped).
 */
record DeployedModelNames(String processName, Map<String, String> elementNames) {

  static final DeployedModelNames NONE = new DeployedModelNames(null, Map.of());

  /** The names of the process {@code bpmnProcessId} in the resource; {@link #NONE} when it cannot be read. */
  static DeployedModelNames of(byte[] bpmn, String bpmnProcessId) {
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
      Process process = model.getModelElementById(bpmnProcessId);
      Map<String, String> names = new HashMap<>();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null && !element.getName().isBlank() && bpmnProcessId.equals(processOf(element))) {
          names.put(element.getId(), clean(element.getName()));
        }
      }
      String name = process == null || process.getName() == null || process.getName().isBlank() ? null
          : clean(process.getName());
      return new DeployedModelNames(name, Map.copyOf(names));
    } catch (RuntimeException unreadable) {
      return NONE;
    }
  }

  private static String processOf(FlowElement element) {
    ModelElementInstance scope = element.getParentElement();
    while (scope != null && !(scope instanceof Process)) {
      scope = scope.getParentElement();
    }
    return scope == null ? null : ((Process) scope).getId();
  }

  private static String clean(String name) {
    return name.replaceAll("\\s+", " ").trim();
  }
}
