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
import org.springframework.http.HttpMethod;

/** The models as ops and analysts see them on the embedded default: versions side by side, and what was published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ModelsApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  TestRestTemplate http;
  @Autowired io.camunda.zeebe.process.test.api.ZeebeTestEngine engine;

  @Autowired
  void signInAsAnalyst(TestRestTemplate rest) {
    this.http = DemoUser.ANALYST.on(rest);
  }

  @Test
  @DisplayName("Another Zeebe client reaches the in-process engine's gRPC gateway and deploys; the model shows in the list")
  void otherClientDeploys() {
    try (io.camunda.client.CamundaClient other = io.camunda.client.CamundaClient.newClientBuilder()
        .grpcAddress(java.net.URI.create("http://" + engine.getGatewayAddress())).preferRestOverGrpc(false).build()) {
      other.newDeployResourceCommand().addProcessModel(io.camunda.zeebe.model.bpmn.Bpmn
          .createExecutableProcess("other-client-demo").startEvent().endEvent().done(), "other-client-demo.bpmn")
          .send().join();
    }

    List<Map<String, Object>> models = http.exchange("/api/models", HttpMethod.GET, null, LIST).getBody();
    assertThat(models).anySatisfy(m -> assertThat(m).containsEntry("bpmnProcessId", "other-client-demo")
        .containsEntry("latestVersion", 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("Every deployed process is listed with its versions and running instances, and the start-up publication with it")
  void versionsAndPublications() {
    List<Map<String, Object>> models = http.exchange("/api/models", HttpMethod.GET, null, LIST).getBody();

    assertThat(models).extracting(m -> m.get("bpmnProcessId"))
        .contains("order-fulfillment", "payment", "payment-settlement");
    Map<String, Object> order = models.stream().filter(m -> "order-fulfillment".equals(m.get("bpmnProcessId")))
        .findFirst().orElseThrow();
    List<Map<String, Object>> versions = (List<Map<String, Object>>) order.get("versions");
    assertThat(versions).isNotEmpty().allSatisfy(v -> assertThat(v).containsEntry("resourceName",
        "order-fulfillment.bpmn").containsKey("activeInstances"));
    assertThat(order.get("latestVersion")).isEqualTo(versions.get(versions.size() - 1).get("version"));

    List<Map<String, Object>> publications = http.exchange("/api/models/publications", HttpMethod.GET, null, LIST)
        .getBody();
    assertThat(publications).anySatisfy(p -> assertThat(p).containsEntry("source", "startup")
        .containsEntry("accepted", true));
  }
}
