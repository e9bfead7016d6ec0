package io.orderflow.fulfillment.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Elements;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Errors;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import io.orderflow.fulfillment.process.PaymentProcess;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main paths of processes/order-fulfillment.bpmn on a real Camunda 8 runtime (Camunda Process Test, a container):
 * the model as it is, its Camunda user tasks completed as Tasklist would, its job workers mocked, the shipping-quote and
 * courier-selection decisions real. The called payment processes are stand-ins (they have their own tests), as in
 * process/OrderFulfillmentProcessTest, the in-memory suite these scenarios come from.
 */
@CamundaProcessTest
@Tag(CptModels.TAG)
class CptOrderFulfillmentTest {

  static final String ORDER_ID = "3f1c9a4e-0000-4000-8000-000000000001";
  static final String STAND_IN_PAYMENT = "stand-in-payment";
  static final String STAND_IN_SETTLEMENT = "stand-in-settlement";
  static final String TRACKING_NUMBER = "SX123456785ES";

  // injected by the extension
  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployAndMockWorkers() {
    CptModels.deploy(client, "processes/order-fulfillment.bpmn", "processes/shipping-quote.dmn",
        "processes/courier-selection.dmn", "forms/pick-order.form", "forms/pack-order.form", "forms/label-parcel.form",
        "forms/hand-over-parcel.form", "forms/arrange-redelivery.form", "forms/check-damaged-parcel.form",
        "forms/receive-returned-parcel.form", "forms/follow-up-failed-payment.form",
        "forms/answer-customer-question.form");
    CptModels.deployStandIn(client, PaymentProcess.PROCESS_ID, STAND_IN_PAYMENT);
    CptModels.deployStandIn(client, PaymentProcess.SETTLEMENT_PROCESS_ID, STAND_IN_SETTLEMENT);

    processTestContext.mockJobWorker(JobTypes.RESERVE_STOCK).thenComplete(Map.of(
        "shipments", List.of(Map.of("shipmentNo", 1, "warehouseCode", "madrid", "distanceKm", new BigDecimal("301.4"),
            "weightKg", new BigDecimal("1.2"))),
        "warehouseCode", "madrid", "allAvailable", true));
    processTestContext.mockJobWorker(JobTypes.OFFER_SHIPPING_QUOTE).thenComplete(Map.of(
        "quoteValidUntil", Instant.now().plus(Duration.ofMinutes(30)).toString(), "quoteValidFor", "PT30M"));
    processTestContext.mockJobWorker(JobTypes.BOOK_COURIER).thenComplete(Map.of("trackingNumber", TRACKING_NUMBER));
    for (String jobType : List.of(JobTypes.CONFIRM_QUOTE_ACCEPTANCE, JobTypes.ACKNOWLEDGE_ORDER,
        JobTypes.NOTIFY_DEPARTMENT, JobTypes.NOTIFY_CUSTOMER, JobTypes.DISPATCH_PARCEL, JobTypes.ISSUE_VAT_INVOICE,
        JobTypes.CAPTURE_PAYMENT, JobTypes.MARK_ORDER_DELIVERED, JobTypes.RELEASE_STOCK, JobTypes.EXPIRE_ORDER,
        STAND_IN_SETTLEMENT)) {
      processTestContext.mockJobWorker(jobType).thenComplete();
    }
  }

  @Test
  @DisplayName("the quote is accepted, the card paid, the parcel picked, packed, labelled, handed over, delivered and the payment settled")
  void deliveredPath() {
    // given
    ProcessInstanceEvent order = startOrder();
    assertThat(order).isWaitingForMessage(Messages.QUOTE_ACCEPTED, ORDER_ID);

    // when
    acceptQuote();
    processTestContext.completeJob(STAND_IN_PAYMENT, Map.of("paymentStatus", "AUTHORIZED"));
    assertThat(byElementId(Elements.PICK_ORDER)).isCreated().hasCandidateGroup("warehouse");
    processTestContext.completeUserTask(byElementId(Elements.PICK_ORDER), Map.of("allLinesPicked", true));
    processTestContext.completeUserTask(byElementId(Elements.PACK_ORDER),
        Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 1.1));
    processTestContext.completeUserTask(byElementId(Elements.LABEL_PARCEL),
        Map.of("labelAttached", true, "packingSlipEnclosed", true));
    assertThat(byElementId(Elements.HAND_OVER_PARCEL)).isCreated().hasCandidateGroup("warehouse");
    processTestContext.completeUserTask(byElementId(Elements.HAND_OVER_PARCEL), Map.of("loadingDock", "DOCK-1"));
    assertThat(order).isWaitingForMessage(Messages.PARCEL_DELIVERED, TRACKING_NUMBER);
    client.newPublishMessageCommand().messageName(Messages.PARCEL_DELIVERED).correlationKey(TRACKING_NUMBER)
        .messageId("parcel-delivered-" + TRACKING_NUMBER).timeToLive(Duration.ofMinutes(5)).send().join();

    // then
    assertThat(order).isCompleted()
        .hasCompletedElementsInOrder("ServiceTask_ReserveStock", "ServiceTask_OfferQuote",
            Elements.QUOTE_ACCEPTED, "ServiceTask_ConfirmQuote", Elements.TAKE_PAYMENT,
            "ServiceTask_AcknowledgeOrder", "ServiceTask_MarkOrderDelivered", "CallActivity_SettlePayment",
            "EndEvent_OrderDelivered")
        .hasCompletedElements(Elements.PICK_ORDER, Elements.PACK_ORDER, Elements.LABEL_PARCEL,
            Elements.HAND_OVER_PARCEL, "ServiceTask_CapturePayment")
        .hasNotActivatedElements("ServiceTask_AskAboutUnavailable", "ServiceTask_CancelOrder",
            "ServiceTask_ShareWithMarketing")
        .hasVariable("paymentStatus", "AUTHORIZED");
  }

  @Test
  @DisplayName("a quote not accepted in time (time travel past its 30 minutes) releases the stock and ends the order expired")
  void quoteExpires() {
    // given
    ProcessInstanceEvent order = startOrder();
    assertThat(order).isWaitingForMessage(Messages.QUOTE_ACCEPTED, ORDER_ID);

    // when
    processTestContext.increaseTime(Duration.ofMinutes(31));

    // then
    assertThat(order).isCompleted()
        .hasCompletedElementsInOrder("IntermediateCatchEvent_QuoteExpired", "ServiceTask_ReleaseExpired",
            "ServiceTask_ExpireOrder", "ServiceTask_NotifyExpired", "EndEvent_OrderExpired")
        .hasNotActivatedElements(Elements.TAKE_PAYMENT);
  }

  @Test
  @DisplayName("a failed payment releases the stock, cancels the order with the reason, tells the customer and asks customer service to follow up")
  void paymentFails() {
    // given
    String reason = "Card declined and not updated within 48 hours";
    AtomicReference<Map<String, Object>> cancelled = new AtomicReference<>();
    processTestContext.mockJobWorker(JobTypes.CANCEL_ORDER).withHandler((jobClient, job) -> {
      cancelled.set(job.getVariablesAsMap());
      jobClient.newCompleteCommand(job).send().join();
    });
    ProcessInstanceEvent order = startOrder();
    assertThat(order).isWaitingForMessage(Messages.QUOTE_ACCEPTED, ORDER_ID);
    acceptQuote();

    // when
    processTestContext.throwBpmnErrorFromJob(STAND_IN_PAYMENT, Errors.PAYMENT_FAILED,
        Map.of("cancellationReason", reason));
    assertThat(byElementId(Elements.FOLLOW_UP_FAILED_PAYMENT)).isCreated().hasCandidateGroup("customer-service");
    processTestContext.completeUserTask(byElementId(Elements.FOLLOW_UP_FAILED_PAYMENT),
        Map.of("contactOutcome", "REACHED"));

    // then
    assertThat(order).isCompleted()
        .hasCompletedElementsInOrder("BoundaryEvent_PaymentFailed", "ServiceTask_ReleaseUnpaid",
            "ServiceTask_CancelUnpaid", "ServiceTask_NotifyUnpaidCancelled", Elements.FOLLOW_UP_FAILED_PAYMENT,
            "EndEvent_PaymentFailed")
        .hasNotActivatedElements("ServiceTask_AcknowledgeOrder");
    assertThat(cancelled.get()).containsEntry("cancellationReason", reason);
  }

  private ProcessInstanceEvent startOrder() {
    return client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0001", "paymentMethod", "CARD",
            "deliveryMethod", "STANDARD", "marketingConsent", false, "destinationCountry", "ES",
            "slotWindow", "ALL_DAY"))
        .send().join();
  }

  private void acceptQuote() {
    client.newPublishMessageCommand().messageName(Messages.QUOTE_ACCEPTED).correlationKey(ORDER_ID)
        .timeToLive(Duration.ofMinutes(5)).send().join();
  }
}
