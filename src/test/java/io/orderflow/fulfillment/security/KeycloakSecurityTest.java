package io.orderflow.fulfillment.security;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.FulfillmentApplication;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.KeycloakServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The app as a resource server of the real Keycloak: a second application context with the issuer set to the test
 * server's realm, called with real access tokens of the demo users and of the callbacks' service account.
 */
@Tag("keycloak")
class KeycloakSecurityTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  static KeycloakServer keycloak;
  static ConfigurableApplicationContext app;
  static TestRestTemplate http;

  /** Per test, so that with -Dkeycloak.skip=true every test is reported as skipped; both start only once. */
  @BeforeEach
  void start() {
    keycloak = KeycloakServer.get();
    if (app == null) {
      // command-line arguments: they win over application.yml (builder properties would not)
      app = new SpringApplicationBuilder(FulfillmentApplication.class).run(
          "--server.port=0", "--fulfillment.engine.port=0", "--fulfillment.orders.start-retry-interval=PT1H",
          "--fulfillment.mail.embedded-smtp.port=0", "--fulfillment.security.issuer-uri=" + keycloak.issuerUri());
      String port = app.getEnvironment().getProperty("local.server.port");
      http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  String token(DemoUser user) {
    return user == DemoUser.CALLBACKS ? keycloak.serviceAccountToken() : keycloak.tokenFor(user.username(),
        user.password());
  }

  <T> ResponseEntity<T> call(DemoUser user, HttpMethod method, String path, Object body,
      ParameterizedTypeReference<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBearerAuth(token(user));
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  @Test
  @DisplayName("Without a token, or with a forged one, the API answers 401 as a problem; the built-in users are off")
  void noTokenNoAccess() {
    ResponseEntity<Map<String, Object>> none = call(null, HttpMethod.GET, "/api/orders/x", null, MAP);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(none.getBody().get("detail").toString()).startsWith("Sign in");

    HttpHeaders forged = new HttpHeaders();
    forged.setBearerAuth(token(DemoUser.ANA).substring(0, 40) + "x.y.z");
    assertThat(http.exchange("/api/orders/x", HttpMethod.GET, new HttpEntity<>(forged), MAP).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("ana.customer", "ana.customer-demo").getForEntity("/api/orders/x", String.class)
        .getStatusCode()).as("no password sign-in in Keycloak mode").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/products", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Ana places and reads her own order with her token; Piotr's token gets 404; finance reads its money movements")
  void customersAndFinance() {
    ResponseEntity<Map<String, Object>> placed = call(DemoUser.ANA, HttpMethod.POST, "/api/orders",
        orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)), MAP);
    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String path = "/api/orders/" + placed.getBody().get("id");

    assertThat(call(DemoUser.ANA, HttpMethod.GET, path, null, MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call(DemoUser.PIOTR, HttpMethod.GET, path, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    Map<String, Object> forPiotr = new HashMap<>(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)));
    forPiotr.put("customer", Map.of("name", "Piotr", "email", DemoUser.PIOTR.email()));
    ResponseEntity<Map<String, Object>> refused = call(DemoUser.ANA, HttpMethod.POST, "/api/orders", forPiotr, MAP);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(call(DemoUser.FINANCE, HttpMethod.GET, path + "/money-movements", null, LIST).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> anaMoney = call(DemoUser.ANA, HttpMethod.GET, path + "/money-movements", null,
        MAP);
    assertThat(anaMoney.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anaMoney.getBody().get("detail").toString()).contains("Your role customer may not GET");
  }

  @Test
  @DisplayName("picker.madrid sees and completes Madrid's pick task; picker.warsaw does not see it")
  @SuppressWarnings("unchecked")
  void warehouseTasks() {
    ResponseEntity<Map<String, Object>> placed = call(DemoUser.ANA, HttpMethod.POST, "/api/orders",
        orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)), MAP);
    String orderId = (String) placed.getBody().get("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> "QUOTED".equals(
        call(DemoUser.ANA, HttpMethod.GET, "/api/orders/" + orderId, null, MAP).getBody().get("status")));
    assertThat(call(DemoUser.ANA, HttpMethod.POST, "/api/orders/" + orderId + "/quote/acceptance", Map.of(), MAP)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    Map<String, Object> pick = await().atMost(Duration.ofSeconds(60)).until(() -> call(DemoUser.PICKER_MADRID,
            HttpMethod.GET, "/api/tasks?orderId=" + orderId, null, LIST).getBody().stream()
            .filter(t -> "UserTask_PickOrder".equals(t.get("elementId"))).findFirst(), Optional::isPresent)
        .orElseThrow();
    String task = "/api/tasks/" + pick.get("key");
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, "/api/tasks?orderId=" + orderId, null, LIST).getBody())
        .isEmpty();
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, task, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Map<String, Object> list = call(DemoUser.PICKER_MADRID, HttpMethod.GET, task + "/pick-list", null, MAP).getBody();
    for (Map<String, Object> line : (List<Map<String, Object>>) list.get("lines")) {
      for (int i = 0; i < (Integer) line.get("quantity"); i++) {
        assertThat(call(DemoUser.PICKER_MADRID, HttpMethod.POST, task + "/scans", Map.of("barcode", line.get("sku")),
            MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
      }
    }
    ResponseEntity<Map<String, Object>> done = call(DemoUser.PICKER_MADRID, HttpMethod.POST, task + "/complete",
        Map.of("variables", Map.of("allLinesPicked", true)), MAP);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("completedBy", "picker.madrid");
  }

  @Test
  @DisplayName("The courier callback takes the callbacks' service account token, not a user's")
  void callbacksNeedTheServiceAccount() {
    Map<String, Object> event = Map.of("eventId", "evt-kc-1", "trackingNumber", "SX000000002ES", "type", "DELIVERED",
        "occurredAt", "2026-11-23T12:00:00Z");
    assertThat(call(null, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(DemoUser.OPS, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(DemoUser.CALLBACKS, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .as("authorized; the tracking number is unknown").isEqualTo(HttpStatus.NOT_FOUND);
  }
}
