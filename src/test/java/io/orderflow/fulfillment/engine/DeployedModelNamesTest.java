package io.orderflow.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The names ops shows for an incident's step come from the version the instance runs on. */
class DeployedModelNamesTest {

  @Test
  @DisplayName("The process's name and its elements' names (whitespace collapsed) of exactly that process; unnamed "
      + "elements are absent; an unreadable resource has none")
  void namesOfOneVersion() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://example.com">
          <bpmn:process id="drill" name="Ops   drill" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_Call" name="Call
                service">
              <bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Call" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Call" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.strip();

    DeployedModelNames names = DeployedModelNames.of(xml.getBytes(StandardCharsets.UTF_8), "drill");

    assertThat(names.processName()).isEqualTo("Ops drill");
    assertThat(names.elementNames()).containsEntry("Task_Call", "Call service").doesNotContainKeys("Start", "End");
    assertThat(DeployedModelNames.of(xml.getBytes(StandardCharsets.UTF_8), "other").elementNames()).isEmpty();
    assertThat(DeployedModelNames.of("<not-bpmn/>".getBytes(StandardCharsets.UTF_8), "drill"))
        .isEqualTo(DeployedModelNames.NONE);
  }
}
