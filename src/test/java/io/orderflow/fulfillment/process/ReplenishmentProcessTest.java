package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Elements;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Forms;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/replenishment.bpmn on the in-memory engine, as the embedded runtime deploys it (Camunda user
 * tasks adapted to job-based ones), with the real replenishment-source decision. The workers, the supplier and the
 * staff are played by the test: what the model hands each step and where each answer leads.
 */
@ZeebeProcessTest
class ReplenishmentProcessTest {

  static final String SKU = "SMARTWATCH-S2";
  static final String WAREHOUSE = "sofia";
  static final String PO_ID = "5b7e2a10-0000-4000-8000-000000000007";
  static final String TRANSFER_ID = "9d1e2a10-0000-4000-8000-000000000003";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private PaymentTestDriver driver;

  @BeforeEach
  void deploy() throws Exception {
    driver = new PaymentTestDriver(engine, client);
    driver.deploy("processes/replenishment.bpmn", "processes/replenishment-source.dmn",
        "forms/approve-purchase-order.form", "forms/chase-supplier.form", "forms/receive-goods.form",
        "forms/receive-transfer.form");
  }

  @Test
  @DisplayName("Below the reorder point, nothing to spare elsewhere, below the approval limit: bought, confirmed, received in one delivery")
  void automaticPurchase() throws Exception {
    // given
    long instance = stockLow();
    assessed(12, 0, null);

    // when
    purchaseOrderCreated(false);
    driver.complete(JobTypes.SEND_PURCHASE_ORDER, Map.of());
    supplierAnswers(true);
    receiveDelivery(true, false);
    driver.waitForIdle();

    // then
    instance(instance).isCompleted()
        .hasPassedElementsInOrder("ServiceTask_AssessNeed", "BusinessRuleTask_ChooseSource",
            "ServiceTask_CreatePurchaseOrder", "ServiceTask_SendPurchaseOrder", Elements.SUPPLIER_ANSWERED,
            "ServiceTask_PrepareReceipt", Elements.RECEIVE_GOODS, "ServiceTask_RecordReceipt",
            "ServiceTask_ResumeOrders", "EndEvent_GoodsReceived")
        .hasNotPassedElement(Elements.APPROVE_PURCHASE_ORDER).hasNotPassedElement("ServiceTask_NotifyDiscrepancy")
        .hasNotPassedElement("ServiceTask_OrderTransfer");
  }

  @Test
  @DisplayName("Above the approval limit: purchasing approves in its form, then the purchase order is sent")
  void approvedPurchase() throws Exception {
    // given
    long instance = stockLow();
    assessed(15, 0, null);
    purchaseOrderCreated(true);

    // when
    ActivatedJob approval = staffTask(Elements.APPROVE_PURCHASE_ORDER, Forms.APPROVE_PURCHASE_ORDER, "purchasing",
        Map.of("poDecision", "APPROVE", "decisionNote", "Needed for the sale"));
    ActivatedJob record = driver.complete(JobTypes.RECORD_PURCHASE_ORDER_DECISION, Map.of("poApproved", true));
    driver.activate(JobTypes.SEND_PURCHASE_ORDER);

    // then
    assertThat(approval.getVariablesAsMap()).containsEntry("poNumber", "PO-2026-000007").containsEntry("sku", SKU);
    assertThat(record.getVariablesAsMap()).containsEntry("poDecision", "APPROVE").containsEntry("poId", PO_ID);
    instance(instance).isActive().hasPassedElement("ServiceTask_RecordDecision");
  }

  @Test
  @DisplayName("Purchasing refuses: nothing is sent, the replenishment ends")
  void refusedPurchase() throws Exception {
    // given
    long instance = stockLow();
    assessed(15, 0, null);
    purchaseOrderCreated(true);

    // when
    staffTask(Elements.APPROVE_PURCHASE_ORDER, Forms.APPROVE_PURCHASE_ORDER, "purchasing",
        Map.of("poDecision", "REFUSE", "decisionNote", "Discontinued next season"));
    driver.complete(JobTypes.RECORD_PURCHASE_ORDER_DECISION, Map.of("poApproved", false));
    driver.waitForIdle();

    // then
    instance(instance).isCompleted().hasPassedElement("EndEvent_PoRefused")
        .hasNotPassedElement("ServiceTask_SendPurchaseOrder");
    driver.assertNoJob(JobTypes.SEND_PURCHASE_ORDER);
  }

  @Test
  @DisplayName("The supplier rejects: purchasing is told and the replenishment ends (the next check proposes again)")
  void supplierRejects() throws Exception {
    // given
    long instance = sentPurchaseOrder(12);

    // when
    supplierAnswers(false);
    ActivatedJob told = driver.complete(JobTypes.NOTIFY_PURCHASING, Map.of());
    driver.waitForIdle();

    // then
    assertThat(told.getCustomHeaders()).containsEntry("topic", "SUPPLIER_REJECTED");
    instance(instance).isCompleted().hasPassedElement("EndEvent_SupplierRejected")
        .hasNotPassedElement(Elements.RECEIVE_GOODS);
  }

  @Test
  @DisplayName("A silent supplier: after 3 days purchasing chases it and waits again; the late confirmation still counts")
  void silentSupplierChasedThenConfirms() throws Exception {
    // given
    long instance = sentPurchaseOrder(12);

    // when
    driver.passTime(Duration.ofDays(3).plusMinutes(1));
    staffTask(Elements.CHASE_SUPPLIER, Forms.CHASE_SUPPLIER, "purchasing",
        Map.of("chaseDecision", "WAIT", "chaseNote", "Promised an answer by Friday"));
    supplierAnswers(true);
    driver.activate(JobTypes.PREPARE_GOODS_RECEIPT);

    // then
    instance(instance).isActive().hasPassedElementsInOrder("IntermediateCatchEvent_SupplierSilent",
        Elements.CHASE_SUPPLIER, Elements.SUPPLIER_ANSWERED);
  }

  @Test
  @DisplayName("A silent supplier that stays silent: purchasing cancels the purchase order")
  void silentSupplierCancelled() throws Exception {
    // given
    long instance = sentPurchaseOrder(12);
    driver.passTime(Duration.ofDays(3).plusMinutes(1));

    // when
    staffTask(Elements.CHASE_SUPPLIER, Forms.CHASE_SUPPLIER, "purchasing",
        Map.of("chaseDecision", "CANCEL", "chaseNote", "Supplier unreachable for a week"));
    ActivatedJob cancel = driver.complete(JobTypes.CANCEL_PURCHASE_ORDER, Map.of());
    driver.waitForIdle();

    // then
    assertThat(cancel.getVariablesAsMap()).containsEntry("chaseNote", "Supplier unreachable for a week");
    instance(instance).isCompleted().hasPassedElement("EndEvent_PoCancelled")
        .hasNotPassedElement(Elements.SUPPLIER_ANSWERED);
  }

  @Test
  @DisplayName("Partly confirmed, received in two deliveries (the first short and damaged): each delivery counted, purchasing told, orders resumed each time")
  void partialAndRepeatedReceipts() throws Exception {
    // given
    long instance = sentPurchaseOrder(20);
    supplierAnswers(true);

    // when: first delivery short and damaged, purchasing told, the rest still expected
    receiveDelivery(false, true);
    ActivatedJob claim = driver.complete(JobTypes.NOTIFY_PURCHASING, Map.of());
    // then: the receipt form comes again for what is still open, and the second delivery completes it
    receiveDelivery(true, false);
    driver.waitForIdle();

    assertThat(claim.getCustomHeaders()).containsEntry("topic", "RECEIPT_DISCREPANCY");
    instance(instance).isCompleted().hasPassedElement("EndEvent_GoodsReceived");
    assertThat(timesPassed(instance, Elements.RECEIVE_GOODS)).isEqualTo(2);
    assertThat(timesPassed(instance, "ServiceTask_ResumeOrders")).isEqualTo(2);
    assertThat(timesPassed(instance, "ServiceTask_NotifyDiscrepancy")).isEqualTo(1);
  }

  @Test
  @DisplayName("The expected delivery date passes: the supplier is reminded, the receipt stays open")
  void overdueDeliveryReminded() throws Exception {
    // given
    long instance = sentPurchaseOrder(12);
    supplierAnswers(true);
    driver.complete(JobTypes.PREPARE_GOODS_RECEIPT, Map.of("receivedLines", List.of(openLine(12)),
        "expectedDeliveryAt", driver.now().plus(Duration.ofDays(2)).toString()));
    ActivatedJob receipt = driver.activate(PaymentTestDriver.USER_TASK_JOB);
    assertThat(receipt.getElementId()).isEqualTo(Elements.RECEIVE_GOODS);

    // when
    driver.passTime(Duration.ofDays(2).plusHours(1));
    driver.complete(JobTypes.REMIND_SUPPLIER, Map.of());
    driver.waitForIdle();

    // then
    instance(instance).isActive().hasPassedElement("EndEvent_SupplierReminded")
        .isWaitingAtElements(Elements.RECEIVE_GOODS);
  }

  @Test
  @DisplayName("A nearby warehouse can spare the units: transferred instead of bought, counted at the destination, orders resumed")
  void transferInsteadOfPurchase() throws Exception {
    // given
    long instance = stockLow();
    ActivatedJob assess = assessed(10, 25, 180.4);

    // when
    driver.complete(JobTypes.ORDER_TRANSFER, Map.of("transferId", TRANSFER_ID, "transferNumber", "TR-2026-000003",
        "transferQuantity", 10));
    ActivatedJob receive = staffTask(Elements.RECEIVE_TRANSFER, Forms.RECEIVE_TRANSFER, "warehouse",
        Map.of("transferReceivedQuantity", 10, "transferDamagedQuantity", 0, "transferNotes", ""));
    driver.complete(JobTypes.RECEIVE_TRANSFER, Map.of("acceptedQuantity", 10));
    driver.complete(JobTypes.RESUME_WAITING_ORDERS, Map.of("resumedOrders", List.of()));
    driver.waitForIdle();

    // then
    assertThat(assess.getVariablesAsMap()).containsEntry("warehouseId", WAREHOUSE);
    assertThat(receive.getVariablesAsMap()).containsEntry("warehouseCode", WAREHOUSE)
        .containsEntry("transferSourceWarehouseId", "plovdiv");
    instance(instance).isCompleted().hasPassedElement("EndEvent_TransferReceived")
        .hasNotPassedElement("ServiceTask_CreatePurchaseOrder")
        .hasNotPassedElement("ServiceTask_NotifyTransferDiscrepancy");
  }

  @Test
  @DisplayName("A transfer that arrives short or damaged is reported to purchasing")
  void damagedTransferReported() throws Exception {
    // given
    long instance = stockLow();
    assessed(10, 25, 180.4);
    driver.complete(JobTypes.ORDER_TRANSFER, Map.of("transferId", TRANSFER_ID, "transferNumber", "TR-2026-000003",
        "transferQuantity", 10));

    // when
    staffTask(Elements.RECEIVE_TRANSFER, Forms.RECEIVE_TRANSFER, "warehouse",
        Map.of("transferReceivedQuantity", 10, "transferDamagedQuantity", 2, "transferNotes", "Crushed box"));
    driver.complete(JobTypes.RECEIVE_TRANSFER, Map.of("acceptedQuantity", 8));
    driver.complete(JobTypes.RESUME_WAITING_ORDERS, Map.of("resumedOrders", List.of()));
    ActivatedJob told = driver.complete(JobTypes.NOTIFY_PURCHASING, Map.of());
    driver.waitForIdle();

    // then
    assertThat(told.getCustomHeaders()).containsEntry("topic", "TRANSFER_DISCREPANCY");
    instance(instance).isCompleted().hasPassedElement("EndEvent_TransferReceived");
  }

  @Test
  @DisplayName("The surplus is gone when the transfer is ordered: the stock is bought instead")
  void transferNotPossibleFallsBackToPurchase() throws Exception {
    // given
    long instance = stockLow();
    assessed(10, 25, 180.4);

    // when
    driver.throwError(JobTypes.ORDER_TRANSFER, ReplenishmentProcess.Errors.TRANSFER_NOT_POSSIBLE, Map.of());
    driver.activate(JobTypes.CREATE_PURCHASE_ORDER);

    // then
    instance(instance).isActive().hasPassedElement("BoundaryEvent_TransferNotPossible")
        .isWaitingAtElements("ServiceTask_CreatePurchaseOrder");
  }

  @Test
  @DisplayName("No longer below the reorder point (or already on order): nothing happens")
  void nothingNeeded() throws Exception {
    // given
    long instance = stockLow();

    // when
    driver.complete(JobTypes.ASSESS_REPLENISHMENT, Map.of("needed", false));
    driver.waitForIdle();

    // then
    instance(instance).isCompleted().hasPassedElement("EndEvent_NothingNeeded");
    driver.assertNoJob(JobTypes.CREATE_PURCHASE_ORDER);
  }

  @Test
  @DisplayName("One running replenishment per SKU and warehouse: a second 'stock low' while one runs starts nothing")
  void oneReplenishmentPerSkuAndWarehouse() throws Exception {
    // given
    stockLow();

    // when
    client.newPublishMessageCommand().messageName(Messages.REPLENISHMENT_NEEDED)
        .correlationKey(ReplenishmentProcess.key(SKU, WAREHOUSE)).timeToLive(Duration.ZERO)
        .variables(Map.of("sku", SKU, "warehouseId", WAREHOUSE)).send().join();
    client.newPublishMessageCommand().messageName(Messages.REPLENISHMENT_NEEDED)
        .correlationKey(ReplenishmentProcess.key(SKU, "plovdiv")).timeToLive(Duration.ZERO)
        .variables(Map.of("sku", SKU, "warehouseId", "plovdiv")).send().join();
    driver.waitForIdle();

    // then
    assertThat(instances()).as("one for sofia, one for plovdiv").hasSize(2);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private long stockLow() throws Exception {
    int before = instances().size();
    client.newPublishMessageCommand().messageName(Messages.REPLENISHMENT_NEEDED)
        .correlationKey(ReplenishmentProcess.key(SKU, WAREHOUSE)).timeToLive(Duration.ZERO)
        .variables(Map.of("sku", SKU, "warehouseId", WAREHOUSE)).send().join();
    driver.waitForIdle();
    List<Long> started = instances();
    assertThat(started).as("a replenishment instance started").hasSize(before + 1);
    return started.get(started.size() - 1);
  }

  /** A need of {@code needed} units bought without approval: the purchase order is with the supplier. */
  private long sentPurchaseOrder(int needed) throws Exception {
    long instance = stockLow();
    assessed(needed, 0, null);
    purchaseOrderCreated(false);
    driver.complete(JobTypes.SEND_PURCHASE_ORDER, Map.of());
    return instance;
  }

  private static List<Long> instances() {
    return new ProcessInstanceRecordStreamFilter(BpmnAssert.getRecordStream().processInstanceRecords())
        .withBpmnProcessId(ReplenishmentProcess.PROCESS_ID).stream()
        .map(r -> r.getValue().getProcessInstanceKey()).distinct().toList();
  }

  private static ProcessInstanceAssert instance(long key) {
    return BpmnAssert.assertThat(new InspectedProcessInstance(key));
  }

  private static long timesPassed(long instance, String elementId) {
    return new ProcessInstanceRecordStreamFilter(BpmnAssert.getRecordStream().processInstanceRecords())
        .withProcessInstanceKey(instance).withElementId(elementId)
        .withIntent(io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED).stream().count();
  }

  /** What assess-replenishment answers: a need of {@code needed} units, and the best warehouse to transfer from. */
  private ActivatedJob assessed(int needed, int transferable, Double distanceKm) throws Exception {
    Map<String, Object> facts = new HashMap<>();
    facts.put("needed", true);
    facts.put("neededQuantity", needed);
    facts.put("available", 2);
    facts.put("reorderPoint", 5);
    facts.put("warehouseCode", WAREHOUSE);
    facts.put("transferSourceWarehouseId", transferable > 0 ? "plovdiv" : null);
    facts.put("transferableQuantity", transferable);
    facts.put("transferDistanceKm", distanceKm);
    return driver.complete(JobTypes.ASSESS_REPLENISHMENT, facts);
  }

  private void purchaseOrderCreated(boolean approvalNeeded) throws Exception {
    driver.complete(JobTypes.CREATE_PURCHASE_ORDER, Map.of("poId", PO_ID, "poNumber", "PO-2026-000007",
        "poValue", approvalNeeded ? 1208.25 : 805.50, "poCurrency", "EUR", "supplierName", "Voltware Distribution",
        "approvalNeeded", approvalNeeded));
  }

  private void supplierAnswers(boolean accepted) throws Exception {
    driver.publish(Messages.SUPPLIER_ANSWERED, PO_ID, Map.of("supplierAccepted", accepted));
  }

  /** One delivery: prepared, counted by the warehouse in its form, recorded, waiting orders resumed. */
  private void receiveDelivery(boolean everythingReceived, boolean discrepancies) throws Exception {
    Instant expected = driver.now().plus(Duration.ofDays(5));
    driver.complete(JobTypes.PREPARE_GOODS_RECEIPT, Map.of("receivedLines", List.of(openLine(12)),
        "expectedDeliveryAt", expected.toString(), "lastDelivery", false));
    Map<String, Object> counted = new HashMap<>(openLine(12));
    counted.put("receivedQuantity", 12);
    counted.put("damagedQuantity", discrepancies ? 2 : 0);
    ActivatedJob task = staffTask(Elements.RECEIVE_GOODS, Forms.RECEIVE_GOODS, "warehouse",
        Map.of("deliveryNote", "DN-4711", "receivedLines", List.of(counted)));
    assertThat(task.getVariablesAsMap()).containsEntry("warehouseCode", WAREHOUSE);
    ActivatedJob record = driver.complete(JobTypes.RECORD_GOODS_RECEIPT, Map.of("poFullyReceived", everythingReceived,
        "receiptNo", 1, "receiptDiscrepancies", discrepancies));
    assertThat(record.getVariablesAsMap()).containsEntry("deliveryNote", "DN-4711").containsKey("receivedLines");
    driver.complete(JobTypes.RESUME_WAITING_ORDERS, Map.of("resumedOrders", List.of()));
  }

  private static Map<String, Object> openLine(int open) {
    Map<String, Object> line = new HashMap<>();
    line.put("lineNo", 1);
    line.put("sku", SKU);
    line.put("productName", "Smartwatch S2");
    line.put("openQuantity", open);
    line.put("receivedQuantity", null);
    line.put("damagedQuantity", 0);
    line.put("lotOrSerials", null);
    return line;
  }

  private ActivatedJob staffTask(String elementId, String formId, String group, Map<String, Object> formValues)
      throws Exception {
    return driver.completeStaffTask(elementId, formId, group, formValues);
  }
}
