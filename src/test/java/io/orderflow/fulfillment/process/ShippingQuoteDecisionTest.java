package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.Decision;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.client.api.response.EvaluatedDecision;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.engine.EmbeddedModelAdapter;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/shipping-quote.dmn on the in-memory Zeebe engine: the decision the process calls, evaluated directly with
 * the three variables a caller has (distanceKm, weightKg, deliveryMethod). Its two required decisions (distance zone,
 * weight band) are evaluated by Zeebe on the way, and their results are checked too.
 */
@ZeebeProcessTest
class ShippingQuoteDecisionTest {

  /** A fresh in-memory engine per case: on a loaded 2-core machine its first answer may take longer than 10 s. */
  static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofMinutes(1);

  static final String DMN = "processes/shipping-quote.dmn";
  static final String QUOTE = "shipping-quote";
  static final String ZONE = "distance-zone";
  static final String BAND = "weight-band";

  static final List<String> ZONES = List.of("LOCAL", "REGIONAL", "NATIONAL", "CONTINENTAL");
  static final List<String> BANDS = List.of("UP_TO_1_KG", "UP_TO_5_KG", "UP_TO_20_KG", "HEAVY");
  static final List<String> METHODS = List.of("STANDARD", "EXPRESS", "PICKUP_POINT");
  /** A distance well inside each zone and a weight well inside each band, in the order of ZONES and BANDS. */
  static final List<Double> DISTANCE_IN_ZONE = List.of(10.0, 120.0, 550.0, 1800.0);
  static final List<Double> WEIGHT_IN_BAND = List.of(0.4, 2.5, 12.0, 27.0);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ZeebeClient client;
  private DeploymentEvent deployment;

  @BeforeEach
  void deployDecisions() {
    deployment = client.newDeployResourceCommand().addResourceFile(DMN).requestTimeout(SLOW_MACHINE).send().join();
  }

  @Test
  @DisplayName("The shipping quote deploys as one decision requirements graph with its three decisions")
  void deploysTheGraphWithThreeDecisions() {
    // then
    assertThat(deployment.getDecisionRequirements()).singleElement().satisfies(drg -> {
      assertThat(drg.getDmnDecisionRequirementsName()).isEqualTo("Shipping quote");
      assertThat(drg.getResourceName()).isEqualTo(DMN);
    });
    long drgKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();
    assertThat(deployment.getDecisions()).extracting(Decision::getDmnDecisionId, Decision::getDmnDecisionName)
        .containsExactlyInAnyOrder(
            tuple(QUOTE, "Shipping quote"),
            tuple(ZONE, "Distance zone"),
            tuple(BAND, "Weight band"));
    assertThat(deployment.getDecisions()).allSatisfy(d -> assertThat(d.getDecisionRequirementsKey()).isEqualTo(drgKey));
  }

  @Test
  @DisplayName("The shipping quote deploys in one deployment with the order process, as the app deploys its models")
  void deploysAlongsideTheProcessLikeTheApp() throws Exception {
    // given the resources named as the app names them (file name, no folder)
    byte[] bpmn = Files.readAllBytes(Path.of("processes/order-fulfillment.bpmn"));
    byte[] dmn = Files.readAllBytes(Path.of(DMN));

    // when
    DeploymentEvent app = client.newDeployResourceCommand()
        .addResourceBytes(EmbeddedModelAdapter.toJobBasedUserTasks(bpmn), "order-fulfillment.bpmn")
        .addResourceBytes(dmn, "shipping-quote.dmn")
        .requestTimeout(SLOW_MACHINE).send().join();

    // then
    assertThat(app.getProcesses()).extracting(p -> p.getBpmnProcessId()).contains(OrderFulfillmentProcess.PROCESS_ID);
    assertThat(app.getDecisions()).extracting(Decision::getDmnDecisionId).containsExactlyInAnyOrder(QUOTE, ZONE, BAND);
  }

  @ParameterizedTest(name = "{0} km, {1} kg, {2} → {3} / {4} → {5} EUR in {6} business days")
  @DisplayName("A parcel is priced by its zone, band and delivery method; each lower zone bound and each upper band bound belongs to its own zone/band")
  @CsvSource(textBlock = """
      # km,  kg,    method,       zone,        band,        EUR,   days
      0,     0.001, STANDARD,     LOCAL,       UP_TO_1_KG,  4.90,  1
      49.9,  1,     STANDARD,     LOCAL,       UP_TO_1_KG,  4.90,  1
      49.9,  1,     EXPRESS,      LOCAL,       UP_TO_1_KG,  8.90,  0
      49.9,  1,     PICKUP_POINT, LOCAL,       UP_TO_1_KG,  3.90,  2
      50,    1.001, STANDARD,     REGIONAL,    UP_TO_5_KG,  7.90,  2
      50,    1.001, EXPRESS,      REGIONAL,    UP_TO_5_KG,  14.50, 1
      50,    1.001, PICKUP_POINT, REGIONAL,    UP_TO_5_KG,  5.90,  3
      299.9, 5,     STANDARD,     REGIONAL,    UP_TO_5_KG,  7.90,  2
      299.9, 5,     EXPRESS,      REGIONAL,    UP_TO_5_KG,  14.50, 1
      299.9, 5,     PICKUP_POINT, REGIONAL,    UP_TO_5_KG,  5.90,  3
      300,   5.001, STANDARD,     NATIONAL,    UP_TO_20_KG, 14.90, 3
      300,   5.001, EXPRESS,      NATIONAL,    UP_TO_20_KG, 26.90, 1
      300,   5.001, PICKUP_POINT, NATIONAL,    UP_TO_20_KG, 11.90, 4
      999.9, 20,    STANDARD,     NATIONAL,    UP_TO_20_KG, 14.90, 3
      999.9, 20,    EXPRESS,      NATIONAL,    UP_TO_20_KG, 26.90, 1
      999.9, 20,    PICKUP_POINT, NATIONAL,    UP_TO_20_KG, 11.90, 4
      1000,  20.001, STANDARD,    CONTINENTAL, HEAVY,       69.90, 6
      1000,  20.001, EXPRESS,     CONTINENTAL, HEAVY,      119.90, 3
      1000,  20.001, PICKUP_POINT, CONTINENTAL, HEAVY,      57.90, 7
      49.9,  20.001, STANDARD,    LOCAL,       HEAVY,       24.90, 2
      50,    20,    EXPRESS,      REGIONAL,    UP_TO_20_KG, 21.90, 1
      299.9, 1,     PICKUP_POINT, REGIONAL,    UP_TO_1_KG,  4.50,  3
      300,   1,     STANDARD,     NATIONAL,    UP_TO_1_KG,  6.90,  3
      999.9, 5.001, EXPRESS,      NATIONAL,    UP_TO_20_KG, 26.90, 1
      1000,  1,     STANDARD,     CONTINENTAL, UP_TO_1_KG,  12.90, 5
      1000,  5,     PICKUP_POINT, CONTINENTAL, UP_TO_5_KG,  14.90, 6
      4200,  0.2,   EXPRESS,      CONTINENTAL, UP_TO_1_KG,  24.90, 2
      """)
  void quotesByZoneBandAndMethod(double distanceKm, double weightKg, String method, String zone, String band,
      BigDecimal cost, int transitDays) throws Exception {
    // when
    EvaluateDecisionResponse response = evaluate(distanceKm, weightKg, method);

    // then
    assertNoFailure(response);
    JsonNode quote = JSON.readTree(response.getDecisionOutput());
    assertThat(quote.path("cost").decimalValue()).isEqualByComparingTo(cost);
    assertThat(quote.path("transitDays").intValue()).isEqualTo(transitDays);
    assertThat(quote.size()).as("the quote holds exactly cost and transitDays").isEqualTo(2);
    assertThat(output(response, ZONE)).isEqualTo("\"" + zone + "\"");
    assertThat(output(response, BAND)).isEqualTo("\"" + band + "\"");
  }

  @ParameterizedTest(name = "{3}: {0} km, {1} kg, {2}")
  @DisplayName("Zeebe gives no price for an unknown delivery method, a weight of 0 or less or a negative or missing "
      + "distance: the evaluation succeeds (no failure) with the output null, because no rule of the quote matches")
  @CsvSource(textBlock = """
      # km,  kg, method,       case,                                 zone,     band
      120,   2,  OVERNIGHT,    unknown delivery method,              REGIONAL, UP_TO_5_KG
      120,   2,  express,      delivery method in the wrong case,    REGIONAL, UP_TO_5_KG
      120,   2,  '',           empty delivery method,                REGIONAL, UP_TO_5_KG
      120,   0,  STANDARD,     weight of 0,                          REGIONAL,
      120,   -1, STANDARD,     negative weight,                      REGIONAL,
      -5,    2,  STANDARD,     negative distance,                    ,         UP_TO_5_KG
      -0.1,  0,  EXPRESS,      negative distance and weight of 0,    ,
      """)
  void givesNoPriceForInvalidInput(double distanceKm, double weightKg, String method, String description,
      String zone, String band) throws Exception {
    // when
    EvaluateDecisionResponse response = evaluate(distanceKm, weightKg, method);

    // then no failure is reported ...
    assertNoFailure(response);
    // ... the quote is null because none of its rules matched ...
    assertThat(response.getDecisionOutput()).isEqualTo("null");
    assertThat(evaluated(response, QUOTE).getMatchedRules()).isEmpty();
    // ... and the required decision that could not classify its input is null too
    assertThat(output(response, ZONE)).isEqualTo(zone == null ? "null" : "\"" + zone + "\"");
    assertThat(output(response, BAND)).isEqualTo(band == null ? "null" : "\"" + band + "\"");
  }

  @Test
  @DisplayName("Zeebe gives no price when a variable is missing: the output is null, not a failure")
  void givesNoPriceForMissingVariables() {
    // when
    EvaluateDecisionResponse noMethod = client.newEvaluateDecisionCommand().decisionId(QUOTE)
        .variables(Map.of("distanceKm", 120, "weightKg", 2)).requestTimeout(SLOW_MACHINE).send().join();
    EvaluateDecisionResponse noDistance = client.newEvaluateDecisionCommand().decisionId(QUOTE)
        .variables(Map.of("weightKg", 2, "deliveryMethod", "STANDARD")).requestTimeout(SLOW_MACHINE).send().join();

    // then
    assertNoFailure(noMethod);
    assertThat(noMethod.getDecisionOutput()).isEqualTo("null");
    assertNoFailure(noDistance);
    assertThat(noDistance.getDecisionOutput()).isEqualTo("null");
    assertThat(output(noDistance, ZONE)).isEqualTo("null");
  }

  @Test
  @DisplayName("Each of the 48 combinations of zone, band and method has exactly one rule of its own, and every rule is used")
  void everyCombinationHasExactlyOneRule() throws Exception {
    // given
    DecisionTable table = (DecisionTable) Dmn.readModelFromFile(new File(DMN))
        .<org.camunda.bpm.model.dmn.instance.Decision>getModelElementById(QUOTE).getExpression();
    Set<String> ruleIds = new HashSet<>();

    // when
    for (Quote q : evaluateAllCombinations()) {
      // then (hit policy UNIQUE: two matching rules would fail the evaluation)
      assertThat(output(q.response(), ZONE)).as("%s", q).isEqualTo("\"" + q.zone() + "\"");
      assertThat(output(q.response(), BAND)).as("%s", q).isEqualTo("\"" + q.band() + "\"");
      assertThat(evaluated(q.response(), QUOTE).getMatchedRules()).as("rules matching %s", q).hasSize(1);
      assertThat(q.cost()).as("cost of %s", q).isPositive();
      assertThat(q.cost().scale()).as("cost of %s in cents", q).isLessThanOrEqualTo(2);
      ruleIds.add(evaluated(q.response(), QUOTE).getMatchedRules().get(0).getRuleId());
    }
    assertThat(ruleIds).as("distinct rules matched").hasSize(48);
    assertThat(table.getRules()).as("rules in the table").hasSize(48);
  }

  @Test
  @DisplayName("For every zone and band express costs more than standard and arrives sooner; a pick-up point costs "
      + "less than standard and takes one day longer")
  void expressIsDearerAndFasterPickupPointCheaperAndSlower() throws Exception {
    // given
    Map<String, Quote> quotes = new HashMap<>();
    for (Quote q : evaluateAllCombinations()) {
      quotes.put(q.zone() + "/" + q.band() + "/" + q.method(), q);
    }

    for (String zone : ZONES) {
      for (String band : BANDS) {
        Quote standard = quotes.get(zone + "/" + band + "/STANDARD");
        Quote express = quotes.get(zone + "/" + band + "/EXPRESS");
        Quote pickup = quotes.get(zone + "/" + band + "/PICKUP_POINT");
        // then
        assertThat(express.cost()).as("express vs standard cost, %s %s", zone, band).isGreaterThan(standard.cost());
        assertThat(standard.cost()).as("standard vs pick-up cost, %s %s", zone, band).isGreaterThan(pickup.cost());
        assertThat(express.transitDays()).as("express vs standard days, %s %s", zone, band)
            .isLessThan(standard.transitDays());
        assertThat(pickup.transitDays()).as("pick-up vs standard days, %s %s", zone, band)
            .isEqualTo(standard.transitDays() + 1);
      }
    }
  }

  @Test
  @DisplayName("A farther zone or a heavier band never makes a parcel cheaper or faster, whatever the method")
  void fartherOrHeavierNeverCheaperOrFaster() throws Exception {
    // given
    Map<String, Quote> quotes = new HashMap<>();
    for (Quote q : evaluateAllCombinations()) {
      quotes.put(q.zone() + "/" + q.band() + "/" + q.method(), q);
    }

    for (String method : METHODS) {
      for (int z = 0; z < ZONES.size(); z++) {
        for (int b = 0; b < BANDS.size(); b++) {
          Quote q = quotes.get(ZONES.get(z) + "/" + BANDS.get(b) + "/" + method);
          // then
          if (z > 0) {
            Quote nearer = quotes.get(ZONES.get(z - 1) + "/" + BANDS.get(b) + "/" + method);
            assertThat(q.cost()).as("%s vs %s", q, nearer).isGreaterThan(nearer.cost());
            assertThat(q.transitDays()).as("%s vs %s", q, nearer).isGreaterThanOrEqualTo(nearer.transitDays());
          }
          if (b > 0) {
            Quote lighter = quotes.get(ZONES.get(z) + "/" + BANDS.get(b - 1) + "/" + method);
            assertThat(q.cost()).as("%s vs %s", q, lighter).isGreaterThan(lighter.cost());
            assertThat(q.transitDays()).as("%s vs %s", q, lighter).isGreaterThanOrEqualTo(lighter.transitDays());
          }
        }
      }
    }
  }

  record Quote(String zone, String band, String method, EvaluateDecisionResponse response, BigDecimal cost,
               int transitDays) {

    @Override
    public String toString() {
      return zone + "/" + band + "/" + method + " = " + cost + " EUR, " + transitDays + " d";
    }
  }

  private List<Quote> evaluateAllCombinations() throws Exception {
    List<Quote> quotes = new ArrayList<>();
    for (int z = 0; z < ZONES.size(); z++) {
      for (int b = 0; b < BANDS.size(); b++) {
        for (String method : METHODS) {
          EvaluateDecisionResponse response = evaluate(DISTANCE_IN_ZONE.get(z), WEIGHT_IN_BAND.get(b), method);
          assertNoFailure(response);
          JsonNode quote = JSON.readTree(response.getDecisionOutput());
          assertThat(quote.isObject()).as("a quote for %s/%s/%s: %s", ZONES.get(z), BANDS.get(b), method, quote)
              .isTrue();
          quotes.add(new Quote(ZONES.get(z), BANDS.get(b), method, response, quote.path("cost").decimalValue(),
              quote.path("transitDays").intValue()));
        }
      }
    }
    assertThat(quotes).hasSize(48);
    return quotes;
  }

  private EvaluateDecisionResponse evaluate(double distanceKm, double weightKg, String deliveryMethod) {
    return client.newEvaluateDecisionCommand().decisionId(QUOTE)
        .variables(Map.of("distanceKm", distanceKm, "weightKg", weightKg, "deliveryMethod", deliveryMethod))
        .requestTimeout(SLOW_MACHINE).send().join();
  }

  /**
   * Zeebe reports a failed evaluation (e.g. two rules of a UNIQUE table matching) in the response, not as an exception;
   * in a business rule task the same failure raises an incident.
   */
  private static void assertNoFailure(EvaluateDecisionResponse response) {
    assertThat(response.getFailedDecisionId())
        .as("decision that failed (%s)", response.getFailureMessage()).isEmpty();
    assertThat(response.getFailureMessage()).isEmpty();
  }

  private static EvaluatedDecision evaluated(EvaluateDecisionResponse response, String decisionId) {
    return response.getEvaluatedDecisions().stream().filter(d -> d.getDecisionId().equals(decisionId)).findFirst()
        .orElseThrow(() -> new AssertionError(decisionId + " was not evaluated"));
  }

  private static String output(EvaluateDecisionResponse response, String decisionId) {
    return evaluated(response, decisionId).getDecisionOutput();
  }
}
