package io.orderflow.fulfillment.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.orderflow.fulfillment.process.ReturnProcess;
import io.orderflow.fulfillment.process.ReturnProcess.Elements;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.process.ReturnProcess.Messages;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main path of processes/return.bpmn on a real Camunda 8 runtime (Camunda Process Test): the model as it is, the
 * real return-eligibility and return-outcome decisions, the job workers mocked, the warehouse's inspection a Camunda
 * user task completed as Tasklist would. The scenario of process/ReturnProcessTest#autoApprovedReturnIsRefunded.
 */
@CamundaProcessTest
@Tag(CptModels.TAG)
class CptReturnTest {

  static final String RMA = "RMA-2026-000042";

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployAndMockWorkers() {
    CptModels.deploy(client, "processes/return.bpmn", "processes/return-eligibility.dmn",
        "processes/return-outcome.dmn", "forms/review-return.form", "forms/inspect-return.form",
        "forms/decide-complaint.form", "forms/pay-out-refund.form");
    processTestContext.mockJobWorker(JobTypes.NOTIFY_RETURN_CUSTOMER).thenComplete();
    processTestContext.mockJobWorker(JobTypes.ISSUE_RETURN_LABEL)
        .thenComplete(Map.of("returnTrackingNumber", "RT000000042ES"));
    processTestContext.mockJobWorker(JobTypes.RECORD_RETURN_INSPECTION).thenComplete(Map.of(
        "receivedLines", List.of(Map.of("lineNo", 1, "sku", "TSHIRT-ORG-M", "category", "apparel",
            "receivedQuantity", 2, "condition", "AS_NEW")),
        "anythingReceived", true));
    processTestContext.mockJobWorker(JobTypes.REFUND_RETURN).thenComplete(Map.of("refundRoute", "DONE"));
    processTestContext.mockJobWorker(JobTypes.CLOSE_RETURN).thenComplete();
  }

  @Test
  @DisplayName("a change of mind within the window is approved by the decision, labelled, received, inspected, restocked and refunded")
  void autoApprovedReturnIsRefunded() {
    // given
    AtomicReference<Object> lineDecisions = new AtomicReference<>();
    processTestContext.mockJobWorker(JobTypes.RECORD_RETURN_ELIGIBILITY).withHandler((jobClient, job) -> {
      lineDecisions.set(job.getVariablesAsMap().get("lineDecisions"));
      jobClient.newCompleteCommand(job).variables(Map.of("eligibility", "APPROVED")).send().join();
    });
    AtomicReference<List<Map<String, Object>>> lineOutcomes = new AtomicReference<>();
    processTestContext.mockJobWorker(JobTypes.PUT_AWAY_RETURNED_ITEMS).withHandler((jobClient, job) -> {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> outcomes = (List<Map<String, Object>>) job.getVariablesAsMap().get("lineOutcomes");
      lineOutcomes.set(outcomes);
      jobClient.newCompleteCommand(job).send().join();
    });
    ProcessInstanceEvent rma = start();

    // when
    assertThat(rma).isWaitingForMessage(Messages.RETURN_PARCEL_ARRIVED, RMA);
    client.newPublishMessageCommand().messageName(Messages.RETURN_PARCEL_ARRIVED).correlationKey(RMA)
        .timeToLive(Duration.ofMinutes(1)).send().join();
    assertThat(byElementId(Elements.INSPECT_RETURN)).isCreated().hasCandidateGroup("warehouse");
    processTestContext.completeUserTask(byElementId(Elements.INSPECT_RETURN), Map.of("scannedItems", "TSHIRT-ORG-M",
        "inspectedLines", List.of(Map.of("lineNo", 1, "condition", "AS_NEW"))));

    // then
    assertThat(rma).isCompleted()
        .hasCompletedElementsInOrder("ServiceTask_RecordEligibility", "ServiceTask_IssueReturnLabel",
            Elements.PARCEL_ARRIVED, Elements.INSPECT_RETURN, "ServiceTask_PutAwayReturnedItems",
            "ServiceTask_RefundReturn", "ServiceTask_NotifyRefunded", Elements.RETURN_CLOSED)
        .hasNotActivatedElements(Elements.REVIEW_RETURN, Elements.DECIDE_COMPLAINT, Elements.PAY_OUT_REFUND);
    assertThat(lineDecisions.get()).isEqualTo(List.of(Map.of("lineNo", 1, "decision", "APPROVE",
        "explanation", "Within the return window.")));
    assertThat(lineOutcomes.get()).extracting(o -> o.get("outcome")).containsExactly("RESTOCK");
  }

  private ProcessInstanceEvent start() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnId", "7c0d5e2a-0000-4000-8000-000000000042");
    variables.put("orderId", "3f1c9a4e-0000-4000-8000-000000000001");
    variables.put("orderNumber", "ORD-TEST0001");
    variables.put("rmaNumber", RMA);
    variables.put("returnKind", "RETURN");
    variables.put("reason", "CHANGED_MIND");
    variables.put("daysSinceDelivery", 5);
    variables.put("returnWindowDays", 30);
    variables.put("returnParcelTimeout", "P21D");
    variables.put("warehouseCode", "madrid");
    variables.put("returnLines", List.of(Map.of("lineNo", 1, "sku", "TSHIRT-ORG-M", "productName", "TSHIRT-ORG-M",
        "category", "apparel", "quantity", 2, "unitPrice", 19.90)));
    return client.newCreateInstanceCommand().bpmnProcessId(ReturnProcess.PROCESS_ID).latestVersion()
        .variables(variables).send().join();
  }
}
