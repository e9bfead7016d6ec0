package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.engine.EmbeddedModelAdapter;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Errors;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per path of processes/order-fulfillment.bpmn, run on the in-memory engine against the copy the embedded
 * runtime deploys (Camunda user tasks adapted to job-based ones). Workers are played by the test: each step's job is
 * activated and completed (or failed with the BPMN error the real worker throws).
 */
@ZeebeProcessTest
class OrderFulfillmentProcessTest {

  static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";
  static final String ORDER_ID = "3f1c9a4e-0000-4000-8000-000000000001";

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @BeforeEach
  void deployAdaptedModel() throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("processes/order-fulfillment.bpmn"));
    client.newDeployResourceCommand()
        .addResourceBytes(EmbeddedModelAdapter.toJobBasedUserTasks(bpmn), "order-fulfillment.bpmn")
        .addResourceFile("forms/pick-order.form")
        .addResourceFile("forms/pack-order.form")
        .send().join();
  }

  @Test
  @DisplayName("An order in stock and paid is picked and packed by its warehouse, shipped and ends delivered")
  void deliveredPath() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder();

    // when
    complete(JobTypes.RESERVE_STOCK, Map.of("warehouseCode", "madrid"));
    complete(JobTypes.AUTHORIZE_PAYMENT, Map.of());
    ActivatedJob pick = activate(USER_TASK_JOB);
    client.newCompleteCommand(pick.getKey()).variables(Map.of("allLinesPicked", true)).send().join();
    ActivatedJob pack = activate(USER_TASK_JOB);
    client.newCompleteCommand(pack.getKey()).variables(Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 0.6))
        .send().join();
    ActivatedJob booking = activate(JobTypes.BOOK_COURIER);
    assertThat(booking.getVariablesAsMap()).containsEntry("packageType", "MEDIUM_BOX");
    client.newCompleteCommand(booking.getKey()).variables(Map.of("trackingNumber", "SX123456785ES")).send().join();
    waitForIdle();
    assertThat(order).isWaitingAtElements(OrderFulfillmentProcess.Elements.PARCEL_DELIVERED);
    client.newPublishMessageCommand().messageName(Messages.PARCEL_DELIVERED).correlationKey(ORDER_ID)
        .timeToLive(Duration.ofMinutes(1)).send().join();
    complete(JobTypes.MARK_ORDER_DELIVERED, Map.of());

    // then
    assertThat(pick.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.PICK_ORDER);
    assertThat(pick.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"warehouse-madrid\"]");
    assertThat(pick.getCustomHeaders()).containsKey("io.camunda.zeebe:dueDate");
    assertThat(pack.getElementId()).isEqualTo(OrderFulfillmentProcess.Elements.PACK_ORDER);
    assertThat(pack.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"warehouse-madrid\"]");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("ServiceTask_ReserveStock", "ServiceTask_AuthorizePayment", "UserTask_PickOrder",
            "UserTask_PackOrder", "ServiceTask_BookCourier", "IntermediateCatchEvent_ParcelDelivered",
            "ServiceTask_MarkOrderDelivered", "EndEvent_OrderDelivered")
        .hasNotPassedElement("ServiceTask_CancelOrder")
        .hasVariableWithValue("trackingNumber", "SX123456785ES");
  }

  @Test
  @DisplayName("An order that no warehouse can ship releases what was reserved and ends cancelled")
  void outOfStockPath() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder();

    // when
    ActivatedJob reserve = activate(JobTypes.RESERVE_STOCK);
    client.newThrowErrorCommand(reserve.getKey()).errorCode(Errors.OUT_OF_STOCK)
        .errorMessage("Out of stock: PRINT-LIMITED").variables(Map.of("cancellationReason", "Out of stock: PRINT-LIMITED"))
        .send().join();
    ActivatedJob release = activate(JobTypes.RELEASE_STOCK);
    client.newCompleteCommand(release.getKey()).send().join();
    ActivatedJob cancel = activate(JobTypes.CANCEL_ORDER);
    client.newCompleteCommand(cancel.getKey()).send().join();
    waitForIdle();

    // then
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "Out of stock: PRINT-LIMITED");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("BoundaryEvent_OutOfStock", "ServiceTask_ReleaseStock", "ServiceTask_CancelOrder",
            "EndEvent_OrderCancelled")
        .hasNotPassedElement("ServiceTask_AuthorizePayment")
        .hasNotPassedElement("UserTask_PickOrder");
  }

  @Test
  @DisplayName("A declined card releases the reserved stock and ends the order cancelled with the decline reason")
  void cardDeclinedPath() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder();
    complete(JobTypes.RESERVE_STOCK, Map.of("warehouseCode", "warsaw"));

    // when
    ActivatedJob authorize = activate(JobTypes.AUTHORIZE_PAYMENT);
    client.newThrowErrorCommand(authorize.getKey()).errorCode(Errors.PAYMENT_DECLINED)
        .variables(Map.of("cancellationReason", "Payment declined: card_declined")).send().join();
    ActivatedJob release = activate(JobTypes.RELEASE_STOCK);
    client.newCompleteCommand(release.getKey()).send().join();
    ActivatedJob cancel = activate(JobTypes.CANCEL_ORDER);
    client.newCompleteCommand(cancel.getKey()).send().join();
    waitForIdle();

    // then
    assertThat(release.getVariablesAsMap()).containsEntry("orderId", ORDER_ID);
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "Payment declined: card_declined");
    assertThat(order).isCompleted()
        .hasPassedElementsInOrder("ServiceTask_ReserveStock", "BoundaryEvent_PaymentDeclined",
            "ServiceTask_ReleaseStock", "ServiceTask_CancelOrder", "EndEvent_OrderCancelled")
        .hasNotPassedElement("UserTask_PickOrder");
  }

  @Test
  @DisplayName("A delivery reported before the process waits for it is kept and still ends the order delivered")
  void earlyDeliveryMessageIsBuffered() throws Exception {
    // given
    ProcessInstanceEvent order = startOrder();
    complete(JobTypes.RESERVE_STOCK, Map.of("warehouseCode", "sofia"));
    complete(JobTypes.AUTHORIZE_PAYMENT, Map.of());
    client.newCompleteCommand(activate(USER_TASK_JOB).getKey()).variables(Map.of("allLinesPicked", true)).send().join();
    client.newCompleteCommand(activate(USER_TASK_JOB).getKey())
        .variables(Map.of("packageType", "ENVELOPE", "parcelWeightKg", 0.2)).send().join();
    ActivatedJob booking = activate(JobTypes.BOOK_COURIER);

    // when the courier reports delivery while the booking job is still being completed
    client.newPublishMessageCommand().messageName(Messages.PARCEL_DELIVERED).correlationKey(ORDER_ID)
        .messageId("parcel-delivered-SX1").timeToLive(Duration.ofHours(1)).send().join();
    client.newCompleteCommand(booking.getKey()).variables(Map.of("trackingNumber", "SX1")).send().join();
    complete(JobTypes.MARK_ORDER_DELIVERED, Map.of());

    // then
    assertThat(order).isCompleted().hasPassedElement("EndEvent_OrderDelivered");
  }

  private ProcessInstanceEvent startOrder() {
    return client.newCreateInstanceCommand().bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", ORDER_ID, "orderNumber", "ORD-TEST0001")).send().join();
  }

  private void complete(String jobType, Map<String, Object> variables) throws Exception {
    ActivatedJob job = activate(jobType);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  private ActivatedJob activate(String jobType) throws Exception {
    waitForIdle();
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).send().join().getJobs();
    assertThat(jobs).as("an activatable job of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  private void waitForIdle() throws Exception {
    // Returns as soon as the engine is idle; the limit only matters on a cold, busy CI machine.
    engine.waitForIdleState(Duration.ofSeconds(30));
  }
}
