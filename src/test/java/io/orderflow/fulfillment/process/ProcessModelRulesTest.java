package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.orderflow.fulfillment.tasks.FormSchema;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every model in processes/ must satisfy to open in Camunda Modeler, run on both runtimes and match the code:
 * the same rules as ../shared/tools/check-models.py, plus Zeebe's own validation and the names shared with Java.
 */
class ProcessModelRulesTest {

  private static final Map<String, JsonNode> FORMS = new HashMap<>();

  @BeforeAll
  static void readForms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(f.toFile());
        assertThat(form.path("id").asText()).as("form id of %s equals its file name", f)
            .isEqualTo(f.getFileName().toString().replace(".form", ""));
        FORMS.put(form.path("id").asText(), form);
      }
    }
  }

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("Every model is valid for Zeebe and has a diagram shape for each element and an edge for each flow")
  void modelsOpenInModelerAndDeploy(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(FlowNode.class)).extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(shapes).as("diagram shape for %s", id).contains(id));
    assertThat(model.getModelElementsByType(SequenceFlow.class)).extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(edges).as("diagram edge for %s", id).contains(id));
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("Every user task is a Camunda user task linked to a form that exists in forms/")
  void userTasksAreCamundaUserTasksWithForms(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("%s is a Camunda user task", task.getId()).isNotNull();
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      assertThat(form).as("%s links a form", task.getId()).isNotNull();
      assertThat(FORMS).as("form %s of %s", form.getFormId(), task.getId()).containsKey(form.getFormId());
    }
  }

  @Test
  @DisplayName("The order process uses exactly the job types, message, errors and elements the code names")
  void orderProcessMatchesTheCode() throws IllegalAccessException {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/order-fulfillment.bpmn"));
    assertThat((Object) model.getModelElementById(OrderFulfillmentProcess.PROCESS_ID)).isNotNull();
    Set<String> jobTypes = model.getModelElementsByType(ServiceTask.class).stream()
        .map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).collect(Collectors.toSet());
    assertThat(jobTypes).containsExactlyInAnyOrderElementsOf(constants(OrderFulfillmentProcess.JobTypes.class));
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactlyInAnyOrderElementsOf(constants(OrderFulfillmentProcess.Messages.class));
    Set<String> errorCodes = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Error.class).stream()
        .map(io.camunda.zeebe.model.bpmn.instance.Error::getErrorCode).collect(Collectors.toSet());
    assertThat(errorCodes).containsExactlyInAnyOrderElementsOf(constants(OrderFulfillmentProcess.Errors.class));
    for (String element : constants(OrderFulfillmentProcess.Elements.class)) {
      assertThat((Object) model.getModelElementById(element)).as("element %s", element).isNotNull();
    }
  }

  @Test
  @DisplayName("The pack form asks for the package type and weight that the courier booking reads")
  void packFormFeedsTheCourierBooking() {
    assertThat(FormSchema.parse(FORMS.get("pack-order")).fieldKeys())
        .contains(OrderFulfillmentProcess.Variables.PACKAGE_TYPE, OrderFulfillmentProcess.Variables.PARCEL_WEIGHT_KG);
  }

  @Test
  @DisplayName("The return process uses exactly the job types, message, decisions, forms, mail topics and elements the code names")
  void returnProcessMatchesTheCode() throws IllegalAccessException {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/return.bpmn"));
    assertThat((Object) model.getModelElementById(ReturnProcess.PROCESS_ID)).isNotNull();
    List<ServiceTask> serviceTasks = List.copyOf(model.getModelElementsByType(ServiceTask.class));
    assertThat(serviceTasks.stream().map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
        .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(constants(ReturnProcess.JobTypes.class));
    assertThat(serviceTasks.stream().map(t -> t.getSingleExtensionElement(ZeebeTaskHeaders.class))
        .filter(java.util.Objects::nonNull).flatMap(h -> h.getHeaders().stream())
        .filter(h -> "topic".equals(h.getKey())).map(ZeebeHeader::getValue).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(constants(ReturnProcess.Topics.class));
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactlyInAnyOrderElementsOf(constants(ReturnProcess.Messages.class));
    assertThat(model.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(t -> t.getSingleExtensionElement(ZeebeCalledDecision.class).getDecisionId()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ReturnProcess.ELIGIBILITY_DECISION, ReturnProcess.OUTCOME_DECISION);
    assertThat(model.getModelElementsByType(UserTask.class).stream()
        .map(t -> t.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(constants(ReturnProcess.Forms.class));
    for (String element : constants(ReturnProcess.Elements.class)) {
      assertThat((Object) model.getModelElementById(element)).as("element %s", element).isNotNull();
    }
  }

  private static Set<String> constants(Class<?> holder) throws IllegalAccessException {
    Set<String> values = new java.util.HashSet<>();
    for (Field f : Arrays.stream(holder.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toList()) {
      values.add((String) f.get(null));
    }
    return values;
  }
}
