package io.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import io.orderflow.fulfillment.testsupport.DemoUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile ("camunda") starts and connects when it is given a Zeebe gateway and a MySQL-compatible
 * database. A standalone Zeebe engine stands in for the cluster's gateway (a real cluster needs Docker, which this
 * machine lacks) and the machine's MariaDB for MySQL. It proves: no embedded engine is started, the models go to the
 * engine unadapted (Camunda user tasks, as Tasklist needs), and an order placed over HTTP runs on the workers until
 * the pick task is a Camunda user task in the engine.
 */
@Tag("mariadb")
@ActiveProfiles("camunda")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CamundaProfileStartupTest {

  @RegisterExtension static final MariaDbDatabase database = new MariaDbDatabase();

  static final ZeebeTestEngine cluster = EngineFactory.create(freePort());

  static {
    cluster.start();
  }

  @DynamicPropertySource
  static void clusterAndDatabase(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
    String port = cluster.getGatewayAddress().substring(cluster.getGatewayAddress().lastIndexOf(':') + 1);
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + port);
    // No REST API here: the app must still serve orders when the cluster's search API cannot be reached.
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + freePort());
    registry.add("camunda.client.auth.method", () -> "none");
    registry.add("fulfillment.demo-data", () -> "true");
    // Workers poll here: the stand-in gateway stops before Spring closes the app (JUnit runs @AfterAll first), and
    // closing a job stream whose gateway is gone has hung the client's shutdown (JobStreamerImpl.close waiting on a
    // lock nobody held). Job streaming itself runs in every test on the embedded runtime.
    registry.add("camunda.client.worker.defaults.stream-enabled", () -> "false");
  }

  @AfterAll
  static void stopCluster() {
    cluster.stop();
  }

  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("With the camunda profile the app deploys the original models and runs an order up to a Camunda user task")
  void startsConnectsAndRunsOnTheCluster() {
    // then: no embedded engine, and the order process was deployed as modelled (Camunda user tasks)
    assertThat(context.getBeansOfType(ZeebeTestEngine.class)).isEmpty();
    Process deployed = records(ValueType.PROCESS).stream().map(r -> (Process) r.getValue())
        .filter(p -> p.getBpmnProcessId().equals("order-fulfillment")).findFirst().orElseThrow();
    assertThat(new String(deployed.getResource(), StandardCharsets.UTF_8)).contains("zeebe:userTask");

    // when customer service places a phone order for Jan (not a demo customer) and accepts the quote for him
    ResponseEntity<Map<String, Object>> placed = DemoUser.CS_AGENT.on(http).exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(Map.of(
        "customer", Map.of("name", "Jan Kowalski", "email", "jan@example.com"),
        "shippingAddress", Map.of("street", "ul. Marszałkowska 1", "postalCode", "00-001", "city", "Warszawa", "country", "PL"),
        "lines", List.of(Map.of("sku", "LAMP-DESK-LED", "quantity", 1)),
        "payment", Map.of("method", "CARD", "paymentMethodId", "pm_card_visa"))),
        new ParameterizedTypeReference<>() {});
    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String orderId = (String) placed.getBody().get("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> "QUOTED".equals(DemoUser.CS_AGENT.on(http).exchange("/api/orders/" + orderId,
        HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {}).getBody().get("status")));
    assertThat(DemoUser.CS_AGENT.on(http).exchange("/api/orders/" + orderId + "/quote/acceptance", HttpMethod.POST, new HttpEntity<>(Map.of()),
        new ParameterizedTypeReference<Map<String, Object>>() {}).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    // then: the workers ran against the "cluster" and the pick task exists there as a Camunda user task
    UserTaskRecordValue pick = await().atMost(Duration.ofSeconds(60)).until(() -> records(ValueType.USER_TASK).stream()
            .filter(r -> r.getIntent() == UserTaskIntent.CREATED).map(r -> (UserTaskRecordValue) r.getValue())
            .filter(t -> t.getElementId().equals("UserTask_PickOrder")).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
    assertThat(pick.getCandidateGroupsList()).containsExactly("warehouse");
    ResponseEntity<Map<String, Object>> order = DemoUser.CS_AGENT.on(http).exchange("/api/orders/" + orderId, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(order.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(order.getBody()).containsEntry("status", "PAYMENT_AUTHORIZED").containsEntry("warehouseId", "warsaw");
  }

  private static List<Record<?>> records(ValueType type) {
    return StreamSupport.stream(cluster.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == type).toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
