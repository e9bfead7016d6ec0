package io.orderflow.fulfillment.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byProcessId;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.PaymentProcess;
import io.orderflow.fulfillment.process.PaymentProcess.Elements;
import io.orderflow.fulfillment.process.PaymentProcess.Errors;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Messages;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main paths of processes/payment.bpmn on a real Camunda 8 runtime (Camunda Process Test): the model as it is,
 * called from a stand-in of the order process with the same contract as "Take payment" (orderId and paymentMethod in,
 * paymentStatus out, PAYMENT_FAILED caught on the call), its job workers mocked, finance's Camunda user task completed
 * as Tasklist would. Scenarios from process/PaymentProcessTest, the in-memory suite.
 */
@CamundaProcessTest
@Tag(CptModels.TAG)
class CptPaymentTest {

  static final String ORDER_ID = "3f1c9a4e-0000-4000-8000-000000000042";
  static final String PAYMENT_SECURED = "EndEvent_PaymentSecured";
  static final String ORDER_CANCELLED = "EndEvent_OrderCancelled";
  static final String PAYMENT_FAILED_BOUNDARY = "BoundaryEvent_PaymentFailed";

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployAndMockWorkers() {
    CptModels.deploy(client, "processes/payment.bpmn", "processes/credit-check.dmn",
        "forms/resolve-payment-difference.form", "forms/review-credit.form");
    client.newDeployResourceCommand().addProcessModel(orderProcessStandIn(), "order-fulfillment.bpmn").send().join();

    processTestContext.mockJobWorker(JobTypes.NOTIFY_CUSTOMER).thenComplete();
    processTestContext.mockJobWorker(JobTypes.OPEN_BANK_TRANSFER).thenComplete(Map.of("orderNumber", "ORD-TEST0042",
        "paymentReference", "RF18539007547034", "amountDue", 51.80, "currency", "EUR"));
    processTestContext.mockJobWorker(JobTypes.CONFIRM_BANK_TRANSFER).thenComplete(Map.of("paymentStatus", "PAID"));
    // as FailPaymentWorker: the model's failure reason becomes the order's cancellation reason
    processTestContext.mockJobWorker(JobTypes.FAIL_PAYMENT).withHandler((jobClient, job) -> {
      String reason = (String) job.getVariablesAsMap().get(PaymentProcess.Variables.FAILURE_REASON);
      jobClient.newThrowErrorCommand(job).errorCode(Errors.PAYMENT_FAILED).errorMessage(reason)
          .variables(Map.of(PaymentProcess.Variables.CANCELLATION_REASON, reason)).send().join();
    });
  }

  /** The contract as the order process implements it: only orderId and paymentMethod go in, only paymentStatus out. */
  static BpmnModelInstance orderProcessStandIn() {
    return Bpmn.createExecutableProcess(OrderFulfillmentProcess.PROCESS_ID)
        .startEvent("StartEvent_QuoteAccepted")
        .callActivity(OrderFulfillmentProcess.Elements.TAKE_PAYMENT, call -> call
            .zeebeProcessId(PaymentProcess.PROCESS_ID)
            .zeebePropagateAllParentVariables(false)
            .zeebePropagateAllChildVariables(false)
            .zeebeInputExpression("orderId", "orderId")
            .zeebeInputExpression("paymentMethod", "paymentMethod")
            .zeebeOutputExpression("paymentStatus", "paymentStatus"))
        .endEvent(PAYMENT_SECURED)
        .moveToActivity(OrderFulfillmentProcess.Elements.TAKE_PAYMENT)
        .boundaryEvent(PAYMENT_FAILED_BOUNDARY, boundary -> boundary
            .error(OrderFulfillmentProcess.Errors.PAYMENT_FAILED)
            .zeebeOutputExpression("cancellationReason", "cancellationReason"))
        .endEvent(ORDER_CANCELLED)
        .done();
  }

  @Test
  @DisplayName("Card: an approved card secures the payment at once and hands paymentStatus to the order")
  void cardApproved() {
    // given
    processTestContext.mockJobWorker(JobTypes.AUTHORIZE_PAYMENT)
        .thenComplete(Map.of("paymentStatus", "AUTHORIZED", "cardAttempts", 1));

    // when
    ProcessInstanceEvent order = startOrder("CARD");

    // then
    assertThat(order).isCompleted().hasCompletedElements(PAYMENT_SECURED)
        .hasVariable("paymentStatus", "AUTHORIZED");
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).isCompleted()
        .hasCompletedElementsInOrder(Elements.AUTHORIZE_CARD, Elements.CARD_AUTHORIZED)
        .hasNotActivatedElements(Elements.CARD_DECLINED);
  }

  @Test
  @DisplayName("Bank transfer: another amount goes to finance (a Camunda user task); accepted there, the payment is secured")
  void transferDifferenceAcceptedByFinance() {
    // given
    ProcessInstanceEvent order = startOrder("BANK_TRANSFER");
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).hasActiveElements(Elements.WAIT_FOR_TRANSFER);

    // when
    client.newPublishMessageCommand().messageName(Messages.BANK_TRANSFER_RECEIVED).correlationKey(ORDER_ID)
        .variables(Map.of("receivedAmount", 51.30, "amountDue", 51.80, "currency", "EUR", "amountMatches", false))
        .timeToLive(Duration.ofMinutes(1)).send().join();
    assertThat(byElementId(Elements.RESOLVE_PAYMENT_DIFFERENCE)).isCreated().hasCandidateGroup("finance");
    processTestContext.completeUserTask(byElementId(Elements.RESOLVE_PAYMENT_DIFFERENCE),
        Map.of("differenceDecision", "ACCEPT", "differenceNote", "Bank fee of 0.50 deducted; accepted"));

    // then
    assertThat(order).isCompleted().hasCompletedElements(PAYMENT_SECURED).hasVariable("paymentStatus", "PAID");
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).isCompleted()
        .hasCompletedElementsInOrder(Elements.RESOLVE_PAYMENT_DIFFERENCE, Elements.TRANSFER_RECEIVED);
  }

  @Test
  @DisplayName("Bank transfer: without the transfer within 7 days (time travel) the payment fails and the order is cancelled with that reason")
  void transferOverdueFailsThePayment() {
    // given
    ProcessInstanceEvent order = startOrder("BANK_TRANSFER");
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).hasActiveElements(Elements.WAIT_FOR_TRANSFER);

    // when
    processTestContext.increaseTime(Duration.ofDays(3));
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).isActive().hasActiveElements(Elements.WAIT_FOR_TRANSFER);
    processTestContext.increaseTime(Duration.ofDays(4));

    // then
    String reason = "No bank transfer received within 7 days";
    assertThat(order).isCompleted().hasCompletedElementsInOrder(PAYMENT_FAILED_BOUNDARY, ORDER_CANCELLED)
        .hasNotActivatedElements(PAYMENT_SECURED).hasVariable("cancellationReason", reason);
    assertThat(byProcessId(PaymentProcess.PROCESS_ID)).isTerminated()
        .hasCompletedElements(Elements.TRANSFER_OVERDUE).hasNotActivatedElements(Elements.TRANSFER_RECEIVED);
  }

  private ProcessInstanceEvent startOrder(String paymentMethod) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("orderId", ORDER_ID);
    variables.put("orderNumber", "ORD-TEST0042");
    variables.put("paymentMethod", paymentMethod);
    return client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID).latestVersion()
        .variables(variables).send().join();
  }
}
