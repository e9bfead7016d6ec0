package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.process.PaymentProcess.Elements;
import io.orderflow.fulfillment.process.PaymentProcess.Forms;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Messages;
import io.orderflow.fulfillment.process.PaymentProcess.Topics;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per path of processes/payment-settlement.bpmn on the in-memory engine (the copy the embedded runtime
 * deploys), started as the order process calls it after the last parcel is delivered: with orderId and paymentMethod.
 */
@ZeebeProcessTest
class PaymentSettlementProcessTest {

  static final String ORDER_ID = "8a1b2c3d-0000-4000-8000-000000000077";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private PaymentTestDriver driver;

  @BeforeEach
  void deploy() throws Exception {
    driver = new PaymentTestDriver(engine, client);
    driver.deployPaymentModels();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CARD", "BANK_TRANSFER"})
  @DisplayName("A card or bank transfer payment was settled before shipping: nothing is left to do")
  void nothingToSettle(String paymentMethod) throws Exception {
    // when
    ProcessInstanceEvent settlement = startSettlement(paymentMethod);
    driver.waitForIdle();

    // then
    assertThat(settlement).isCompleted().hasPassedElement(Elements.NOTHING_TO_SETTLE);
    driver.assertNoJob(PaymentTestDriver.USER_TASK_JOB);
  }

  @Test
  @DisplayName("A free replacement was never charged: nothing to settle, nobody asked")
  void freeReplacement() throws Exception {
    // when
    ProcessInstanceEvent settlement = startSettlement("NO_CHARGE");
    driver.waitForIdle();

    // then
    assertThat(settlement).isCompleted().hasPassedElement("EndEvent_NothingCharged")
        .hasNotPassedElement(Elements.NOTHING_TO_SETTLE);
    driver.assertNoJob(PaymentTestDriver.USER_TASK_JOB);
  }

  @Test
  @DisplayName("Cash on delivery: the courier reports the amount due, the payment is recorded and finance told")
  void cashAsDue() throws Exception {
    // given
    ProcessInstanceEvent settlement = awaitCash();

    // when
    driver.publish(Messages.CASH_COLLECTED, ORDER_ID, cash(64.90, true));
    ActivatedJob record = driver.complete(JobTypes.RECORD_CASH_PAYMENT, Map.of());
    ActivatedJob tellFinance = driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.waitForIdle();

    // then
    assertThat(record.getVariablesAsMap()).containsEntry("receivedAmount", 64.9).containsEntry("amountMatches", true);
    assertThat(tellFinance.getCustomHeaders()).containsEntry(PaymentProcess.Headers.DEPARTMENT, PaymentProcess.FINANCE);
    assertThat(settlement).isCompleted().hasPassedElement(Elements.CASH_SETTLED)
        .hasNotPassedElement(Elements.RECONCILE_CASH);
  }

  @Test
  @DisplayName("Cash on delivery: another amount than due goes to finance to reconcile before the payment is recorded")
  void cashDiffers() throws Exception {
    // given
    ProcessInstanceEvent settlement = awaitCash();
    driver.publish(Messages.CASH_COLLECTED, ORDER_ID, cash(60.00, false));

    // when
    ActivatedJob reconcile = driver.completeFinanceTask(Elements.RECONCILE_CASH, Forms.RECONCILE_CASH,
        Map.of("settledAmount", 64.90, "reconciliationNote", "Courier paid the missing 4.90 on 3 Dec"));
    ActivatedJob record = driver.complete(JobTypes.RECORD_CASH_PAYMENT, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.waitForIdle();

    // then
    assertThat(reconcile.getVariablesAsMap()).containsEntry("receivedAmount", 60.0).containsEntry("amountDue", 64.9);
    assertThat(record.getVariablesAsMap()).containsEntry("settledAmount", 64.9)
        .containsEntry("reconciliationNote", "Courier paid the missing 4.90 on 3 Dec");
    assertThat(settlement).isCompleted().hasPassedElementsInOrder(Elements.RECONCILE_CASH, Elements.CASH_SETTLED);
  }

  @Test
  @DisplayName("Cash on delivery: without the courier's report for 7 days finance chases it, then the settlement "
      + "waits for the report again")
  void noRemittanceIsChased() throws Exception {
    // given
    ProcessInstanceEvent settlement = awaitCash();
    driver.passTime(Duration.ofDays(7).minusMinutes(1));
    driver.assertNoJob(PaymentTestDriver.USER_TASK_JOB);

    // when
    driver.passTime(Duration.ofMinutes(1));
    driver.completeFinanceTask(Elements.CHASE_CASH_REMITTANCE, Forms.CHASE_CASH_REMITTANCE,
        Map.of("chaseNote", "Courier will remit with the weekly statement"));
    driver.waitForIdle();

    // then
    assertThat(settlement).hasPassedElement(Elements.CASH_REMITTANCE_OVERDUE)
        .isWaitingAtElements(Elements.WAIT_FOR_CASH).isWaitingForMessages(Messages.CASH_COLLECTED);
    driver.publish(Messages.CASH_COLLECTED, ORDER_ID, cash(64.90, true));
    driver.complete(JobTypes.RECORD_CASH_PAYMENT, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.waitForIdle();
    assertThat(settlement).isCompleted().hasPassedElement(Elements.CHASE_CASH_REMITTANCE, 1);
  }

  @Test
  @DisplayName("Cash on delivery: a courier report that came before the settlement started is not lost")
  void earlyCashReportIsBuffered() throws Exception {
    // given the courier reported at the door, before the last parcel's delivery reached the order process
    client.newPublishMessageCommand().messageName(Messages.CASH_COLLECTED).correlationKey(ORDER_ID)
        .messageId("cash-collected-COL-1").timeToLive(Duration.ofDays(14)).variables(cash(64.90, true))
        .send().join();

    // when
    ProcessInstanceEvent settlement = startSettlement("CASH_ON_DELIVERY");
    driver.complete(JobTypes.EXPECT_CASH_REMITTANCE, facts());
    driver.complete(JobTypes.RECORD_CASH_PAYMENT, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.waitForIdle();

    // then
    assertThat(settlement).isCompleted().hasPassedElement(Elements.CASH_SETTLED);
  }

  @Test
  @DisplayName("Invoice: issued and sent; at the due date it is marked overdue and the customer reminded; the payment "
      + "that arrives then settles it")
  void invoiceRemindedThenPaid() throws Exception {
    // given
    ProcessInstanceEvent settlement = invoiceIssued();

    // when
    driver.passTime(Duration.ofDays(14).minusHours(1));
    driver.assertNoJob(JobTypes.RECORD_INVOICE_OVERDUE);
    driver.passTime(Duration.ofHours(2));
    driver.complete(JobTypes.RECORD_INVOICE_OVERDUE, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.INVOICE_REMINDER);
    driver.waitForIdle();
    assertThat(settlement).isWaitingAtElements(Elements.WAIT_FOR_INVOICE_PAYMENT);
    driver.publish(Messages.INVOICE_PAID, ORDER_ID, Map.of("receivedAmount", 238.40));
    ActivatedJob record = driver.complete(JobTypes.RECORD_INVOICE_PAID, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.waitForIdle();

    // then
    assertThat(record.getVariablesAsMap()).containsEntry("receivedAmount", 238.4)
        .containsEntry("invoiceNumber", "INV-2026-000123");
    assertThat(settlement).isCompleted()
        .hasPassedElementsInOrder(Elements.ISSUE_INVOICE, Elements.INVOICE_DUE, Elements.INVOICE_PAID)
        .hasNotPassedElement(Elements.HANDLE_OVERDUE_INVOICE);
  }

  @Test
  @DisplayName("Invoice: paid before the due date, no reminder is sent")
  void invoicePaidInTime() throws Exception {
    // given
    ProcessInstanceEvent settlement = invoiceIssued();
    driver.passTime(Duration.ofDays(10));

    // when
    driver.publish(Messages.INVOICE_PAID, ORDER_ID, Map.of("receivedAmount", 238.40));
    driver.complete(JobTypes.RECORD_INVOICE_PAID, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_DEPARTMENT, Topics.PAYMENT_RECEIVED);
    driver.passTime(Duration.ofDays(30));

    // then
    assertThat(settlement).isCompleted().hasPassedElement(Elements.INVOICE_PAID)
        .hasNotPassedElement(Elements.INVOICE_DUE);
    driver.assertNoJob(JobTypes.RECORD_INVOICE_OVERDUE);
  }

  @Test
  @DisplayName("Invoice: still unpaid 14 days after the due date, finance handles the overdue invoice")
  void overdueInvoiceGoesToFinance() throws Exception {
    // given
    ProcessInstanceEvent settlement = invoiceIssued();
    driver.passTime(Duration.ofDays(14).plusHours(1));
    driver.complete(JobTypes.RECORD_INVOICE_OVERDUE, Map.of());
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.INVOICE_REMINDER);

    // when
    driver.passTime(Duration.ofDays(14));
    ActivatedJob task = driver.completeFinanceTask(Elements.HANDLE_OVERDUE_INVOICE, Forms.HANDLE_OVERDUE_INVOICE,
        Map.of("overdueAction", "SEND_TO_COLLECTION", "overdueNote", "Two reminders unanswered"));
    driver.waitForIdle();

    // then
    assertThat(task.getVariablesAsMap()).containsEntry("invoiceNumber", "INV-2026-000123")
        .containsEntry("amountDue", 238.4);
    assertThat(settlement).isCompleted()
        .hasPassedElementsInOrder(Elements.INVOICE_DUE, Elements.INVOICE_LONG_OVERDUE, Elements.HANDLE_OVERDUE_INVOICE)
        .hasNotPassedElement(Elements.INVOICE_PAID);
  }

  // ------------------------------------------------------------------------------------------------------------------

  private ProcessInstanceEvent startSettlement(String paymentMethod) {
    return client.newCreateInstanceCommand().bpmnProcessId(PaymentProcess.SETTLEMENT_PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", ORDER_ID, "paymentMethod", paymentMethod)).send().join();
  }

  private ProcessInstanceEvent awaitCash() throws Exception {
    ProcessInstanceEvent settlement = startSettlement("CASH_ON_DELIVERY");
    driver.complete(JobTypes.EXPECT_CASH_REMITTANCE, facts());
    driver.waitForIdle();
    assertThat(settlement).isWaitingAtElements(Elements.WAIT_FOR_CASH);
    return settlement;
  }

  /** Issued with a due date 14 days from now, as IssueInvoiceWorker answers. */
  private ProcessInstanceEvent invoiceIssued() throws Exception {
    ProcessInstanceEvent settlement = startSettlement("INVOICE");
    Map<String, Object> issued = new java.util.HashMap<>(Map.of("orderNumber", "ORD-TEST0077", "amountDue", 238.40,
        "currency", "EUR", "invoiceNumber", "INV-2026-000123",
        "invoiceDueAt", driver.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
    driver.complete(JobTypes.ISSUE_INVOICE, issued);
    driver.completeNotification(JobTypes.NOTIFY_CUSTOMER, Topics.INVOICE_ISSUED);
    driver.waitForIdle();
    assertThat(settlement).isWaitingAtElements(Elements.WAIT_FOR_INVOICE_PAYMENT)
        .isWaitingForMessages(Messages.INVOICE_PAID);
    return settlement;
  }

  private static Map<String, Object> facts() {
    return Map.of("orderNumber", "ORD-TEST0077", "amountDue", 64.90, "currency", "EUR");
  }

  private static Map<String, Object> cash(double amount, boolean matches) {
    return Map.of("receivedAmount", amount, "amountDue", 64.90, "currency", "EUR", "amountMatches", matches);
  }
}
