package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/replenishment-source.dmn on the in-memory Zeebe engine, with the facts assess-replenishment hands it. An
 * empty CSV cell is a missing (null) value: no other warehouse has a surplus.
 */
@ZeebeProcessTest
class ReplenishmentSourceDecisionTest {

  /** A fresh in-memory engine per case: on a loaded 2-core machine its first answer may take longer than 10 s. */
  static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofMinutes(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeClient client;

  @BeforeEach
  void deployDecision() {
    client.newDeployResourceCommand().addResourceFile("processes/replenishment-source.dmn").requestTimeout(SLOW_MACHINE).send().join();
  }

  @ParameterizedTest(name = "need {0}, spare {1} at {2} km → {3}")
  @DisplayName("Transfer when a warehouse can spare enough close enough; otherwise buy")
  @CsvSource(textBlock = """
      # needed, transferable, distanceKm, source,   explanation contains
      20,       ,             ,           PURCHASE, No other warehouse
      20,       0,            ,           PURCHASE, No other warehouse
      20,       30,           120.5,      TRANSFER, 500 km
      20,       20,           500,        TRANSFER, 500 km
      20,       20,           900,        TRANSFER, 1,500 km
      80,       100,          900,        PURCHASE, too few or too far
      20,       20,           1600,       PURCHASE, too few or too far
      20,       10,           250,        TRANSFER, at least half
      20,       10,           400,        PURCHASE, too few or too far
      20,       5,            50,         PURCHASE, too few or too far
      """)
  void source(int needed, Integer transferable, Double distanceKm, String source, String explanation) throws Exception {
    // when
    Map<String, Object> variables = new HashMap<>();
    variables.put("neededQuantity", needed);
    variables.put("transferableQuantity", transferable);
    variables.put("transferDistanceKm", distanceKm);
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand()
        .decisionId(ReplenishmentProcess.SOURCE_DECISION).variables(variables).requestTimeout(SLOW_MACHINE).send().join();
    JsonNode result = JSON.readTree(response.getDecisionOutput());

    // then
    assertThat(result.path("source").asText()).isEqualTo(source);
    assertThat(result.path("explanation").asText()).contains(explanation);
  }
}
