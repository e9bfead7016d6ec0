package io.orderflow.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded runtime deploys an adapted copy of every model; the adaptation must change nothing else. */
class EmbeddedModelAdapterTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("Camunda user tasks become job-based with the same ids, forms, candidate groups and due dates")
  void adaptationKeepsWhatStaffAndAnalystsRelyOn(Path file) throws IOException {
    // given
    BpmnModelInstance original = read(Files.readAllBytes(file));

    // when
    BpmnModelInstance adapted = read(EmbeddedModelAdapter.toJobBasedUserTasks(Files.readAllBytes(file)));

    // then
    assertThat(ids(adapted)).isEqualTo(ids(original));
    assertThat(original.getModelElementsByType(UserTask.class))
        .allSatisfy(t -> assertThat(extension(t, ZeebeUserTask.class)).as("%s is a Camunda user task", t.getId()).isNotNull());
    Map<String, UserTask> adaptedTasks = adapted.getModelElementsByType(UserTask.class).stream()
        .collect(Collectors.toMap(UserTask::getId, Function.identity()));
    for (UserTask before : original.getModelElementsByType(UserTask.class)) {
      UserTask after = adaptedTasks.get(before.getId());
      assertThat(extension(after, ZeebeUserTask.class)).as("%s is job-based", after.getId()).isNull();
      assertThat(after.getName()).isEqualTo(before.getName());
      assertThat(extension(after, ZeebeFormDefinition.class).getFormId())
          .isEqualTo(extension(before, ZeebeFormDefinition.class).getFormId());
      assertThat(extension(after, ZeebeAssignmentDefinition.class).getCandidateGroups())
          .isEqualTo(extension(before, ZeebeAssignmentDefinition.class).getCandidateGroups());
      ZeebeTaskSchedule scheduleBefore = extension(before, ZeebeTaskSchedule.class);
      if (scheduleBefore != null) {
        assertThat(extension(after, ZeebeTaskSchedule.class).getDueDate()).isEqualTo(scheduleBefore.getDueDate());
      }
    }
  }

  private static Map<String, String> ids(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowElement.class).stream()
        .collect(Collectors.toMap(FlowElement::getId, e -> e.getElementType().getTypeName()));
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> T extension(UserTask task, Class<T> type) {
    return task.getExtensionElements() == null ? null
        : task.getExtensionElements().getChildElementsByType(type).stream().findFirst().orElse(null);
  }

  private static BpmnModelInstance read(byte[] bpmn) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
  }
}
