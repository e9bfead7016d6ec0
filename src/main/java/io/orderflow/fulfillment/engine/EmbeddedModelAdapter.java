package io.orderflow.fulfillment.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Adapts a model for the embedded engine, which cannot complete Camunda user tasks (that is a REST call it does not
 * serve): each {@code zeebe:userTask} marker is removed, which makes the task a job-based user task. Element ids,
 * the linked form, candidate groups/users, assignee and due dates stay exactly as the analyst modelled them.
 */
public final class EmbeddedModelAdapter {

  private EmbeddedModelAdapter() {}

  public static byte[] toJobBasedUserTasks(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    boolean changed = false;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      if (extensions == null) {
        continue;
      }
      List<ZeebeUserTask> markers = extensions.getChildElementsByType(ZeebeUserTask.class).stream().toList();
      for (ZeebeUserTask marker : markers) {
        extensions.removeChildElement(marker);
        changed = true;
      }
    }
    if (!changed) {
      return bpmn;
    }
    Bpmn.validateModel(model);
    return Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
