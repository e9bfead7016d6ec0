package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.Decision;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/courier-selection.dmn on the in-memory Zeebe engine, evaluated with the four variables a caller has
 * (destinationCountry, weightKg, deliveryMethod, slotWindow). An empty CSV cell is a missing (null) value.
 */
@ZeebeProcessTest
class CourierSelectionDecisionTest {

  /** A fresh in-memory engine per case: on a loaded 2-core machine its first answer may take longer than 10 s. */
  static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofMinutes(1);

  static final String DMN = "processes/courier-selection.dmn";
  static final String DECISION = "courier-selection";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeClient client;
  private DeploymentEvent deployment;

  @BeforeEach
  void deployDecision() {
    deployment = client.newDeployResourceCommand().addResourceFile(DMN).requestTimeout(SLOW_MACHINE).send().join();
  }

  @Test
  @DisplayName("The courier selection deploys as one decision, a first-hit table an analyst can read")
  void deploysOneDecision() {
    // then
    assertThat(deployment.getDecisions()).extracting(Decision::getDmnDecisionId).containsExactly(DECISION);
    org.camunda.bpm.model.dmn.instance.Decision decision = Dmn.readModelFromFile(new File(DMN))
        .getModelElementById(DECISION);
    assertThat(((DecisionTable) decision.getExpression()).getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(decision.getDescription().getTextContent()).contains("first", "cut-off", "30 kg");
  }

  @ParameterizedTest(name = "{0}, {1} kg, {2}, slot {3} → {4} by {5}")
  @DisplayName("A parcel goes with freight above 30 kg, else by delivery method, time window and destination country")
  @CsvSource(textBlock = """
      # country, kg,    method,       slot,        carrier,         cutoff
      ES,        1.2,   STANDARD,     ALL_DAY,     Correos,         13:00
      ES,        1.2,   STANDARD,     ,            Correos,         13:00
      PL,        4,     STANDARD,     ALL_DAY,     Poczta Polska,   12:00
      BG,        0.3,   STANDARD,     ,            Bulgarian Posts, 12:00
      PT,        2,     STANDARD,     ALL_DAY,     GLS,             14:00
      ES,        1.2,   STANDARD,     09:00-13:00, DPD,             12:00
      BG,        30,    STANDARD,     16:00-20:00, DPD,             12:00
      ES,        1.2,   EXPRESS,      ALL_DAY,     DHL Express,     17:00
      BG,        12,    EXPRESS,      09:00-13:00, DHL Express,     17:00
      PL,        2,     PICKUP_POINT, ,            InPost,          15:00
      ES,        2,     PICKUP_POINT, ,            Mondial Relay,   14:00
      BG,        30,    PICKUP_POINT, ALL_DAY,     Mondial Relay,   14:00
      ES,        30.001, STANDARD,    ALL_DAY,     DB Schenker,     11:00
      PL,        45,    EXPRESS,      ,            DB Schenker,     11:00
      BG,        31,    PICKUP_POINT, ,            DB Schenker,     11:00
      """)
  void selectsTheCarrier(String country, double weightKg, String method, String slotWindow, String carrier,
      String cutoff) throws Exception {
    // when
    EvaluateDecisionResponse response = evaluate(country, weightKg, method, slotWindow);

    // then
    assertNoFailure(response);
    JsonNode courier = JSON.readTree(response.getDecisionOutput());
    assertThat(courier.path("carrier").asText()).isEqualTo(carrier);
    assertThat(courier.path("collectionCutoff").asText()).isEqualTo(cutoff);
    assertThat(courier.size()).as("the result holds exactly carrier and collectionCutoff").isEqualTo(2);
  }

  @ParameterizedTest(name = "{4}")
  @DisplayName("No carrier (output null, not a failure) for a weight of 0 or less or an unknown delivery method")
  @CsvSource(textBlock = """
      # country, kg, method,    slot,    case
      ES,        0,  STANDARD,  ALL_DAY, weight of 0
      ES,        -1, EXPRESS,   ALL_DAY, negative weight
      ES,        2,  OVERNIGHT, ALL_DAY, unknown delivery method
      ES,        2,  standard,  ALL_DAY, delivery method in the wrong case
      """)
  void noCarrierForInvalidInput(String country, double weightKg, String method, String slotWindow,
      String description) {
    // when
    EvaluateDecisionResponse response = evaluate(country, weightKg, method, slotWindow);

    // then
    assertNoFailure(response);
    assertThat(response.getDecisionOutput()).isEqualTo("null");
  }

  private EvaluateDecisionResponse evaluate(String country, double weightKg, String method, String slotWindow) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("destinationCountry", country);
    variables.put("weightKg", weightKg);
    variables.put("deliveryMethod", method);
    variables.put("slotWindow", slotWindow);
    return client.newEvaluateDecisionCommand().decisionId(DECISION).variables(variables).requestTimeout(SLOW_MACHINE).send().join();
  }

  private static void assertNoFailure(EvaluateDecisionResponse response) {
    assertThat(response.getFailedDecisionId())
        .as("decision that failed (%s)", response.getFailureMessage()).isEmpty();
    assertThat(response.getFailureMessage()).isEmpty();
  }
}
