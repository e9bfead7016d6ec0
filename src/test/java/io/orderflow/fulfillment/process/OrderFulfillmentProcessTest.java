package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.orderflow.fulfillment.engine.EmbeddedModelAdapter;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Errors;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/order-fulfillment.bpmn, run on the in-memory engine against the copy the embedded runtime
 * deploys (Camunda user tasks adapted to job-based ones), with the real shipping-quote decision. Workers are played
 * by the test. The called payment processes are replaced by stand-ins with the same ids and contract (a payment that
 * either ends or throws PAYMENT_FAILED with a reason), so these tests are about the order process alone; the payment
 * processes have their own tests.
 */
@ZeebeProcessTest
class OrderFulfillmentProcessTest {

  static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String ORDER_ID = "3f1c9a4e-0000-4000-8000-000000000001";
  static final String STAND_IN_PAYMENT = "stand-in-payment";
  static final String STAND_IN_SETTLEMENT = "stand-in-settlement";
  static final String REFUND_PAYMENT = JobTypes.REFUND_PAYMENT;
  static final String REFUND_SHIPMENT = JobTypes.REFUND_SHIPMENT;
  static final String ISSUE_VAT_INVOICE = JobTypes.ISSUE_VAT_INVOICE;

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private RecordStream recordStream;

  @BeforeEach
  void deployModels() throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("processes/order-fulfillment.bpmn"));
    client.newDeployResourceCommand()
        .addResourceBytes(EmbeddedModelAdapter.toJobBasedUserTasks(bpmn), "order-fulfillment.bpmn")
        .addResourceFile("processes/shipping-quote.dmn")
        .addResourceFile("processes/courier-selection.dmn")
        .addResourceFile("forms/pick-order.form")
        .addResourceFile("forms/pack-order.form")
        .addResourceFile("forms/label-parcel.form")
        .addResourceFile("forms/hand-over-parcel.form")
        .addResourceFile("forms/arrange-redelivery.form")
        .addResourceFile("forms/check-damaged-parcel.form")
        .addResourceFile("forms/receive-returned-parcel.form")
        .addResourceFile("forms/follow-up-failed-payment.form")
        .addResourceFile("forms/answer-customer-question.form")
        .addProcessModel(standIn(PaymentProcess.PROCESS_ID, STAND_IN_PAYMENT), "payment.bpmn")
        .addProcessModel(standIn(PaymentProcess.SETTLEMENT_PROCESS_ID, STAND_IN_SETTLEMENT), "payment-settlement.bpmn")
        .send().join();
  }

  private static BpmnModelInstance standIn(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("Stand_In", t -> t.zeebeJobType(jobType))
        .endEvent().done();
  }


  @Test
  @DisplayName("the quote is accepted, the card paid, departments told, the parcel picked, packed, shipped, delivered and the payment settled")
  void deliveredPath() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", true);
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "301.4", "1.2")));

    ActivatedJob offer = activate(JobTypes.OFFER_SHIPPING_QUOTE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> quotes = (List<Map<String, Object>>) offer.getVariablesAsMap().get("shipmentQuotes");
    assertThat(quotes).hasSize(1);
    assertThat(quotes.get(0)).containsKeys("cost", "transitDays");
    offerQuote(offer, Duration.ofMinutes(30));
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    ActivatedJob payment = activate(STAND_IN_PAYMENT);
    assertThat(payment.getVariablesAsMap()).containsEntry("orderId", ORDER_ID).containsEntry("paymentMethod", "CARD");
    client.newCompleteCommand(payment.getKey()).variables(Map.of("paymentStatus", "AUTHORIZED")).send().join();
    complete(JobTypes.ACKNOWLEDGE_ORDER, Map.of());
    List<ActivatedJob> departments = activateAll(JobTypes.NOTIFY_DEPARTMENT, 1);
    assertThat(departments.get(0).getCustomHeaders()).containsEntry("department", "customer-service")
        .containsEntry("topic", "NEW_ORDER");
    completeAll(departments);
    ActivatedJob finance = activate(JobTypes.NOTIFY_DEPARTMENT);
    assertThat(finance.getCustomHeaders()).containsEntry("department", "finance");
    client.newCompleteCommand(finance.getKey()).send().join();
    ActivatedJob marketing = activate(JobTypes.NOTIFY_DEPARTMENT);
    assertThat(marketing.getCustomHeaders()).containsEntry("department", "marketing");
    client.newCompleteCommand(marketing.getKey()).send().join();

    String tracking = fulfilParcel("madrid", 1, "SX123456785ES");
    ActivatedJob capture = activate(JobTypes.CAPTURE_PAYMENT);
    assertThat(capture.getVariablesAsMap()).containsEntry("shipmentNo", 1);
    client.newCompleteCommand(capture.getKey()).send().join();
    deliverAndSettle(tracking);
    waitForIdle();

    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("ServiceTask_ReserveStock", "ServiceTask_OfferQuote",
            "IntermediateCatchEvent_QuoteAccepted", "ServiceTask_ConfirmQuote", "CallActivity_TakePayment",
            "ServiceTask_AcknowledgeOrder", "ServiceTask_MarkOrderDelivered", "CallActivity_SettlePayment",
            "EndEvent_OrderDelivered")
        // a multi-instance activity is passed once as its body and once per instance
        .hasPassedElement("BusinessRuleTask_QuoteShipping", 2)
        .hasPassedElement("SubProcess_FulfilParcel", 2)
        .hasPassedElement("ServiceTask_ShareWithMarketing")
        .hasNotPassedElement("ServiceTask_AskAboutUnavailable")
        .hasNotPassedElement("ServiceTask_CancelOrder")
        .hasVariableWithValue("paymentStatus", "AUTHORIZED");
  }

  @Test
  @DisplayName("a customer without marketing consent is not passed to marketing, and a bank transfer is not captured")
  void noConsentNoCapture() throws Exception {
    ProcessInstanceEvent order = paidOrder("BANK_TRANSFER", "EXPRESS", parcel(1, "warsaw", "12.0", "0.4"), "PAID");
    String tracking = fulfilParcel("warsaw", 1, "SX1");
    deliverAndSettle(tracking);
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_OrderDelivered")
        .hasNotPassedElement("ServiceTask_ShareWithMarketing")
        .hasNotPassedElement("ServiceTask_CapturePayment");
  }

  @Test
  @DisplayName("a quote not accepted in time releases the stock and ends the order expired")
  void quoteExpires() throws Exception {
    ProcessInstanceEvent order = quotedOrder("CARD", "STANDARD", false, parcel(1, "madrid", "5.0", "1.0"));
    waitForIdle();
    assertThat(order).isWaitingAtElements("Gateway_QuoteAnswer");

    engine.increaseTime(Duration.ofMinutes(31));
    complete(JobTypes.RELEASE_STOCK, Map.of());
    complete(JobTypes.EXPIRE_ORDER, Map.of());
    ActivatedJob tell = activate(JobTypes.NOTIFY_CUSTOMER);
    client.newCompleteCommand(tell.getKey()).send().join();
    waitForIdle();

    assertThat(tell.getCustomHeaders()).containsEntry("topic", "QUOTE_EXPIRED");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("IntermediateCatchEvent_QuoteExpired", "ServiceTask_ReleaseExpired",
            "ServiceTask_ExpireOrder", "ServiceTask_NotifyExpired", "EndEvent_OrderExpired")
        .hasNotPassedElement("CallActivity_TakePayment");
  }

  @Test
  @DisplayName("a free replacement (chargeCustomer = false) does not wait for a quote acceptance: it is recorded at once and paid by the no-charge payment")
  void freeReplacementSkipsQuoteAcceptance() throws Exception {
    // given
    ProcessInstanceEvent order = client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID)
        .latestVersion().variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0002", "paymentMethod",
            "NO_CHARGE", "deliveryMethod", "STANDARD", "marketingConsent", false, "destinationCountry", "ES",
            "slotWindow", "ALL_DAY", "chargeCustomer", false))
        .send().join();
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "301.4", "1.2")));

    // when
    offerQuote(activate(JobTypes.OFFER_SHIPPING_QUOTE), Duration.ofMinutes(30));
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    ActivatedJob payment = activate(STAND_IN_PAYMENT);

    // then
    assertThat(payment.getVariablesAsMap()).containsEntry("paymentMethod", "NO_CHARGE");
    assertThat(order).hasPassedElementsInOrder("ServiceTask_OfferQuote", "Gateway_CustomerPays",
            "Gateway_QuoteSettled", "ServiceTask_ConfirmQuote")
        .hasNotPassedElement("Gateway_QuoteAnswer").hasNotPassedElement("IntermediateCatchEvent_QuoteAccepted");
  }

  @Test
  @DisplayName("a backorder order waits for its goods; when they are reserved for it, it goes on without waiting for a quote acceptance")
  void backorderOrderWaitsThenGoesOn() throws Exception {
    // given
    ProcessInstanceEvent order = backorderOrder();
    waitForIdle();
    assertThat(order).isWaitingAtElements("Gateway_StockArrives")
        .isWaitingForMessages(Messages.BACKORDER_STOCK_ALLOCATED);
    assertThat(activateAll(JobTypes.RESERVE_STOCK, 0)).as("no reservation while waiting").isEmpty();

    // when
    client.newPublishMessageCommand().messageName(Messages.BACKORDER_STOCK_ALLOCATED).correlationKey(ORDER_ID)
        .timeToLive(Duration.ofMinutes(1)).send().join();
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "301.4", "1.2")));
    offerQuote(activate(JobTypes.OFFER_SHIPPING_QUOTE), Duration.ofMinutes(30));
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    ActivatedJob payment = activate(STAND_IN_PAYMENT);

    // then
    assertThat(payment.getVariablesAsMap()).containsEntry("paymentMethod", "CARD");
    assertThat(order).hasPassedElementsInOrder("Gateway_AwaitingStock", OrderFulfillmentProcess.Elements.BACKORDER_STOCK_ALLOCATED,
            "ServiceTask_ReserveStock", "Gateway_CustomerPays", "ServiceTask_ConfirmQuote")
        .hasNotPassedElement("IntermediateCatchEvent_QuoteAccepted");
  }

  @Test
  @DisplayName("a backorder order whose goods do not come within backorderMaxWait is cancelled with the reason")
  void backorderOrderWaitsTooLong() throws Exception {
    // given
    ProcessInstanceEvent order = backorderOrder();
    waitForIdle();

    // when
    engine.increaseTime(Duration.ofDays(30).plusMinutes(1));
    completeCancellation("The backordered items did not arrive within the promised waiting time");

    // then
    assertThat(order).isCompleted().hasPassedElementsInOrder("IntermediateCatchEvent_BackorderWaitOver",
        "EndEvent_OrderCancelled").hasNotPassedElement("ServiceTask_ReserveStock");
  }

  @Test
  @DisplayName("a backorder order cancelled by the customer while it waits ends cancelled on request")
  void backorderOrderCancelledWhileWaiting() throws Exception {
    // given
    ProcessInstanceEvent order = backorderOrder();
    waitForIdle();

    // when: goods may have been allocated a moment before; no completed step undoes them, the release does
    cancelOrder("Bought it elsewhere");
    complete(JobTypes.CANCEL_ORDER, Map.of());
    ActivatedJob release = activate(JobTypes.RELEASE_STOCK);
    client.newCompleteCommand(release.getKey()).send().join();
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    waitForIdle();

    // then
    assertThat(release.getElementId()).isEqualTo("ServiceTask_ReleaseRequested");
    assertThat(order).isCompleted().hasPassedElement("EndEvent_CancelledOnRequest")
        .hasNotPassedElement(OrderFulfillmentProcess.Elements.BACKORDER_STOCK_ALLOCATED);
  }

  @Test
  @DisplayName("an ordinary order (backorder = false) reserves at once")
  void ordinaryOrderDoesNotWait() throws Exception {
    // given
    ProcessInstanceEvent order = client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID)
        .latestVersion().variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0004", "paymentMethod",
            "CARD", "deliveryMethod", "STANDARD", "marketingConsent", false, "destinationCountry", "ES",
            "slotWindow", "ALL_DAY", "backorder", false, "backorderMaxWait", "P30D"))
        .send().join();

    // when
    activate(JobTypes.RESERVE_STOCK);

    // then
    assertThat(order).hasNotPassedElement("Gateway_StockArrives");
  }

  @Test
  @DisplayName("a parcel the decision cannot quote cancels the order with the reason")
  void noQuote() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "5.0", "0")));
    ActivatedJob offer = activate(JobTypes.OFFER_SHIPPING_QUOTE);
    @SuppressWarnings("unchecked")
    List<Object> quotes = (List<Object>) offer.getVariablesAsMap().get("shipmentQuotes");
    assertThat(quotes).containsExactly((Object) null);
    client.newThrowErrorCommand(offer.getKey()).errorCode(Errors.NO_SHIPPING_QUOTE)
        .variables(Map.of("cancellationReason", "No shipping quote for parcel 1")).send().join();
    completeCancellation("No shipping quote for parcel 1");

    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("BoundaryEvent_NoQuote", "ServiceTask_CancelOrder", "ServiceTask_ReleaseStock",
            "ServiceTask_NotifyCancelled", "EndEvent_OrderCancelled");
  }

  @Test
  @DisplayName("a failed payment releases the stock, cancels the order, tells the customer and asks customer service to follow up")
  void paymentFails() throws Exception {
    ProcessInstanceEvent order = quotedOrder("CARD", "STANDARD", false, parcel(1, "sofia", "140.2", "2.0"));
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    ActivatedJob payment = activate(STAND_IN_PAYMENT);
    client.newThrowErrorCommand(payment.getKey()).errorCode(Errors.PAYMENT_FAILED)
        .variables(Map.of("cancellationReason", "Card declined and not updated within 48 hours")).send().join();
    complete(JobTypes.RELEASE_STOCK, Map.of());
    ActivatedJob cancel = activate(JobTypes.CANCEL_ORDER);
    client.newCompleteCommand(cancel.getKey()).send().join();
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    ActivatedJob followUp = activate(USER_TASK_JOB);
    client.newCompleteCommand(followUp.getKey()).variables(Map.of("contactOutcome", "REACHED")).send().join();
    waitForIdle();

    assertThat(cancel.getVariablesAsMap())
        .containsEntry("cancellationReason", "Card declined and not updated within 48 hours");
    assertThat(followUp.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.FOLLOW_UP_FAILED_PAYMENT);
    assertThat(followUp.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"customer-service\"]");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("BoundaryEvent_PaymentFailed", "ServiceTask_ReleaseUnpaid",
            "ServiceTask_CancelUnpaid", "ServiceTask_NotifyUnpaidCancelled", "UserTask_FollowUpFailedPayment",
            "EndEvent_PaymentFailed")
        .hasNotPassedElement("ServiceTask_AcknowledgeOrder");
  }

  @Test
  @DisplayName("nothing in stock cancels the order at once")
  void outOfStock() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    ActivatedJob reserve = activate(JobTypes.RESERVE_STOCK);
    client.newThrowErrorCommand(reserve.getKey()).errorCode(Errors.OUT_OF_STOCK)
        .variables(Map.of("cancellationReason", "Out of stock: PRINT-LIMITED")).send().join();
    completeCancellation("Out of stock: PRINT-LIMITED");

    assertThat(order).isCompleted().hasPassedElementsInOrder("BoundaryEvent_OutOfStock", "EndEvent_OrderCancelled")
        .hasNotPassedElement("BusinessRuleTask_QuoteShipping");
  }

  @Test
  @DisplayName("a customer question becomes a customer-service task while the order goes on")
  void customerQuestion() throws Exception {
    ProcessInstanceEvent order = quotedOrder("CARD", "STANDARD", false, parcel(1, "madrid", "5.0", "1.0"));

    client.newPublishMessageCommand().messageName(Messages.CUSTOMER_QUESTION).correlationKey(ORDER_ID)
        .variables(Map.of("question", "Can you deliver after 18:00?")).send().join();
    ActivatedJob answer = activate(USER_TASK_JOB);
    client.newCompleteCommand(answer.getKey()).variables(Map.of("answer", "Yes, choose the evening window."))
        .send().join();
    ActivatedJob tell = activate(JobTypes.NOTIFY_CUSTOMER);
    client.newCompleteCommand(tell.getKey()).send().join();
    waitForIdle();

    assertThat(answer.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.ANSWER_QUESTION);
    assertThat(answer.getVariablesAsMap()).containsEntry("question", "Can you deliver after 18:00?");
    assertThat(answer.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"customer-service\"]");
    assertThat(tell.getCustomHeaders()).containsEntry("topic", "QUESTION_ANSWERED")
        .containsEntry("detailVariable", "answer");
    assertThat(order).isActive().hasPassedElement("EndEvent_QuestionAnswered")
        .isWaitingAtElements("Gateway_QuoteAnswer");
  }


  @Test
  @DisplayName("each parcel is quoted, worked by its own warehouse and delivered on its own; the order completes after the last")
  void twoParcels() throws Exception {
    ProcessInstanceEvent order = startOrder("INVOICE", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "301.4", "1.0"), parcel(2, "warsaw", "2010.7", "0.5")));
    ActivatedJob offer = activate(JobTypes.OFFER_SHIPPING_QUOTE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> quotes = (List<Map<String, Object>>) offer.getVariablesAsMap().get("shipmentQuotes");
    assertThat(quotes).hasSize(2).allSatisfy(q -> assertThat(q).containsKeys("cost", "transitDays"));
    assertThat(new BigDecimal(quotes.get(1).get("cost").toString()))
        .isGreaterThan(new BigDecimal(quotes.get(0).get("cost").toString()));
    offerQuote(offer, Duration.ofMinutes(30));
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    complete(STAND_IN_PAYMENT, Map.of("paymentStatus", "INVOICE_APPROVED"));
    complete(JobTypes.ACKNOWLEDGE_ORDER, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());

    List<ActivatedJob> picks = activateAll(USER_TASK_JOB, 2);
    assertThat(picks).extracting(j -> j.getCustomHeaders().get(CANDIDATE_GROUPS))
        .containsOnly("[\"warehouse\"]");
    assertThat(picks).extracting(j -> j.getVariablesAsMap().get("warehouseCode"))
        .containsExactlyInAnyOrder("madrid", "warsaw");
    for (ActivatedJob pick : picks) {
      client.newCompleteCommand(pick.getKey()).variables(Map.of("allLinesPicked", true)).send().join();
    }
    List<ActivatedJob> packs = activateAll(USER_TASK_JOB, 2);
    for (ActivatedJob pack : packs) {
      client.newCompleteCommand(pack.getKey())
          .variables(Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 1.1)).send().join();
    }
    List<ActivatedJob> bookings = activateAll(JobTypes.BOOK_COURIER, 2);
    assertThat(bookings).extracting(j -> j.getVariablesAsMap().get("shipmentNo")).containsExactlyInAnyOrder(1, 2);
    for (ActivatedJob booking : bookings) {
      client.newCompleteCommand(booking.getKey())
          .variables(Map.of("trackingNumber", "SX" + booking.getVariablesAsMap().get("shipmentNo"))).send().join();
    }
    for (ActivatedJob label : activateAll(USER_TASK_JOB, 2)) {
      client.newCompleteCommand(label.getKey()).variables(Map.of("labelAttached", true, "packingSlipEnclosed", true))
          .send().join();
    }
    for (ActivatedJob handOver : activateAll(USER_TASK_JOB, 2)) {
      client.newCompleteCommand(handOver.getKey()).variables(Map.of("loadingDock", "DOCK-3")).send().join();
    }
    completeAll(activateAll(JobTypes.DISPATCH_PARCEL, 2));
    completeAll(activateAll(ISSUE_VAT_INVOICE, 2));
    completeAll(activateAll(JobTypes.NOTIFY_CUSTOMER, 2));
    deliver("SX1");
    waitForIdle();
    assertThat(order).isWaitingAtElements("Gateway_CourierReports");
    deliverAndSettle("SX2");
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_OrderDelivered")
        .hasNotPassedElement("ServiceTask_CapturePayment")
        .hasVariableWithValue("parcelOutcomes", List.of(
            Map.of("shipmentNo", 1, "trackingNumber", "SX1", "cancelled", false, "returned", false),
            Map.of("shipmentNo", 2, "trackingNumber", "SX2", "cancelled", false, "returned", false)));
  }


  @Test
  @DisplayName("the customer is asked; shipping what is available backorders the rest and goes on to the quote")
  void backorder() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(false, parcel(1, "madrid", "5.0", "1.0")));
    ActivatedJob ask = activate(JobTypes.NOTIFY_CUSTOMER);
    assertThat(ask.getCustomHeaders()).containsEntry("topic", "ITEMS_UNAVAILABLE");
    client.newCompleteCommand(ask.getKey()).send().join();
    decide("SHIP_AVAILABLE", null);
    complete(JobTypes.RECORD_BACKORDER, Map.of());
    waitForIdle();

    assertThat(order).isActive().hasPassedElement("ServiceTask_RecordBackorder")
        .hasPassedElement("BusinessRuleTask_QuoteShipping", 2);
    assertThat(activate(JobTypes.OFFER_SHIPPING_QUOTE)).isNotNull();
  }

  @Test
  @DisplayName("the customer cancels: the stock is released and the order ends cancelled with their reason")
  void customerCancels() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(false, parcel(1, "madrid", "5.0", "1.0")));
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    decide("CANCEL", "Cancelled by the customer: some items were not available");
    completeCancellation("Cancelled by the customer: some items were not available");

    assertThat(order).isCompleted().hasPassedElement("EndEvent_OrderCancelled")
        .hasNotPassedElement("ServiceTask_RecordBackorder");
  }

  @Test
  @DisplayName("no answer within 2 days cancels the order")
  void noAnswer() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(false, parcel(1, "madrid", "5.0", "1.0")));
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    waitForIdle();
    engine.increaseTime(Duration.ofDays(2).plusMinutes(1));
    completeCancellation("No answer about the unavailable items within 2 days");

    assertThat(order).isCompleted().hasPassedElementsInOrder("IntermediateCatchEvent_BackorderTimeout",
        "EndEvent_OrderCancelled");
  }

  @Test
  @DisplayName("a pick not done within 4 hours tells the warehouse's supervisors, and the pick goes on")
  void pickOverdue() throws Exception {
    ProcessInstanceEvent order = paidOrder("CASH_ON_DELIVERY", "STANDARD", parcel(1, "sofia", "7.5", "2.0"), "COLLECT_ON_DELIVERY");
    waitForIdle();
    assertThat(order).isWaitingAtElements(OrderFulfillmentProcess.Elements.PICK_ORDER);

    engine.increaseTime(Duration.ofHours(4).plusMinutes(1));
    ActivatedJob escalation = activate(JobTypes.NOTIFY_DEPARTMENT);

    assertThat(escalation.getCustomHeaders()).containsEntry("department", "warehouse").containsEntry("topic", "PICK_OVERDUE");
    client.newCompleteCommand(escalation.getKey()).send().join();
    waitForIdle();
    assertThat(order).isWaitingAtElements(OrderFulfillmentProcess.Elements.PICK_ORDER)
        .hasPassedElement("EndEvent_PickEscalated");
    fulfilParcel("sofia", 1, "SX9");
    assertThat(order).hasNotPassedElement("ServiceTask_CapturePayment");
  }

  @Test
  @DisplayName("a failed delivery asks customer service to arrange a new attempt, then the parcel waits for the courier again")
  void deliveryFailsThenSucceeds() throws Exception {
    ProcessInstanceEvent order = paidOrder("BANK_TRANSFER", "STANDARD", parcel(1, "madrid", "5.0", "1.0"), "PAID");
    fulfilParcel("madrid", 1, "SX5");

    client.newPublishMessageCommand().messageName(Messages.PARCEL_DELIVERY_FAILED).correlationKey("SX5")
        .variables(Map.of("courierReason", "Nobody at home", "courierLocation", "Madrid 28013"))
        .timeToLive(Duration.ofMinutes(5)).send().join();
    ActivatedJob arrange = activate(USER_TASK_JOB);
    assertThat(arrange.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.ARRANGE_REDELIVERY);
    assertThat(arrange.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"customer-service\"]");
    assertThat(arrange.getVariablesAsMap()).containsEntry("courierReason", "Nobody at home");
    client.newCompleteCommand(arrange.getKey())
        .variables(Map.of("redeliveryNote", "Tomorrow 18:00-20:00", "parcelResolution", "REDELIVER")).send().join();
    waitForIdle();
    assertThat(order).isWaitingAtElements("Gateway_CourierReports");

    deliverAndSettle("SX5");
    waitForIdle();
    assertThat(order).isCompleted().hasPassedElement("UserTask_ArrangeRedelivery")
        .hasPassedElement("EndEvent_OrderDelivered");
  }

  @Test
  @DisplayName("a damaged parcel asks customer service to agree with courier and customer, then waits for the courier")
  void parcelDamaged() throws Exception {
    ProcessInstanceEvent order = paidOrder("BANK_TRANSFER", "EXPRESS", parcel(1, "warsaw", "9.0", "1.0"), "PAID");
    fulfilParcel("warsaw", 1, "SX6");

    client.newPublishMessageCommand().messageName(Messages.PARCEL_DAMAGED).correlationKey("SX6")
        .variables(Map.of("courierReason", "Box crushed", "courierLocation", "Warsaw hub"))
        .timeToLive(Duration.ofMinutes(5)).send().join();
    ActivatedJob check = activate(USER_TASK_JOB);
    assertThat(check.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.CHECK_DAMAGED_PARCEL);
    assertThat(check.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"customer-service\"]");
    client.newCompleteCommand(check.getKey()).variables(Map.of("damageNote", "Customer accepts, contents fine", "parcelResolution", "REDELIVER"))
        .send().join();
    deliverAndSettle("SX6");
    waitForIdle();
    assertThat(order).isCompleted().hasPassedElement("UserTask_CheckDamagedParcel")
        .hasPassedElement("EndEvent_OrderDelivered");
  }


  @Test
  @DisplayName("a damaged parcel customer service has returned: the courier brings it back, the warehouse checks it, it is taken off the bill and the customer told; with nothing delivered the order is cancelled and undone")
  void damagedParcelReturnedToSender() throws Exception {
    ProcessInstanceEvent order = paidOrder("CARD", "STANDARD", parcel(1, "sofia", "4.0", "2.0"), "AUTHORIZED");
    fulfilParcel("sofia", 1, "SX7");
    complete(JobTypes.CAPTURE_PAYMENT, Map.of());
    client.newPublishMessageCommand().messageName(Messages.PARCEL_DAMAGED).correlationKey("SX7")
        .variables(Map.of("courierReason", "Wet box", "courierLocation", "Sofia hub"))
        .timeToLive(Duration.ofMinutes(5)).send().join();
    complete(USER_TASK_JOB, Map.of("damageNote", "Customer refuses it", "parcelResolution", "RETURN_TO_SENDER"));

    ActivatedJob sendBack = activate(JobTypes.RETURN_PARCEL_TO_SENDER);
    assertThat(sendBack.getVariablesAsMap()).containsEntry("shipmentNo", 1).containsEntry("trackingNumber", "SX7");
    client.newCompleteCommand(sendBack.getKey()).send().join();
    waitForIdle();
    assertThat(order).isWaitingAtElements("IntermediateCatchEvent_ParcelReturned");
    client.newPublishMessageCommand().messageName(Messages.PARCEL_RETURNED).correlationKey("SX7")
        .timeToLive(Duration.ofMinutes(5)).send().join();
    ActivatedJob receive = activate(USER_TASK_JOB);
    assertThat(receive.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.RECEIVE_RETURNED_PARCEL);
    assertThat(receive.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"warehouse\"]");
    assertThat(receive.getVariablesAsMap()).containsEntry("warehouseCode", "sofia");
    client.newCompleteCommand(receive.getKey()).variables(Map.of("returnedCondition", "DAMAGED")).send().join();
    ActivatedJob restock = activate(JobTypes.RESTOCK_RETURNED_PARCEL);
    assertThat(restock.getVariablesAsMap()).containsEntry("returnedCondition", "DAMAGED");
    client.newCompleteCommand(restock.getKey()).variables(Map.of("parcelReturned", true)).send().join();
    complete(REFUND_SHIPMENT, Map.of());
    ActivatedJob told = activate(JobTypes.NOTIFY_CUSTOMER);
    assertThat(told.getCustomHeaders()).containsEntry("topic", "PARCEL_RETURNED");
    client.newCompleteCommand(told.getKey()).send().join();

    List<ActivatedJob> undo = new ArrayList<>(activateAll(JobTypes.RELEASE_STOCK, 1));
    undo.addAll(activateAll(REFUND_PAYMENT, 1));
    completeAll(undo);
    complete(JobTypes.CANCEL_ORDER, Map.of());
    complete(JobTypes.RELEASE_STOCK, Map.of());
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_ParcelReturned")
        .hasPassedElement("EndEvent_OrderCancelled").hasNotPassedElement("ServiceTask_MarkOrderDelivered");
  }

  // --- cancellation ------------------------------------------------------------------------------------------

  @Test
  @DisplayName("cancelled while the quote is open: the quote stops, the reservation is undone, the order ends cancelled")
  void cancelledBeforePayment() throws Exception {
    ProcessInstanceEvent order = quotedOrder("CARD", "STANDARD", false, parcel(1, "madrid", "3.0", "0.5"));

    cancelOrder("Changed my mind");

    ActivatedJob undo = activate(JobTypes.RELEASE_STOCK);
    assertThat(undo.getElementId()).isEqualTo("ServiceTask_UndoReservation");
    client.newCompleteCommand(undo.getKey()).send().join();
    ActivatedJob cancel = activate(JobTypes.CANCEL_ORDER);
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "Changed my mind");
    client.newCompleteCommand(cancel.getKey()).send().join();
    ActivatedJob release = activate(JobTypes.RELEASE_STOCK);
    assertThat(release.getElementId()).as("whatever no undo covered").isEqualTo("ServiceTask_ReleaseRequested");
    client.newCompleteCommand(release.getKey()).send().join();
    ActivatedJob tell = activate(JobTypes.NOTIFY_CUSTOMER);
    assertThat(tell.getCustomHeaders()).containsEntry("topic", "ORDER_CANCELLED");
    client.newCompleteCommand(tell.getKey()).send().join();
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_CancelledOnRequest")
        .hasPassedElement("ServiceTask_UndoReservation")
        .hasNotPassedElement("ServiceTask_RefundPayment")
        .hasNotPassedElement("ServiceTask_ConfirmQuote");
  }

  @Test
  @DisplayName("cancelled after the payment was taken: both the payment and the reservation are undone")
  void cancelledAfterPayment() throws Exception {
    ProcessInstanceEvent order = quotedOrder("CARD", "STANDARD", false, parcel(1, "madrid", "3.0", "0.5"));
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    complete(STAND_IN_PAYMENT, Map.of("paymentStatus", "AUTHORIZED"));

    cancelOrder("Ordered twice");

    List<ActivatedJob> undo = new ArrayList<>(activateAll(JobTypes.RELEASE_STOCK, 1));
    undo.addAll(activateAll(REFUND_PAYMENT, 1));
    assertThat(undo).extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("ServiceTask_UndoReservation", "ServiceTask_RefundPayment");
    assertThat(activateAll(JobTypes.ACKNOWLEDGE_ORDER, 0)).as("the acknowledgement was withdrawn").isEmpty();
    completeAll(undo);
    complete(JobTypes.CANCEL_ORDER, Map.of());
    complete(JobTypes.RELEASE_STOCK, Map.of());
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_CancelledOnRequest")
        .hasPassedElement("ServiceTask_RefundPayment").hasNotPassedElement("ServiceTask_AcknowledgeOrder");
  }

  @Test
  @DisplayName("a parcel cancelled while it is picked: the pick is withdrawn, goods and stock go back, and with no parcel left the order is cancelled and its payment undone")
  void parcelCancelledWhilePicking() throws Exception {
    ProcessInstanceEvent order = paidOrder("CARD", "STANDARD", parcel(1, "madrid", "3.0", "0.5"), "AUTHORIZED");
    ActivatedJob pick = activate(USER_TASK_JOB);
    assertThat(pick.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.PICK_ORDER);

    cancelParcel(1, "Found it cheaper");

    cancelParcelSteps(1, false, false);
    assertThat(activateAll(USER_TASK_JOB, 0)).as("no warehouse task is left open").isEmpty();
    List<ActivatedJob> undo = new ArrayList<>(activateAll(JobTypes.RELEASE_STOCK, 1));
    undo.addAll(activateAll(REFUND_PAYMENT, 1));
    assertThat(undo).extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("ServiceTask_UndoReservation", "ServiceTask_RefundPayment");
    completeAll(undo);
    completeCancellation("Found it cheaper");

    assertThat(order).isCompleted().hasPassedElement("EndEvent_ParcelCancelled")
        .hasPassedElement("IntermediateThrowEvent_UndoOrder").hasPassedElement("EndEvent_OrderCancelled")
        .hasNotPassedElement("ServiceTask_MarkOrderDelivered");
  }

  @Test
  @DisplayName("a parcel cancelled after its courier was booked: the label task is withdrawn and the booking cancelled before the goods go back")
  void parcelCancelledAfterBooking() throws Exception {
    paidOrder("INVOICE", "STANDARD", parcel(1, "madrid", "3.0", "0.5"), "INVOICE_APPROVED");
    complete(USER_TASK_JOB, Map.of("allLinesPicked", true));
    complete(USER_TASK_JOB, Map.of("packageType", "SMALL_BOX", "parcelWeightKg", 0.6));
    complete(JobTypes.BOOK_COURIER, Map.of("trackingNumber", "SX9"));
    ActivatedJob label = activate(USER_TASK_JOB);
    assertThat(label.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.LABEL_PARCEL);

    cancelParcel(1, "Wrong size ordered");

    cancelParcelSteps(1, true, false);
    assertThat(activateAll(USER_TASK_JOB, 0)).as("the label task was withdrawn").isEmpty();
  }

  @Test
  @DisplayName("one parcel of a split order cancelled: the other is delivered and the order settles for what was delivered")
  void oneParcelOfSplitOrderCancelled() throws Exception {
    ProcessInstanceEvent order = startOrder("CARD", "STANDARD", false);
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel(1, "madrid", "3.0", "0.5"), parcel(2, "warsaw", "2000.0", "0.2")));
    offerQuote(activate(JobTypes.OFFER_SHIPPING_QUOTE), Duration.ofMinutes(30));
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    complete(STAND_IN_PAYMENT, Map.of("paymentStatus", "AUTHORIZED"));
    complete(JobTypes.ACKNOWLEDGE_ORDER, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());
    waitForIdle();
    assertThat(order).isWaitingAtElements("UserTask_PickOrder");

    cancelParcel(2, "Only need the first part");
    cancelParcelSteps(2, false, true);

    String tracking = fulfilParcel("madrid", 1, "SX1");
    complete(JobTypes.CAPTURE_PAYMENT, Map.of());
    deliverAndSettle(tracking);
    waitForIdle();

    assertThat(order).isCompleted().hasPassedElement("EndEvent_OrderDelivered")
        .hasPassedElement("EndEvent_ParcelCancelledTold").hasNotPassedElement("ServiceTask_RefundPayment")
        .hasNotPassedElement("EndEvent_OrderCancelled")
        .hasVariableWithValue("parcelOutcomes", List.of(
            Map.of("shipmentNo", 1, "trackingNumber", "SX1", "cancelled", false, "returned", false),
            cancelledOutcome(2)));
  }

  // --- steps ---------------------------------------------------------------------------------------------------

  /** A backorder order (the units an earlier order could not get), paid by card, allowed to wait 30 days. */
  private ProcessInstanceEvent backorderOrder() {
    return client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0003", "paymentMethod", "CARD",
            "deliveryMethod", "STANDARD", "marketingConsent", false, "destinationCountry", "ES",
            "slotWindow", "ALL_DAY", "chargeCustomer", true, "backorder", true, "backorderMaxWait", "P30D"))
        .send().join();
  }

  private ProcessInstanceEvent startOrder(String paymentMethod, String deliveryMethod, boolean marketingConsent) {
    return client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0001", "paymentMethod", paymentMethod,
            "deliveryMethod", deliveryMethod, "marketingConsent", marketingConsent, "destinationCountry", "ES",
            "slotWindow", "ALL_DAY"))
        .send().join();
  }

  /** An order with one parcel, all in stock, quoted for 30 minutes and waiting for the customer's answer. */
  private ProcessInstanceEvent quotedOrder(String paymentMethod, String deliveryMethod, boolean consent,
      Map<String, Object> parcel) throws Exception {
    ProcessInstanceEvent order = startOrder(paymentMethod, deliveryMethod, consent);
    complete(JobTypes.RESERVE_STOCK, reserved(true, parcel));
    offerQuote(activate(JobTypes.OFFER_SHIPPING_QUOTE), Duration.ofMinutes(30));
    return order;
  }

  /**
   * A one-parcel order (no marketing consent) whose quote was accepted and whose payment (stand-in) ended with the
   * status; customer service and finance told; waiting for the parcel's pick.
   */
  private ProcessInstanceEvent paidOrder(String paymentMethod, String deliveryMethod, Map<String, Object> parcel,
      String paymentStatus) throws Exception {
    ProcessInstanceEvent order = quotedOrder(paymentMethod, deliveryMethod, false, parcel);
    acceptQuote();
    complete(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, Map.of());
    complete(STAND_IN_PAYMENT, Map.of("paymentStatus", paymentStatus));
    complete(JobTypes.ACKNOWLEDGE_ORDER, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());
    complete(JobTypes.NOTIFY_DEPARTMENT, Map.of());
    return order;
  }

  private static Map<String, Object> parcel(int no, String warehouse, String distanceKm, String weightKg) {
    return Map.of("shipmentNo", no, "warehouseCode", warehouse, "distanceKm", new BigDecimal(distanceKm),
        "weightKg", new BigDecimal(weightKg));
  }

  @SafeVarargs
  private static Map<String, Object> reserved(boolean allAvailable, Map<String, Object>... parcels) {
    return Map.of("shipments", List.of(parcels), "warehouseCode", parcels[0].get("warehouseCode"),
        "allAvailable", allAvailable);
  }

  private void offerQuote(ActivatedJob offer, Duration validity) {
    client.newCompleteCommand(offer.getKey())
        .variables(Map.of("quoteValidUntil", Instant.now().plus(validity).toString(), "quoteValidFor", validity.toString()))
        .send().join();
  }

  private void acceptQuote() {
    client.newPublishMessageCommand().messageName(Messages.QUOTE_ACCEPTED).correlationKey(ORDER_ID)
        .timeToLive(Duration.ofMinutes(5)).send().join();
  }

  private void decide(String choice, String reason) {
    Map<String, Object> variables = new HashMap<>(Map.of("backorderChoice", choice));
    if (reason != null) {
      variables.put("cancellationReason", reason);
    }
    client.newPublishMessageCommand().messageName(Messages.BACKORDER_DECISION).correlationKey(ORDER_ID)
        .variables(variables).timeToLive(Duration.ofMinutes(5)).send().join();
  }

  /** Pick, pack and book one parcel; returns its tracking number. */
  private String fulfilParcel(String warehouse, int shipmentNo, String trackingNumber) throws Exception {
    ActivatedJob pick = activate(USER_TASK_JOB);
    assertThat(pick.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.PICK_ORDER);
    assertThat(pick.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"warehouse\"]")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(pick.getVariablesAsMap()).containsEntry("warehouseCode", warehouse);
    client.newCompleteCommand(pick.getKey()).variables(Map.of("allLinesPicked", true)).send().join();
    ActivatedJob pack = activate(USER_TASK_JOB);
    assertThat(pack.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.PACK_ORDER);
    client.newCompleteCommand(pack.getKey()).variables(Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 1.1))
        .send().join();
    ActivatedJob booking = activate(JobTypes.BOOK_COURIER);
    @SuppressWarnings("unchecked")
    Map<String, Object> courier = (Map<String, Object>) booking.getVariablesAsMap().get("courier");
    assertThat(courier).as("the courier-selection decision's result")
        .containsKeys("carrier", "collectionCutoff");
    assertThat(booking.getVariablesAsMap()).containsEntry("packageType", "MEDIUM_BOX")
        .containsEntry("shipmentNo", shipmentNo).containsEntry("orderId", ORDER_ID);
    client.newCompleteCommand(booking.getKey()).variables(Map.of("trackingNumber", trackingNumber)).send().join();
    ActivatedJob label = activate(USER_TASK_JOB);
    assertThat(label.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.LABEL_PARCEL);
    assertThat(label.getVariablesAsMap()).containsEntry("trackingNumber", trackingNumber);
    client.newCompleteCommand(label.getKey()).variables(Map.of("labelAttached", true, "packingSlipEnclosed", true))
        .send().join();
    ActivatedJob handOver = activate(USER_TASK_JOB);
    assertThat(handOver.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.HAND_OVER_PARCEL);
    assertThat(handOver.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"warehouse\"]");
    assertThat(handOver.getVariablesAsMap()).containsEntry("warehouseCode", warehouse);
    client.newCompleteCommand(handOver.getKey()).variables(Map.of("loadingDock", "DOCK-1")).send().join();
    ActivatedJob dispatched = activate(JobTypes.DISPATCH_PARCEL);
    assertThat(dispatched.getVariablesAsMap()).containsEntry("orderId", ORDER_ID).containsEntry("shipmentNo", shipmentNo);
    client.newCompleteCommand(dispatched.getKey()).send().join();
    ActivatedJob invoice = activate(ISSUE_VAT_INVOICE);
    assertThat(invoice.getVariablesAsMap()).containsEntry("orderId", ORDER_ID).containsEntry("shipmentNo", shipmentNo);
    client.newCompleteCommand(invoice.getKey()).send().join();
    ActivatedJob shipped = activate(JobTypes.NOTIFY_CUSTOMER);
    assertThat(shipped.getCustomHeaders()).containsEntry("topic", "ORDER_SHIPPED");
    client.newCompleteCommand(shipped.getKey()).send().join();
    return trackingNumber;
  }

  private void deliver(String trackingNumber) {
    client.newPublishMessageCommand().messageName(Messages.PARCEL_DELIVERED).correlationKey(trackingNumber)
        .messageId("parcel-delivered-" + trackingNumber).timeToLive(Duration.ofMinutes(5)).send().join();
  }

  /** The courier delivers the (last) parcel; the order is marked delivered, the customer told, the payment settled. */
  private void deliverAndSettle(String trackingNumber) throws Exception {
    deliver(trackingNumber);
    complete(JobTypes.MARK_ORDER_DELIVERED, Map.of());
    complete(JobTypes.NOTIFY_CUSTOMER, Map.of());
    complete(STAND_IN_SETTLEMENT, Map.of());
  }

  private static Map<String, Object> cancelledOutcome(int shipmentNo) {
    Map<String, Object> outcome = new HashMap<>(Map.of("shipmentNo", shipmentNo, "cancelled", true, "returned", false));
    outcome.put("trackingNumber", null);
    return outcome;
  }

  private void cancelOrder(String reason) {
    client.newPublishMessageCommand().messageName(Messages.ORDER_CANCELLATION).correlationKey(ORDER_ID)
        .variables(Map.of("cancellationReason", reason)).timeToLive(Duration.ofMinutes(5)).send().join();
  }

  private void cancelParcel(int shipmentNo, String reason) {
    client.newPublishMessageCommand().messageName(Messages.PARCEL_CANCELLATION)
        .correlationKey(Messages.parcelKey(ORDER_ID, shipmentNo)).variables(Map.of("cancellationReason", reason))
        .timeToLive(Duration.ofMinutes(5)).send().join();
  }

  /** The parcel's cancellation path: (courier booking cancelled), goods back, stock released, off the bill, recorded. */
  private void cancelParcelSteps(int shipmentNo, boolean booked, boolean othersLeft) throws Exception {
    ActivatedJob cancelBooking = activate(JobTypes.CANCEL_COURIER_BOOKING);
    assertThat(cancelBooking.getVariablesAsMap()).containsEntry("shipmentNo", shipmentNo)
        .containsEntry("trackingNumber", booked ? "SX9" : null);
    client.newCompleteCommand(cancelBooking.getKey()).send().join();
    for (String jobType : List.of(JobTypes.RETURN_PICKED_GOODS, JobTypes.RELEASE_PARCEL_STOCK, REFUND_SHIPMENT)) {
      ActivatedJob job = activate(jobType);
      assertThat(job.getVariablesAsMap()).containsEntry("orderId", ORDER_ID).containsEntry("shipmentNo", shipmentNo);
      client.newCompleteCommand(job.getKey()).send().join();
    }
    complete(JobTypes.CANCEL_PARCEL, Map.of("parcelCancelled", true, "otherParcelsLeft", othersLeft));
    if (othersLeft) {
      ActivatedJob told = activate(JobTypes.NOTIFY_CUSTOMER);
      assertThat(told.getCustomHeaders()).containsEntry("topic", "PARCEL_CANCELLED");
      client.newCompleteCommand(told.getKey()).send().join();
    }
  }

  /** Cancelled first (nothing can be allocated to it any more), then whatever it holds released, then the customer told. */
  private void completeCancellation(String expectedReason) throws Exception {
    ActivatedJob cancel = activate(JobTypes.CANCEL_ORDER);
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", expectedReason);
    client.newCompleteCommand(cancel.getKey()).send().join();
    complete(JobTypes.RELEASE_STOCK, Map.of());
    ActivatedJob tell = activate(JobTypes.NOTIFY_CUSTOMER);
    assertThat(tell.getCustomHeaders()).containsEntry("topic", "ORDER_CANCELLED");
    client.newCompleteCommand(tell.getKey()).send().join();
    waitForIdle();
  }

  private void complete(String jobType, Map<String, Object> variables) throws Exception {
    ActivatedJob job = activate(jobType);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  private void completeAll(List<ActivatedJob> jobs) {
    jobs.forEach(j -> client.newCompleteCommand(j.getKey()).send().join());
  }

  private ActivatedJob activate(String jobType) throws Exception {
    return activateAll(jobType, 1).get(0);
  }

  private List<ActivatedJob> activateAll(String jobType, int expected) throws Exception {
    waitForIdle();
    // The idle state can be reported a moment before the jobs of the last command are activatable on a busy machine:
    // keep looking for a little while until the expected number is there (a surplus still fails the assertion).
    List<ActivatedJob> jobs = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 0 : 10).toNanos();
    do {
      jobs.addAll(client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(expected + 1 - jobs.size())
          .timeout(Duration.ofMinutes(5)).send().join().getJobs());
      if (jobs.size() < expected) {
        Thread.sleep(50);
      }
    } while (jobs.size() < expected && System.nanoTime() < deadline);
    assertThat(jobs).as("activatable jobs of type %s", jobType).hasSize(expected);
    return jobs;
  }

  private void waitForIdle() throws Exception {
    // Returns as soon as the engine is idle; the limit only matters on a cold, busy CI machine.
    engine.waitForIdleState(Duration.ofSeconds(30));
  }
}
