package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.CamundaRestStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.CamundaRestStub;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code camunda} profile on MariaDB with a cluster that is away at start and answers later (a local stub of the
 * orchestration cluster's REST API, {@link CamundaRestStub}; the identity provider's token endpoint is a second stub).
 * The app must come up either way, run Flyway, say in its log whether the cluster answered, and show health
 * component {@code camunda} DOWN with the reason, then UP with the gateway's version. The client's OAuth flow asks
 * the token endpoint for client credentials with audience {@code orchestration-api} (application-camunda.yml).
 */
@Tag("mariadb")
@ActiveProfiles("camunda")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DirtiesContext
class CamundaClusterConnectionTest {

  static final String TOKEN_PATH = "/realms/fulfillment/protocol/openid-connect/token";

  @RegisterExtension static final MariaDbDatabase database = new MariaDbDatabase();

  /** The cluster's REST API: its port is chosen, but nothing listens there until the test says so. */
  static final CamundaRestStub cluster = CamundaRestStub.onPort(freePort())
      .answer("GET", "/v2/topology", 200, fixture("topology.json"));
  static final CamundaRestStub identity = CamundaRestStub.start()
      .answer("POST", TOKEN_PATH, 200, fixture("token.json"));

  @DynamicPropertySource
  static void clusterAndDatabase(DynamicPropertyRegistry registry) throws IOException {
    database.registerProperties(registry);
    registry.add("camunda.client.rest-address", cluster::url);
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + freePort());
    // auth method, client id and audience as application-camunda.yml sets them
    registry.add("camunda.client.auth.client-secret", () -> "stub-secret");
    registry.add("camunda.client.auth.token-url", () -> identity.url() + TOKEN_PATH);
    Path cache = Files.createTempDirectory("camunda-credentials").resolve("credentials");
    registry.add("camunda.client.auth.credentials-cache-path", cache::toString);
    registry.add("camunda.client.worker.defaults.stream-enabled", () -> "false");
    registry.add("fulfillment.models.deploy-retry-interval", () -> "PT1H");
  }

  @AfterAll
  static void stopStubs() {
    cluster.close();
    identity.close();
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("The camunda profile starts on MariaDB without its cluster, reports 'camunda' DOWN with the reason, then UP once the cluster answers")
  void reportsTheClusterConnection(CapturedOutput output) {
    // then: the app is up on MariaDB, Flyway ran
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
        .isPositive();
    assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("mariadb");
    // and its log says that the cluster was not reachable, and that the models wait for it
    assertThat(output.getAll()).contains("Camunda cluster NOT reachable at REST " + cluster.url())
        .contains("Models NOT deployed at start");

    // when the cluster is away
    Map<String, Object> down = camundaHealth();
    assertThat(down).containsEntry("status", "DOWN");
    @SuppressWarnings("unchecked") Map<String, Object> downDetails = (Map<String, Object>) down.get("details");
    assertThat(downDetails).containsEntry("restAddress", cluster.url());
    assertThat((String) downDetails.get("reason")).containsIgnoringCase("connect");

    // when the cluster answers
    cluster.listen();
    Map<String, Object> up = camundaHealth();
    assertThat(up).containsEntry("status", "UP");
    @SuppressWarnings("unchecked") Map<String, Object> upDetails = (Map<String, Object>) up.get("details");
    assertThat(upDetails).containsEntry("gatewayVersion", "8.8.14").containsEntry("brokers", 1)
        .containsEntry("partitionsWithLeader", 1).containsEntry("restAddress", cluster.url());

    // then: the topology request carried the token the identity provider issued for audience orchestration-api
    assertThat(cluster.requests("GET", "/v2/topology")).last()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer stub-access-token"));
    Map<String, String> tokenRequest = form(identity.requests("POST", TOKEN_PATH).getFirst().body());
    assertThat(tokenRequest).containsEntry("grant_type", "client_credentials")
        .containsEntry("audience", "orchestration-api")
        .containsEntry("client_id", "order-fulfillment")
        .containsEntry("client_secret", "stub-secret");
  }

  private Map<String, Object> camundaHealth() {
    ResponseEntity<Map<String, Object>> health = http.exchange("/actuator/health", HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    @SuppressWarnings("unchecked") Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
    assertThat(components).containsKey("camunda").doesNotContainKey("camundaClient");
    @SuppressWarnings("unchecked") Map<String, Object> camunda = (Map<String, Object>) components.get("camunda");
    return camunda;
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
