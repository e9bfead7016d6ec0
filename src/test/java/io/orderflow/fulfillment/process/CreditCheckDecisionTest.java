package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.process.PaymentProcess.Decisions;
import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/credit-check.dmn on the in-memory Zeebe engine, evaluated with the three variables "Gather credit facts"
 * gives the business rule task: amountDue, deliveredOrderCount, openInvoiceAmount. The rules are read top-down (hit
 * policy FIRST), so each row below names the rule that must decide.
 */
@ZeebeProcessTest
class CreditCheckDecisionTest {

  /** A fresh in-memory engine per case: on a loaded 2-core machine its first answer may take longer than 10 s. */
  static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofMinutes(1);

  static final String DMN = "processes/credit-check.dmn";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeClient client;

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand().addResourceFile(DMN).requestTimeout(SLOW_MACHINE).send().join();
  }

  @ParameterizedTest(name = "{0} due, {1} delivered, {2} unpaid → {3} ({4})")
  @DisplayName("Invoice payment is approved, reviewed or rejected on the amount, the customer's delivered orders and "
      + "unpaid invoices; each bound belongs to the rule named")
  @CsvSource(textBlock = """
      # amount, delivered, unpaid,  decision, rule
      5000.01,  10,        0,       REJECT,   AboveInvoiceLimit
      9999,     0,         0,       REJECT,   AboveInvoiceLimit
      5000.00,  10,        0,       REVIEW,   HighOutstanding
      100,      4,         1000.01, REJECT,   TooMuchUnpaid
      100,      4,         1000.00, APPROVE,  RegularCustomer
      1001,     4,         1000.00, REVIEW,   HighOutstanding
      250.01,   0,         0,       REVIEW,   LargeFirstOrder
      250.00,   0,         0,       APPROVE,  SmallFirstOrder
      0.50,     0,         0,       APPROVE,  SmallFirstOrder
      1200,     5,         800.01,  REVIEW,   HighOutstanding
      1200,     5,         800.00,  APPROVE,  RegularCustomer
      4999,     3,         0,       REVIEW,   HighOutstanding
      2000,     3,         0,       APPROVE,  RegularCustomer
      1000.00,  1,         0,       APPROVE,  ReturningCustomer
      1000.00,  2,         1000.00, APPROVE,  ReturningCustomer
      1000.01,  2,         0,       REVIEW,   LargeOrderFewDeliveries
      1000.01,  1,         999.99,  REVIEW,   LargeOrderFewDeliveries
      120,      2,         0,       APPROVE,  ReturningCustomer
      """)
  void decides(double amountDue, int deliveredOrders, double unpaidInvoices, String decision, String rule)
      throws Exception {
    // when
    EvaluateDecisionResponse response = evaluate(Map.of("amountDue", amountDue, "deliveredOrderCount",
        deliveredOrders, "openInvoiceAmount", unpaidInvoices));

    // then
    assertThat(response.getFailureMessage()).isEmpty();
    JsonNode result = JSON.readTree(response.getDecisionOutput());
    assertThat(result.path("decision").asText()).isEqualTo(decision);
    assertThat(result.path("reason").asText()).isNotBlank();
    assertThat(matchedRule(response)).isEqualTo("Rule_" + rule);
  }

  @ParameterizedTest(name = "without {0}")
  @DisplayName("A missing fact never approves or rejects: the order goes to finance's review")
  @CsvSource({"amountDue", "deliveredOrderCount", "openInvoiceAmount"})
  void missingFactsAreReviewed(String missing) throws Exception {
    // given
    Map<String, Object> facts = new HashMap<>(Map.of("amountDue", 100, "deliveredOrderCount", 2,
        "openInvoiceAmount", 0));
    facts.remove(missing);

    // when
    EvaluateDecisionResponse response = evaluate(facts);

    // then
    assertThat(response.getFailureMessage()).isEmpty();
    JsonNode result = JSON.readTree(response.getDecisionOutput());
    assertThat(result.path("decision").asText()).isEqualTo("REVIEW");
    assertThat(result.path("reason").asText()).isEqualTo("the credit facts are incomplete");
  }

  @Test
  @DisplayName("The table is read top-down (FIRST) with the ten rules named above, and a refusal's reason reads as the "
      + "end of the customer's sentence \"Payment by invoice is not available: …\"")
  void refusalsReadForTheCustomer() throws Exception {
    // given
    DecisionTable table = (DecisionTable) Dmn.readModelFromFile(new File(DMN))
        .<Decision>getModelElementById(Decisions.CREDIT_CHECK).getExpression();
    Set<String> rules = new HashSet<>();
    table.getRules().forEach(r -> rules.add(r.getId()));

    // then
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(rules).containsExactlyInAnyOrder("Rule_MissingHistory", "Rule_MissingAmounts", "Rule_AboveInvoiceLimit",
        "Rule_TooMuchUnpaid", "Rule_LargeFirstOrder", "Rule_SmallFirstOrder", "Rule_HighOutstanding",
        "Rule_RegularCustomer", "Rule_ReturningCustomer", "Rule_LargeOrderFewDeliveries");
    JsonNode limit = JSON.readTree(evaluate(Map.of("amountDue", 6000, "deliveredOrderCount", 9,
        "openInvoiceAmount", 0)).getDecisionOutput());
    assertThat("Payment by invoice is not available: " + limit.path("reason").asText())
        .isEqualTo("Payment by invoice is not available: the order is above our invoice limit of 5,000.00");
  }

  private EvaluateDecisionResponse evaluate(Map<String, Object> variables) {
    return client.newEvaluateDecisionCommand().decisionId(Decisions.CREDIT_CHECK).variables(variables).requestTimeout(SLOW_MACHINE).send().join();
  }

  private static String matchedRule(EvaluateDecisionResponse response) {
    var matched = response.getEvaluatedDecisions().get(0).getMatchedRules();
    assertThat(matched).as("matched rules (hit policy FIRST reports the first)").isNotEmpty();
    return matched.get(0).getRuleId();
  }
}
