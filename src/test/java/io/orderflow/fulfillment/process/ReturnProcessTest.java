package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.process.ReturnProcess.Elements;
import io.orderflow.fulfillment.process.ReturnProcess.Forms;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.process.ReturnProcess.Messages;
import io.orderflow.fulfillment.process.ReturnProcess.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/return.bpmn on the in-memory engine, as the embedded runtime deploys it (Camunda user tasks
 * adapted to job-based ones), with the real return-eligibility and return-outcome decisions. The workers and the staff
 * are played by the test: what the model hands each step and where each answer leads.
 */
@ZeebeProcessTest
class ReturnProcessTest {

  static final String RMA = "RMA-2026-000042";
  static final String RETURN_ID = "7c0d5e2a-0000-4000-8000-000000000042";
  static final String ORDER_ID = "3f1c9a4e-0000-4000-8000-000000000001";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private PaymentTestDriver driver;

  @BeforeEach
  void deploy() throws Exception {
    driver = new PaymentTestDriver(engine, client);
    driver.deploy("processes/return.bpmn", "processes/return-eligibility.dmn", "processes/return-outcome.dmn",
        "forms/review-return.form", "forms/inspect-return.form", "forms/decide-complaint.form",
        "forms/pay-out-refund.form");
  }

  @Test
  @DisplayName("A change of mind within the window is approved by the decision, labelled, received, restocked and refunded")
  void autoApprovedReturnIsRefunded() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 5, line(1, "TSHIRT-ORG-M", "apparel", 2, 19.90));
    notified(Topics.RETURN_REQUESTED);

    // when
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "APPROVED")).send().join();
    approvedUntilArrival();
    inspect(Map.of("lineNo", 1, "condition", "AS_NEW"));
    ActivatedJob putAway = recordInspectionAndPutAway(received(1, "TSHIRT-ORG-M", "apparel", 2, "AS_NEW"));
    driver.complete(JobTypes.REFUND_RETURN, Map.of("refundRoute", "DONE"));
    notified(Topics.RETURN_REFUNDED);
    driver.complete(JobTypes.CLOSE_RETURN, Map.of());
    driver.waitForIdle();

    // then
    assertThat(lineDecisions(eligibility)).containsExactly(Map.of("lineNo", 1, "decision", "APPROVE",
        "explanation", "Within the return window."));
    assertThat(outcomes(putAway)).extracting(o -> o.get("outcome")).containsExactly("RESTOCK");
    assertThat(rma).isCompleted()
        .hasPassedElementsInOrder("ServiceTask_RecordEligibility", "ServiceTask_IssueReturnLabel",
            Elements.PARCEL_ARRIVED, Elements.INSPECT_RETURN, "ServiceTask_PutAwayReturnedItems",
            "ServiceTask_RefundReturn", "ServiceTask_NotifyRefunded", Elements.RETURN_CLOSED)
        .hasNotPassedElement(Elements.REVIEW_RETURN).hasNotPassedElement(Elements.DECIDE_COMPLAINT)
        .hasNotPassedElement(Elements.PAY_OUT_REFUND);
  }

  @Test
  @DisplayName("A partial return: the decision approves one line and rejects the other; the worker's APPROVED carries on with the approved line")
  void partialReturnDecidedPerLine() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 10, line(1, "TSHIRT-ORG-M", "apparel", 1, 19.90),
        line(2, "COFFEE-BEANS-1KG", "grocery", 1, 14.50));
    notified(Topics.RETURN_REQUESTED);

    // when
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "APPROVED")).send().join();
    driver.activate(JobTypes.ISSUE_RETURN_LABEL);

    // then
    assertThat(lineDecisions(eligibility)).extracting(d -> d.get("lineNo") + ":" + d.get("decision"))
        .containsExactly("1:APPROVE", "2:REJECT");
    assertThat(rma).isActive().hasNotPassedElement(Elements.REVIEW_RETURN);
  }

  @Test
  @DisplayName("A request the decision rejects is rejected and the customer told why; no label is booked")
  void rejectedByDecision() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "WRONG_SIZE", 45, line(1, "SNEAKER-TRAIL-42", "footwear", 1, 89.95));
    notified(Topics.RETURN_REQUESTED);

    // when
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "REJECTED")).send().join();
    driver.complete(JobTypes.REJECT_RETURN, Map.of());
    notified(Topics.RETURN_REJECTED);
    driver.waitForIdle();

    // then
    assertThat(lineDecisions(eligibility)).extracting(d -> d.get("decision")).containsExactly("REJECT");
    assertThat(rma).isCompleted().hasPassedElement(Elements.RETURN_REJECTED)
        .hasNotPassedElement("ServiceTask_IssueReturnLabel");
  }

  @Test
  @DisplayName("A request that needs a person goes to customer service; approved there, it gets its label")
  void reviewApproves() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 4, line(1, "PRINT-SUNSET", "art", 1, 650.00));
    notified(Topics.RETURN_REQUESTED);
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "REVIEW")).send().join();

    // when
    ActivatedJob review = staffTask(Elements.REVIEW_RETURN, Forms.REVIEW_RETURN, "customer-service",
        Map.of("reviewDecision", "APPROVE", "reviewNote", "We send an insured label."));
    ActivatedJob record = driver.activate(JobTypes.RECORD_RETURN_REVIEW);
    client.newCompleteCommand(record.getKey()).variables(Map.of("eligibility", "APPROVED")).send().join();
    driver.activate(JobTypes.ISSUE_RETURN_LABEL);

    // then
    assertThat(lineDecisions(eligibility)).extracting(d -> d.get("decision")).containsExactly("REVIEW");
    assertThat(review.getVariablesAsMap()).containsKeys("returnLines", "lineDecisions", "rmaNumber");
    assertThat(record.getVariablesAsMap()).containsEntry("reviewDecision", "APPROVE")
        .containsEntry("reviewNote", "We send an insured label.");
    assertThat(rma).isActive().hasPassedElement("Gateway_ReviewOutcome");
  }

  @Test
  @DisplayName("Customer service rejects a reviewed request: the customer is told, nothing is booked")
  void reviewRejects() throws Exception {
    // given
    ProcessInstanceEvent rma = start("COMPLAINT", "WRONG_ITEM", 40, line(1, "TSHIRT-ORG-M", "apparel", 1, 19.90));
    notified(Topics.RETURN_REQUESTED);
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "REVIEW")).send().join();

    // when
    staffTask(Elements.REVIEW_RETURN, Forms.REVIEW_RETURN, "customer-service",
        Map.of("reviewDecision", "REJECT", "reviewNote", "The photos show the item you ordered."));
    driver.complete(JobTypes.RECORD_RETURN_REVIEW, Map.of("eligibility", "REJECTED"));
    driver.complete(JobTypes.REJECT_RETURN, Map.of());
    notified(Topics.RETURN_REJECTED);
    driver.waitForIdle();

    // then
    assertThat(rma).isCompleted().hasPassedElementsInOrder(Elements.REVIEW_RETURN, "ServiceTask_RejectReturn",
        Elements.RETURN_REJECTED).hasNotPassedElement("ServiceTask_IssueReturnLabel");
  }

  @Test
  @DisplayName("No parcel within the timeout: the RMA is closed and the customer told")
  void parcelNeverArrives() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 1, line(1, "TSHIRT-ORG-M", "apparel", 1, 19.90));
    notified(Topics.RETURN_REQUESTED);
    driver.complete(JobTypes.RECORD_RETURN_ELIGIBILITY, Map.of("eligibility", "APPROVED"));
    driver.complete(JobTypes.ISSUE_RETURN_LABEL, Map.of("returnTrackingNumber", "RT000000042ES"));
    notified(Topics.RETURN_APPROVED);

    // when
    driver.passTime(Duration.ofDays(20));
    driver.assertNoJob(JobTypes.EXPIRE_RETURN);
    driver.passTime(Duration.ofDays(2));
    driver.complete(JobTypes.EXPIRE_RETURN, Map.of());
    notified(Topics.RETURN_EXPIRED);
    driver.waitForIdle();

    // then
    assertThat(rma).isCompleted().hasPassedElement(Elements.RETURN_EXPIRED)
        .hasNotPassedElement(Elements.PARCEL_ARRIVED);
  }

  @Test
  @DisplayName("Each inspection outcome: as new restocked, opened electronics refurbished, damaged scrapped; refund paid out by finance")
  void outcomesPerLineAndBankPayout() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 3, line(1, "TSHIRT-ORG-M", "apparel", 1, 19.90),
        line(2, "HEADPHONES-BT", "electronics", 1, 79.00), line(3, "MUG-STONE", "home", 1, 12.00));
    notified(Topics.RETURN_REQUESTED);
    driver.complete(JobTypes.RECORD_RETURN_ELIGIBILITY, Map.of("eligibility", "APPROVED"));
    approvedUntilArrival();
    inspect(Map.of("lineNo", 1, "condition", "AS_NEW"));

    // when
    ActivatedJob putAway = recordInspectionAndPutAway(received(1, "TSHIRT-ORG-M", "apparel", 1, "AS_NEW"),
        received(2, "HEADPHONES-BT", "electronics", 1, "OPENED"), received(3, "MUG-STONE", "home", 1, "DAMAGED"));
    driver.complete(JobTypes.REFUND_RETURN, Map.of("refundRoute", "BANK_PAYOUT", "refundAmount", 107.95,
        "refundCurrency", "EUR"));
    ActivatedJob payout = staffTask(Elements.PAY_OUT_REFUND, Forms.PAY_OUT_REFUND, "finance",
        Map.of("payoutReference", "TRF-2026-11-0042"));
    ActivatedJob recordPayout = driver.complete(JobTypes.RECORD_RETURN_PAYOUT, Map.of());
    notified(Topics.RETURN_REFUNDED);
    driver.complete(JobTypes.CLOSE_RETURN, Map.of());
    driver.waitForIdle();

    // then
    assertThat(outcomes(putAway)).extracting(o -> o.get("lineNo") + ":" + o.get("outcome"))
        .containsExactly("1:RESTOCK", "2:REFURBISH", "3:SCRAP");
    assertThat(payout.getVariablesAsMap()).containsEntry("refundAmount", 107.95).containsEntry("refundCurrency", "EUR");
    assertThat(recordPayout.getVariablesAsMap()).containsEntry("payoutReference", "TRF-2026-11-0042");
    assertThat(rma).isCompleted().hasPassedElementsInOrder("Gateway_RefundRoute", Elements.PAY_OUT_REFUND,
        "ServiceTask_RecordPayout", "ServiceTask_NotifyRefunded", Elements.RETURN_CLOSED);
  }

  @Test
  @DisplayName("Complaint → replacement: customer service decides to replace; a free replacement order is sent, nothing refunded")
  void complaintReplaced() throws Exception {
    // given
    ProcessInstanceEvent rma = complaintInspected();

    // when
    ActivatedJob decide = staffTask(Elements.DECIDE_COMPLAINT, Forms.DECIDE_COMPLAINT, "customer-service",
        Map.of("complaintResolution", "REPLACE", "resolutionNote", "A new one is on its way."));
    driver.complete(JobTypes.SEND_REPLACEMENT, Map.of("replacementOrderId", "9d9d9d9d-0000-4000-8000-000000000001"));
    notified(Topics.RETURN_REPLACEMENT);
    driver.complete(JobTypes.CLOSE_RETURN, Map.of());
    driver.waitForIdle();

    // then
    assertThat(decide.getVariablesAsMap()).containsKeys("receivedLines", "lineOutcomes");
    assertThat(rma).isCompleted().hasPassedElementsInOrder(Elements.DECIDE_COMPLAINT, "ServiceTask_SendReplacement",
        "ServiceTask_NotifyReplacement", Elements.RETURN_CLOSED).hasNotPassedElement("ServiceTask_RefundReturn");
  }

  @Test
  @DisplayName("Complaint → refund: customer service decides to refund; the refund runs like a return's")
  void complaintRefunded() throws Exception {
    // given
    ProcessInstanceEvent rma = complaintInspected();

    // when
    staffTask(Elements.DECIDE_COMPLAINT, Forms.DECIDE_COMPLAINT, "customer-service",
        Map.of("complaintResolution", "REFUND"));
    driver.complete(JobTypes.REFUND_RETURN, Map.of("refundRoute", "DONE"));
    notified(Topics.RETURN_REFUNDED);
    driver.complete(JobTypes.CLOSE_RETURN, Map.of());
    driver.waitForIdle();

    // then
    assertThat(rma).isCompleted().hasPassedElementsInOrder(Elements.DECIDE_COMPLAINT, "ServiceTask_RefundReturn",
        "ServiceTask_NotifyRefunded", Elements.RETURN_CLOSED).hasNotPassedElement("ServiceTask_SendReplacement");
  }

  @Test
  @DisplayName("The return parcel is awaited by its RMA number: a message for another RMA does not move it")
  void arrivalCorrelatesByRma() throws Exception {
    // given
    ProcessInstanceEvent rma = start("RETURN", "CHANGED_MIND", 1, line(1, "TSHIRT-ORG-M", "apparel", 1, 19.90));
    notified(Topics.RETURN_REQUESTED);
    driver.complete(JobTypes.RECORD_RETURN_ELIGIBILITY, Map.of("eligibility", "APPROVED"));
    driver.complete(JobTypes.ISSUE_RETURN_LABEL, Map.of());
    notified(Topics.RETURN_APPROVED);

    // when
    driver.publish(Messages.RETURN_PARCEL_ARRIVED, "RMA-2026-000041", Map.of());

    // then
    driver.assertNoJob(JobTypes.NOTIFY_RETURN_CUSTOMER);
    assertThat(rma).isWaitingAtElements(Elements.AWAIT_PARCEL);
  }

  // --- steps

  private ProcessInstanceEvent start(String kind, String reason, Integer daysSinceDelivery,
      Map<String, Object>... lines) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnId", RETURN_ID);
    variables.put("orderId", ORDER_ID);
    variables.put("orderNumber", "ORD-TEST0001");
    variables.put("rmaNumber", RMA);
    variables.put("returnKind", kind);
    variables.put("reason", reason);
    variables.put("daysSinceDelivery", daysSinceDelivery);
    variables.put("returnWindowDays", 30);
    variables.put("returnParcelTimeout", "P21D");
    variables.put("warehouseCode", "madrid");
    variables.put("returnLines", List.of(lines));
    return client.newCreateInstanceCommand().bpmnProcessId(ReturnProcess.PROCESS_ID).latestVersion()
        .variables(variables).send().join();
  }

  private static Map<String, Object> line(int lineNo, String sku, String category, int quantity, double unitPrice) {
    return Map.of("lineNo", lineNo, "sku", sku, "productName", sku, "category", category, "quantity", quantity,
        "unitPrice", unitPrice);
  }

  private static Map<String, Object> received(int lineNo, String sku, String category, int quantity,
      String condition) {
    return Map.of("lineNo", lineNo, "sku", sku, "category", category, "receivedQuantity", quantity,
        "condition", condition);
  }

  private void notified(String topic) throws Exception {
    driver.completeNotification(JobTypes.NOTIFY_RETURN_CUSTOMER, topic);
  }

  /** Label booked, customer told, parcel arrived (by RMA number), customer told. */
  private void approvedUntilArrival() throws Exception {
    driver.complete(JobTypes.ISSUE_RETURN_LABEL, Map.of("returnTrackingNumber", "RT000000042ES"));
    notified(Topics.RETURN_APPROVED);
    driver.publish(Messages.RETURN_PARCEL_ARRIVED, RMA, Map.of());
    notified(Topics.RETURN_ARRIVED);
  }

  private void inspect(Map<String, Object> firstLine) throws Exception {
    staffTask(Elements.INSPECT_RETURN, Forms.INSPECT_RETURN, "warehouse",
        Map.of("scannedItems", "TSHIRT-ORG-M", "inspectedLines", List.of(firstLine)));
  }

  /** The inspection is recorded with these received lines; the outcome decision runs; returns the put-away job. */
  @SafeVarargs
  private ActivatedJob recordInspectionAndPutAway(Map<String, Object>... receivedLines) throws Exception {
    driver.complete(JobTypes.RECORD_RETURN_INSPECTION, Map.of("receivedLines", List.of(receivedLines),
        "anythingReceived", receivedLines.length > 0));
    ActivatedJob putAway = driver.activate(JobTypes.PUT_AWAY_RETURNED_ITEMS);
    client.newCompleteCommand(putAway.getKey()).send().join();
    return putAway;
  }

  private ProcessInstanceEvent complaintInspected() throws Exception {
    ProcessInstanceEvent rma = start("COMPLAINT", "DEFECTIVE", 60, line(1, "HEADPHONES-BT", "electronics", 1, 79.00));
    notified(Topics.RETURN_REQUESTED);
    ActivatedJob eligibility = driver.activate(JobTypes.RECORD_RETURN_ELIGIBILITY);
    assertThat(lineDecisions(eligibility)).extracting(d -> d.get("decision")).containsExactly("APPROVE");
    client.newCompleteCommand(eligibility.getKey()).variables(Map.of("eligibility", "APPROVED")).send().join();
    approvedUntilArrival();
    inspect(Map.of("lineNo", 1, "condition", "DEFECTIVE"));
    ActivatedJob putAway = recordInspectionAndPutAway(received(1, "HEADPHONES-BT", "electronics", 1, "DEFECTIVE"));
    assertThat(outcomes(putAway)).extracting(o -> o.get("outcome")).containsExactly("REFURBISH");
    return rma;
  }

  /** Completes the next staff task after checking it is this element's, for this group, with this form. */
  private ActivatedJob staffTask(String elementId, String formId, String group, Map<String, Object> formValues)
      throws Exception {
    return driver.completeStaffTask(elementId, formId, group, formValues);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lineDecisions(ActivatedJob job) {
    return (List<Map<String, Object>>) job.getVariablesAsMap().get("lineDecisions");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> outcomes(ActivatedJob job) {
    return (List<Map<String, Object>>) job.getVariablesAsMap().get("lineOutcomes");
  }
}
