package io.orderflow.fulfillment.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import io.orderflow.fulfillment.testsupport.DemoUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Camunda Desktop Modeler pointed at the app (embedded default): the calls it makes to a self-managed 8.8 cluster's
 * REST API — the connection check, "Deploy" (multipart resources) and "Start instance" — answered in Camunda's shapes,
 * through the same checks as a saved model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ModelerDeployApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  TestRestTemplate http;
  @Autowired TestRestTemplate anonymous;

  @Autowired
  void signInAsAnalyst(TestRestTemplate rest) {
    // the Modeler's basic credentials of the analyst
    this.http = DemoUser.ANALYST.on(rest);
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("Signed in as an analyst (others refused), the Modeler checks the connection, deploys a model twice (versions 1 and 2), starts an instance; a broken model gets 400 naming the element and deploys nothing")
  void deployAsTheModelerDoes() {
    assertThat(anonymous.getForEntity("/v2/topology", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(DemoUser.PICKER_MADRID.on(anonymous).getForEntity("/v2/topology", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    Map<String, Object> topology = http.getForObject("/v2/topology", Map.class);
    assertThat(topology).containsEntry("gatewayVersion", "8.8.14").containsEntry("clusterSize", 1);
    assertThat((List<Map<String, Object>>) topology.get("brokers")).singleElement()
        .satisfies(b -> assertThat(b).containsKey("partitions"));

    Map<String, Object> first = deploy(process("Check")).getBody();
    Map<String, Object> second = deploy(process("Check again")).getBody();
    Map<String, Object> again = deploy(process("Check again")).getBody();

    Map<String, Object> v1 = definition(first);
    Map<String, Object> v2 = definition(second);
    assertThat(v1).containsEntry("processDefinitionId", "modeler-demo").containsEntry("resourceName", "modeler-demo.bpmn")
        .containsEntry("tenantId", "<default>");
    assertThat((Integer) v2.get("processDefinitionVersion")).isEqualTo((Integer) v1.get("processDefinitionVersion") + 1);
    assertThat(first.get("deploymentKey")).isInstanceOf(String.class);
    assertThat(definition(again)).as("the same file again: the engine answers the version it has")
        .containsEntry("processDefinitionVersion", v2.get("processDefinitionVersion"));

    ResponseEntity<Map<String, Object>> broken = deploy(process("Check").replace("type=\"modeler-check\"", "type=\"\""));
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getBody()).containsEntry("title", "INVALID_ARGUMENT");
    assertThat(broken.getBody().get("detail").toString()).contains("modeler-demo.bpmn", "ServiceTask_Check");

    ResponseEntity<Map<String, Object>> started = http.exchange("/v2/process-instances", HttpMethod.POST,
        new HttpEntity<>(Map.of("processDefinitionId", "modeler-demo", "variables", Map.of("x", 1))), MAP);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody()).containsEntry("processDefinitionVersion", v2.get("processDefinitionVersion"))
        .containsKey("processInstanceKey");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> definition(Map<String, Object> deployment) {
    return (Map<String, Object>) ((List<Map<String, Object>>) deployment.get("deployments")).get(0)
        .get("processDefinition");
  }

  private ResponseEntity<Map<String, Object>> deploy(String bpmn) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("resources", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "modeler-demo.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/v2/deployments", HttpMethod.POST, new HttpEntity<>(parts, headers), MAP);
  }

  private static String process(String taskName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Modeler" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="modeler-demo" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="ServiceTask_Check" name="%s">
              <bpmn:extensionElements><zeebe:taskDefinition type="modeler-check" /></bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="ServiceTask_Check" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Check" targetRef="EndEvent_1" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(taskName);
  }
}
