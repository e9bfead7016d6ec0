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
 * processes/return-eligibility.dmn and processes/return-outcome.dmn on the in-memory Zeebe engine, with the variables
 * the return process hands them per line. An empty CSV cell is a missing (null) value.
 */
@ZeebeProcessTest
class ReturnDecisionsTest {

  /** A fresh in-memory engine per case: on a loaded 2-core machine its first answer may take longer than 10 s. */
  static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofMinutes(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeClient client;

  @BeforeEach
  void deployDecisions() {
    client.newDeployResourceCommand().addResourceFile("processes/return-eligibility.dmn")
        .addResourceFile("processes/return-outcome.dmn").requestTimeout(SLOW_MACHINE).send().join();
  }

  @ParameterizedTest(name = "{0}, {1} days, {2}, {3} → {4}")
  @DisplayName("Eligibility: changes of mind within the 30-day window, faults within the guarantee, the rest to a person or refused")
  @CsvSource(textBlock = """
      # reason,     days, category,    unitPrice, decision, explanation contains
      CHANGED_MIND, 3,    apparel,     19.90,     APPROVE,  return window
      WRONG_SIZE,   30,   footwear,    89.95,     APPROVE,  return window
      CHANGED_MIND, 31,   apparel,     19.90,     REJECT,   has passed
      WRONG_SIZE,   90,   footwear,    89.95,     REJECT,   has passed
      CHANGED_MIND, 2,    grocery,     4.50,      REJECT,   Food
      CHANGED_MIND, 5,    art,         650.00,    REVIEW,   insured
      CHANGED_MIND, 5,    art,         120.00,    APPROVE,  return window
      DAMAGED,      1,    home,        35.00,     APPROVE,  on us
      WRONG_ITEM,   14,   apparel,     19.90,     APPROVE,  on us
      WRONG_ITEM,   15,   apparel,     19.90,     REVIEW,   14 days
      DAMAGED,      200,  home,        35.00,     REVIEW,   14 days
      DEFECTIVE,    400,  home,        35.00,     APPROVE,  guarantee
      DEFECTIVE,    40,   electronics, 249.00,    REVIEW,   fault description
      DEFECTIVE,    40,   electronics, 99.00,     APPROVE,  guarantee
      DEFECTIVE,    731,  electronics, 99.00,     REJECT,   two-year
      DAMAGED,      800,  grocery,     4.50,      REJECT,   two-year
      DEFECTIVE,    3,    grocery,     4.50,      APPROVE,  guarantee
      CHANGED_MIND, ,     apparel,     19.90,     REVIEW,   could not find
      SOMETHING,    3,    apparel,     19.90,     REVIEW,   customer service
      """)
  void eligibility(String reason, Integer days, String category, double unitPrice, String decision,
      String explanation) throws Exception {
    // when
    Map<String, Object> variables = new HashMap<>();
    variables.put("reason", reason);
    variables.put("daysSinceDelivery", days);
    variables.put("returnWindowDays", 30);
    variables.put("category", category);
    variables.put("unitPrice", unitPrice);
    JsonNode result = evaluate("return-eligibility", variables);

    // then
    assertThat(result.path("decision").asText()).isEqualTo(decision);
    assertThat(result.path("explanation").asText()).contains(explanation);
  }

  @ParameterizedTest(name = "{0}, {1}, {2} → {3}")
  @DisplayName("Outcome: as-new goods go back in stock, opened electronics and repairable goods to refurbishment, broken goods and food are written off")
  @CsvSource(textBlock = """
      # condition, category,    reason,       outcome
      AS_NEW,      apparel,     CHANGED_MIND, RESTOCK
      AS_NEW,      electronics, WRONG_ITEM,   RESTOCK
      OPENED,      apparel,     WRONG_SIZE,   RESTOCK
      OPENED,      electronics, CHANGED_MIND, REFURBISH
      USED,        electronics, DEFECTIVE,    REFURBISH
      DEFECTIVE,   electronics, DEFECTIVE,    REFURBISH
      USED,        footwear,    CHANGED_MIND, REFURBISH
      USED,        apparel,     CHANGED_MIND, SCRAP
      DAMAGED,     home,        DAMAGED,      SCRAP
      DEFECTIVE,   home,        DEFECTIVE,    SCRAP
      AS_NEW,      grocery,     DAMAGED,      SCRAP
      ,            apparel,     CHANGED_MIND, REFURBISH
      """)
  void outcome(String condition, String category, String reason, String outcome) throws Exception {
    // when
    Map<String, Object> variables = new HashMap<>();
    variables.put("condition", condition);
    variables.put("category", category);
    variables.put("reason", reason);
    JsonNode result = evaluate("return-outcome", variables);

    // then
    assertThat(result.path("outcome").asText()).isEqualTo(outcome);
    assertThat(result.path("explanation").asText()).isNotBlank();
  }

  private JsonNode evaluate(String decisionId, Map<String, Object> variables) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId(decisionId)
        .variables(variables).requestTimeout(SLOW_MACHINE).send().join();
    assertThat(response.getFailureMessage()).as("failure of %s", decisionId).isEmpty();
    return JSON.readTree(response.getDecisionOutput());
  }
}
