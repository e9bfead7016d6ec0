package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static io.orderflow.fulfillment.process.PaymentTestDriver.USER_TASK_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.process.PaymentProcess.Elements;
import io.orderflow.fulfillment.process.PaymentProcess.Errors;
import io.orderflow.fulfillment.process.PaymentProcess.Forms;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Messages;
import io.orderflow.fulfillment.process.PaymentProcess.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per path of processes/payment.bpmn on the in-memory engine, in the copy the embedded runtime deploys.
 * Every test runs the payment the way the order process calls it: from a small stand-in for the order process with the
 * call activity "Take payment" (inputs orderId and paymentMethod, output paymentStatus) and the error boundary that
 * catches PAYMENT_FAILED with the output mapping of cancellationReason. The tests play the workers, the customer, the
 * bank and finance.
 */
@ZeebeProcessTest
class PaymentProcessTest {

  static final String ORDER_ID = "5d7e1f2a-0000-4000-8000-000000000042";
  static final String ORDER_PROCESS = "order-process-stand-in";
  static final String PAYMENT_SECURED = "EndEvent_PaymentSecured";
  static final String ORDER_CANCELLED = "EndEvent_OrderCancelled";
  static final String PAYMENT_FAILED_BOUNDARY = "BoundaryEvent_PaymentFailed";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private PaymentTestDriver driver;

  @BeforeEach
  void deploy() throws Exception {
    driver = new PaymentTestDriver(engine, client);
    driver.deployPaymentModels();
    client.newDeployResourceCommand().addProcessModel(orderProcessStandIn(), ORDER_PROCESS + ".bpmn").send().join();
  }

  /** The contract as the order process implements it: only orderId and paymentMethod go in, only paymentStatus out. */
  static BpmnModelInstance orderProcessStandIn() {
    return Bpmn.createExecutableProcess(ORDER_PROCESS)
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
  @DisplayName("Contract with the order process: PAYMENT_FAILED thrown by \"Cancel payment\" reaches the order process's boundary event with the "
      + "customer's reason, and nothing else of the payment leaks into the order process")
  void paymentFailedReachesTheCallActivityBoundary() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("INVOICE", Map.of("internalNote", "not for the order process"));
    driver.complete(JobTypes.PREPARE_CREDIT_CHECK, creditFacts(6200.00, 4, 0));

    // when the worker of "Cancel payment" raises the error as FailPaymentWorker does
    ActivatedJob fail = driver.activate(JobTypes.FAIL_PAYMENT);
    String reason = (String) fail.getVariablesAsMap().get(PaymentProcess.Variables.FAILURE_REASON);
    client.newThrowErrorCommand(fail.getKey()).errorCode(Errors.PAYMENT_FAILED).errorMessage(reason)
        .variables(Map.of(PaymentProcess.Variables.CANCELLATION_REASON, reason)).send().join();
    driver.waitForIdle();

    // then
    assertThat(reason).isEqualTo("Payment by invoice is not available: the order is above our invoice limit of "
        + "5,000.00");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder(PAYMENT_FAILED_BOUNDARY, ORDER_CANCELLED)
        .hasNotPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("cancellationReason", reason);
    // the job's error ended the payment at "Cancel payment" (its error end event is the model's statement of it)
    assertThat(fail.getElementId()).isEqualTo(Elements.FAIL_INVOICE_PAYMENT);
    payment(order).isTerminated().hasNotPassedElement("EndEvent_InvoicePaymentFailed");
    assertThat(fail.getVariablesAsMap()).doesNotContainKey("internalNote");
  }

  @Test
  @DisplayName("Contract with the order process: A payment that is secured ends the call normally and hands paymentStatus to the order process")
  void securedPaymentHandsBackItsStatus() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CASH_ON_DELIVERY");

    // when
    ActivatedJob register = driver.complete(JobTypes.REGISTER_CASH_ON_DELIVERY,
        Map.of("paymentStatus", "COLLECT_ON_DELIVERY"));
    driver.waitForIdle();

    // then
    assertThat(register.getVariablesAsMap()).containsEntry("orderId", ORDER_ID);
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "COLLECT_ON_DELIVERY");
    payment(order).isCompleted().hasPassedElement(Elements.CASH_ON_DELIVERY_REGISTERED);
  }


  @Test
  @DisplayName("Free replacement: nothing is charged, the payment is recorded as such and the order may ship")
  void noCharge() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("NO_CHARGE");

    // when
    ActivatedJob record = driver.complete(JobTypes.RECORD_NO_CHARGE, Map.of());
    driver.waitForIdle();

    // then
    assertThat(record.getElementId()).isEqualTo("ServiceTask_RecordNoCharge");
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED);
    payment(order).isCompleted().hasPassedElementsInOrder("ServiceTask_RecordNoCharge", "EndEvent_NothingToPay");
  }

  @Test
  @DisplayName("Card: An approved card secures the payment at once")
  void approved() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CARD");

    // when
    ActivatedJob authorize = driver.complete(JobTypes.AUTHORIZE_PAYMENT,
        Map.of("paymentStatus", "AUTHORIZED", "cardAttempts", 1));
    driver.waitForIdle();

    // then
    assertThat(authorize.getElementId()).isEqualTo(Elements.AUTHORIZE_CARD);
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "AUTHORIZED");
    payment(order).isCompleted().hasPassedElementsInOrder(Elements.AUTHORIZE_CARD, Elements.CARD_AUTHORIZED)
        .hasNotPassedElement(Elements.CARD_DECLINED);
  }

  @Test
  @DisplayName("Card: A declined card asks the customer for another one; the new card is authorized and the payment "
      + "secured")
  void declinedThenNewCardApproved() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CARD");
    declineCard(1, "The card has insufficient funds");

    // when
    driver.complete(JobTypes.REQUEST_CARD_UPDATE, Map.of());
    ActivatedJob ask = driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.CARD_UPDATE_REQUIRED);
    driver.waitForIdle();
    payment(order).isWaitingAtElements(Elements.WAIT_FOR_NEW_CARD).isWaitingForMessages(Messages.CARD_UPDATED);
    driver.publish(Messages.CARD_UPDATED, ORDER_ID, Map.of());
    driver.complete(JobTypes.AUTHORIZE_PAYMENT, Map.of("paymentStatus", "AUTHORIZED", "cardAttempts", 2));
    driver.waitForIdle();

    // then
    assertThat(ask.getVariablesAsMap()).containsEntry("orderId", ORDER_ID);
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "AUTHORIZED");
    payment(order).isCompleted().hasPassedElement(Elements.CARD_DECLINED, 1)
        .hasPassedElementsInOrder(Elements.WAIT_FOR_NEW_CARD, Elements.AUTHORIZE_CARD, Elements.CARD_AUTHORIZED);
  }

  @Test
  @DisplayName("Card: Without a new card within 48 hours of the decline the payment fails with that reason")
  void noNewCardWithin48Hours() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CARD");
    declineCard(1, "The card was declined");
    driver.complete(JobTypes.REQUEST_CARD_UPDATE, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.CARD_UPDATE_REQUIRED);

    // when
    driver.passTime(Duration.ofHours(47));
    payment(order).isWaitingAtElements(Elements.WAIT_FOR_NEW_CARD);
    driver.passTime(Duration.ofHours(1));

    // then
    failPayment(order, Elements.FAIL_CARD_PAYMENT,
        "No new card was given within 48 hours after the card was declined");
    payment(order).hasPassedElement(Elements.NEW_CARD_OVERDUE).hasNotPassedElement(Elements.CARD_AUTHORIZED);
  }

  @Test
  @DisplayName("Card: After the third declined card the customer is not asked again and the payment fails")
  void thirdDeclineFails() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CARD");
    for (int attempt = 1; attempt <= 2; attempt++) {
      declineCard(attempt, "The card was declined");
      driver.complete(JobTypes.REQUEST_CARD_UPDATE, Map.of());
      driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.CARD_UPDATE_REQUIRED);
      driver.publish(Messages.CARD_UPDATED, ORDER_ID, Map.of());
    }

    // when
    declineCard(3, "The payment was blocked as likely fraud");

    // then
    failPayment(order, Elements.FAIL_CARD_PAYMENT,
        "Card payment failed after 3 attempts: The payment was blocked as likely fraud");
    payment(order).hasPassedElement(Elements.CARD_DECLINED, 3)
        .hasPassedElement("ServiceTask_RequestCardUpdate", 2);
  }

  @Test
  @DisplayName("Card: While the payment provider is down the authorization is retried with backoff, then an incident "
      + "waits for an operator; nothing is declined")
  void providerDownRetriesThenIncident() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CARD");

    // when the worker reports the outage as AuthorizePaymentWorker does: one retry less, 10 s backoff
    ActivatedJob first = driver.activate(JobTypes.AUTHORIZE_PAYMENT);
    assertThat(first.getRetries()).isEqualTo(3);
    ActivatedJob job = first;
    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      client.newFailCommand(job.getKey()).retries(retriesLeft).retryBackoff(Duration.ofSeconds(10))
          .errorMessage("Payment provider unavailable: Payment provider timed out").send().join();
      if (retriesLeft > 0) {
        driver.assertNoJob(JobTypes.AUTHORIZE_PAYMENT);
        driver.passTime(Duration.ofSeconds(10));
        job = driver.activate(JobTypes.AUTHORIZE_PAYMENT);
        assertThat(job.getRetries()).isEqualTo(retriesLeft);
      }
    }
    driver.waitForIdle();

    // then
    payment(order).hasAnyIncidents().isWaitingAtElements(Elements.AUTHORIZE_CARD)
        .hasNotPassedElement(Elements.CARD_DECLINED);
    payment(order).extractingLatestIncident().hasErrorMessage("Payment provider unavailable: Payment provider timed out");
    assertThat(order).isActive();
  }

  private void declineCard(int attempt, String reason) throws Exception {
    driver.throwError(JobTypes.AUTHORIZE_PAYMENT, Errors.PAYMENT_DECLINED,
        Map.of("declineReason", reason, "cardAttempts", attempt));
  }


  @Test
  @DisplayName("Bank transfer: The exact amount received with the payment reference secures the payment")
  void exactAmountReceived() throws Exception {
    // given
    ProcessInstanceEvent order = awaitTransfer();

    // when
    driver.publish(Messages.BANK_TRANSFER_RECEIVED, ORDER_ID, transfer(51.80, true));
    ActivatedJob confirm = driver.complete(JobTypes.CONFIRM_BANK_TRANSFER, Map.of("paymentStatus", "PAID"));
    driver.waitForIdle();

    // then
    assertThat(confirm.getVariablesAsMap()).containsEntry("receivedAmount", 51.8).containsEntry("amountMatches", true);
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED).hasVariableWithValue("paymentStatus", "PAID");
    payment(order).hasPassedElement(Elements.TRANSFER_RECEIVED)
        .hasNotPassedElement(Elements.RESOLVE_PAYMENT_DIFFERENCE)
        .hasNotPassedElement(Elements.TRANSFER_REMINDER_DUE);
  }

  @Test
  @DisplayName("Bank transfer: Another amount goes to finance; when finance accepts it the payment is secured with their note")
  void differenceAcceptedByFinance() throws Exception {
    // given
    ProcessInstanceEvent order = awaitTransfer();
    driver.publish(Messages.BANK_TRANSFER_RECEIVED, ORDER_ID, transfer(51.30, false));

    // when
    ActivatedJob task = driver.completeFinanceTask(Elements.RESOLVE_PAYMENT_DIFFERENCE,
        Forms.RESOLVE_PAYMENT_DIFFERENCE,
        Map.of("differenceDecision", "ACCEPT", "differenceNote", "Bank fee of 0.50 deducted; accepted"));
    ActivatedJob confirm = driver.complete(JobTypes.CONFIRM_BANK_TRANSFER, Map.of("paymentStatus", "PAID"));
    driver.waitForIdle();

    // then
    assertThat(task.getVariablesAsMap()).containsEntry("receivedAmount", 51.3).containsEntry("amountDue", 51.8)
        .containsEntry("paymentReference", "RF18539007547034");
    assertThat(confirm.getVariablesAsMap()).containsEntry("differenceDecision", "ACCEPT")
        .containsEntry("differenceNote", "Bank fee of 0.50 deducted; accepted");
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED).hasVariableWithValue("paymentStatus", "PAID");
    payment(order).hasPassedElementsInOrder(Elements.RESOLVE_PAYMENT_DIFFERENCE, Elements.TRANSFER_RECEIVED);
  }

  @Test
  @DisplayName("Bank transfer: Another amount that finance rejects fails the payment; the customer is told it will be refunded")
  void differenceRejectedByFinance() throws Exception {
    // given
    ProcessInstanceEvent order = awaitTransfer();
    driver.publish(Messages.BANK_TRANSFER_RECEIVED, ORDER_ID, transfer(20.00, false));

    // when
    driver.completeFinanceTask(Elements.RESOLVE_PAYMENT_DIFFERENCE, Forms.RESOLVE_PAYMENT_DIFFERENCE,
        Map.of("differenceDecision", "REJECT", "differenceNote", "Less than half paid"));

    // then
    failPayment(order, Elements.FAIL_TRANSFER_PAYMENT,
        "The amount of your bank transfer did not match the amount due; it will be refunded");
    payment(order).hasNotPassedElement(Elements.TRANSFER_RECEIVED);
  }

  @Test
  @DisplayName("Bank transfer: After 3 days without the transfer the customer is reminded, and the payment still waits")
  void reminderAfterThreeDays() throws Exception {
    // given
    ProcessInstanceEvent order = awaitTransfer();
    driver.passTime(Duration.ofDays(3).minusMinutes(1));
    driver.assertNoJob(JobTypes.NOTIFY_CUSTOMER);

    // when
    driver.passTime(Duration.ofMinutes(1));
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.TRANSFER_REMINDER);
    driver.waitForIdle();

    // then
    payment(order).hasPassedElement(Elements.TRANSFER_REMINDER_DUE).isWaitingAtElements(Elements.WAIT_FOR_TRANSFER);
    driver.publish(Messages.BANK_TRANSFER_RECEIVED, ORDER_ID, transfer(51.80, true));
    driver.complete(JobTypes.CONFIRM_BANK_TRANSFER, Map.of("paymentStatus", "PAID"));
    driver.waitForIdle();
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED);
  }

  @Test
  @DisplayName("Bank transfer: Without the transfer within 7 days the payment fails with that reason")
  void cancelledAfterSevenDays() throws Exception {
    // given
    ProcessInstanceEvent order = awaitTransfer();
    driver.passTime(Duration.ofDays(3));
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.TRANSFER_REMINDER);

    // when
    driver.passTime(Duration.ofDays(4));

    // then
    failPayment(order, Elements.FAIL_TRANSFER_PAYMENT, "No bank transfer received within 7 days");
    payment(order).hasPassedElement(Elements.TRANSFER_OVERDUE).hasNotPassedElement(Elements.TRANSFER_RECEIVED);
  }

  private ProcessInstanceEvent awaitTransfer() throws Exception {
    ProcessInstanceEvent order = startOrder("BANK_TRANSFER");
    ActivatedJob open = driver.complete(JobTypes.OPEN_BANK_TRANSFER, Map.of("orderNumber", "ORD-TEST0042",
        "paymentReference", "RF18539007547034", "amountDue", 51.80, "currency", "EUR"));
    assertThat(open.getElementId()).isEqualTo(Elements.OPEN_BANK_TRANSFER);
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.PAYMENT_INSTRUCTIONS);
    driver.waitForIdle();
    payment(order).isWaitingAtElements(Elements.WAIT_FOR_TRANSFER)
        .isWaitingForMessages(Messages.BANK_TRANSFER_RECEIVED);
    return order;
  }

  private Map<String, Object> transfer(double amount, boolean matches) {
    return Map.of("receivedAmount", amount, "amountDue", 51.80, "currency", "EUR", "amountMatches", matches);
  }


  @Test
  @DisplayName("Invoice: A returning customer's small order is approved by the credit check and the payment secured")
  void approvedByTheCreditCheck() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("INVOICE");

    // when
    driver.complete(JobTypes.PREPARE_CREDIT_CHECK, creditFacts(120.00, 2, 0));
    ActivatedJob approve = driver.complete(JobTypes.APPROVE_INVOICE_PAYMENT,
        Map.of("paymentStatus", "INVOICE_APPROVED"));
    driver.waitForIdle();

    // then
    assertThat(approve.getVariablesAsMap()).extracting("creditCheck")
        .isEqualTo(Map.of("decision", "APPROVE", "reason", "returning customer, order within 1,000.00"));
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "INVOICE_APPROVED");
    payment(order).hasPassedElementsInOrder(Elements.CHECK_CREDIT, Elements.INVOICE_APPROVED)
        .hasNotPassedElement(Elements.REVIEW_CREDIT);
  }

  @Test
  @DisplayName("Invoice: A large order of a new customer goes to finance's credit review; approved, the payment is secured")
  void reviewedAndApproved() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("INVOICE");
    driver.complete(JobTypes.PREPARE_CREDIT_CHECK, creditFacts(1500.00, 0, 0));

    // when
    ActivatedJob review = driver.completeFinanceTask(Elements.REVIEW_CREDIT, Forms.REVIEW_CREDIT,
        Map.of("creditReviewDecision", "APPROVE", "creditReviewNote", "Known business customer"));
    ActivatedJob approve = driver.complete(JobTypes.APPROVE_INVOICE_PAYMENT,
        Map.of("paymentStatus", "INVOICE_APPROVED"));
    driver.waitForIdle();

    // then
    assertThat(review.getVariablesAsMap()).extracting("creditCheck")
        .isEqualTo(Map.of("decision", "REVIEW", "reason", "this is a first order above 250.00"));
    assertThat(approve.getVariablesAsMap()).containsEntry("creditReviewNote", "Known business customer");
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "INVOICE_APPROVED");
    payment(order).hasPassedElementsInOrder(Elements.REVIEW_CREDIT, Elements.INVOICE_APPROVED);
  }

  @Test
  @DisplayName("Invoice: When finance's credit review refuses the invoice the payment fails with a reason for the customer")
  void reviewedAndRejected() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("INVOICE");
    driver.complete(JobTypes.PREPARE_CREDIT_CHECK, creditFacts(1500.00, 0, 0));

    // when
    driver.completeFinanceTask(Elements.REVIEW_CREDIT, Forms.REVIEW_CREDIT,
        Map.of("creditReviewDecision", "REJECT", "creditReviewNote", "Address does not match the company"));

    // then
    failPayment(order, Elements.FAIL_INVOICE_PAYMENT,
        "Payment by invoice is not available for this order after our credit review");
    payment(order).hasNotPassedElement(Elements.INVOICE_APPROVED);
  }

  @Test
  @DisplayName("Invoice: When the credit check rejects the invoice the payment fails with the decision's reason")
  void rejectedByTheCreditCheck() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("INVOICE");

    // when
    driver.complete(JobTypes.PREPARE_CREDIT_CHECK, creditFacts(300.00, 6, 1250.00));

    // then
    failPayment(order, Elements.FAIL_INVOICE_PAYMENT,
        "Payment by invoice is not available: unpaid invoices of more than 1,000.00 are still open");
    payment(order).hasNotPassedElement(Elements.REVIEW_CREDIT);
  }

  @Test
  @DisplayName("Cash on delivery is registered and secures the payment; the cash is settled after delivery")
  void cashOnDeliveryRegistered() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder("CASH_ON_DELIVERY");

    // when
    driver.complete(JobTypes.REGISTER_CASH_ON_DELIVERY, Map.of("paymentStatus", "COLLECT_ON_DELIVERY"));
    driver.waitForIdle();

    // then
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_SECURED)
        .hasVariableWithValue("paymentStatus", "COLLECT_ON_DELIVERY");
    driver.assertNoJob(USER_TASK_JOB);
  }

  // ------------------------------------------------------------------------------------------------------------------

  private ProcessInstanceEvent startOrder(String paymentMethod) {
    return startOrder(paymentMethod, Map.of());
  }

  private ProcessInstanceEvent startOrder(String paymentMethod, Map<String, Object> more) {
    Map<String, Object> variables = new java.util.HashMap<>(more);
    variables.put("orderId", ORDER_ID);
    variables.put("orderNumber", "ORD-TEST0042");
    variables.put("paymentMethod", paymentMethod);
    return client.newCreateInstanceCommand().bpmnProcessId(ORDER_PROCESS).latestVersion().variables(variables)
        .send().join();
  }

  private ProcessInstanceAssert payment(ProcessInstanceEvent order) {
    return PaymentTestDriver.calledProcess(order, PaymentProcess.PROCESS_ID);
  }

  private static Map<String, Object> creditFacts(double amountDue, int deliveredOrders, double unpaidInvoices) {
    return Map.of("orderNumber", "ORD-TEST0042", "amountDue", amountDue, "currency", "EUR",
        "deliveredOrderCount", deliveredOrders, "openInvoiceAmount", unpaidInvoices);
  }

  /** "Cancel payment" is reached with the reason; its worker raises PAYMENT_FAILED, which ends the order cancelled. */
  private void failPayment(ProcessInstanceEvent order, String failTask, String expectedReason) throws Exception {
    ActivatedJob fail = driver.activate(JobTypes.FAIL_PAYMENT);
    assertThat(fail.getElementId()).isEqualTo(failTask);
    assertThat(fail.getVariablesAsMap()).containsEntry(PaymentProcess.Variables.FAILURE_REASON, expectedReason);
    client.newThrowErrorCommand(fail.getKey()).errorCode(Errors.PAYMENT_FAILED).errorMessage(expectedReason)
        .variables(Map.of(PaymentProcess.Variables.CANCELLATION_REASON, expectedReason)).send().join();
    driver.waitForIdle();
    assertThat(order).isCompleted().hasPassedElement(PAYMENT_FAILED_BOUNDARY).hasPassedElement(ORDER_CANCELLED)
        .hasVariableWithValue("cancellationReason", expectedReason);
  }
}
