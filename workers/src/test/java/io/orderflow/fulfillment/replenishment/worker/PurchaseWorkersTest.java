package io.orderflow.fulfillment.replenishment.worker;

import static io.orderflow.fulfillment.replenishment.PurchaseTestKit.MAT;
import static io.orderflow.fulfillment.replenishment.PurchaseTestKit.SOFIA;
import static io.orderflow.fulfillment.replenishment.PurchaseTestKit.WATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.replenishment.PurchaseOrderStatus;
import io.orderflow.fulfillment.replenishment.PurchaseTestKit;
import io.orderflow.fulfillment.replenishment.Replenishment;
import io.orderflow.fulfillment.replenishment.StockTransferStatus;
import io.orderflow.fulfillment.replenishment.Transfers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The purchase path's workers over a real replenishment service: every job done twice has one effect. */
@DisplayName("The purchase workers")
class PurchaseWorkersTest {

  final PurchaseTestKit kit = new PurchaseTestKit();
  final Replenishment replenishment = kit.replenishment;

  static ActivatedJob job(long processInstanceKey, long elementInstanceKey, Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    when(job.getElementInstanceKey()).thenReturn(elementInstanceKey);
    when(job.getElementId()).thenReturn("ServiceTask_Test");
    when(job.getCustomHeaders()).thenReturn(headers);
    return job;
  }

  @Test
  @DisplayName("create-purchase-order proposes one purchase order bound to the process, however often it runs, and "
      + "says whether purchasing must approve it")
  void createPurchaseOrder() {
    CreatePurchaseOrderWorker worker = new CreatePurchaseOrderWorker(replenishment);
    ActivatedJob job = job(7L, 70L, Map.of());

    Map<String, Object> first = worker.createPurchaseOrder(job, WATCH, SOFIA, 15);
    Map<String, Object> again = worker.createPurchaseOrder(job, WATCH, SOFIA, 15);

    assertThat(again).isEqualTo(first);
    assertThat(first).containsEntry("poNumber", "PO-2026-000001").containsEntry("poCurrency", "EUR")
        .containsEntry("supplierName", "Voltware Electronics Sp. z o.o.").containsEntry("approvalNeeded", true)
        .containsKey("poId");
    assertThat((BigDecimal) first.get("poValue")).isEqualByComparingTo("1208.25");
    assertThat(kit.purchaseOrders()).isEqualTo(1);
    assertThat(replenishment.get((String) first.get("poId")).processInstanceKey()).isEqualTo(7L);
    assertThat(worker.createPurchaseOrder(job(8L, 80L, Map.of()), MAT, SOFIA, 10))
        .containsEntry("approvalNeeded", false);
    assertThatThrownBy(() -> worker.createPurchaseOrder(job(9L, 90L, Map.of()), WATCH, SOFIA, 15))
        .as("another process instance may not take the open purchase order").hasMessageContaining("process instance 7");
  }

  @Test
  @DisplayName("record-purchase-order-decision records the approval once, by the user who completed the task")
  void recordApproval() {
    String poId = replenishment.proposeFor(WATCH, SOFIA, 15, 7L).purchaseOrder().id();
    RecordPurchaseOrderDecisionWorker worker = new RecordPurchaseOrderDecisionWorker(replenishment);

    assertThat(worker.recordDecision(poId, "APPROVE", "for the sale", "buyer.purchasing"))
        .containsExactly(Map.entry("poApproved", true));
    assertThat(worker.recordDecision(poId, "APPROVE", "for the sale", "buyer.purchasing"))
        .containsExactly(Map.entry("poApproved", true));

    assertThat(replenishment.get(poId).approvedBy()).isEqualTo("buyer.purchasing");
    assertThat(kit.history(poId)).filteredOn("APPROVED"::equals).hasSize(1);
    assertThatThrownBy(() -> worker.recordDecision(poId, "MAYBE", null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("record-purchase-order-decision refuses once; without completedBy (Tasklist) purchasing decided")
  void recordRefusal() {
    String poId = replenishment.proposeFor(WATCH, SOFIA, 15, 7L).purchaseOrder().id();
    RecordPurchaseOrderDecisionWorker worker = new RecordPurchaseOrderDecisionWorker(replenishment);

    assertThat(worker.recordDecision(poId, "REFUSE", null, null)).containsExactly(Map.entry("poApproved", false));
    assertThat(worker.recordDecision(poId, "REFUSE", null, null)).containsExactly(Map.entry("poApproved", false));

    assertThat(replenishment.get(poId).status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
    assertThat(replenishment.get(poId).decisionNote()).isEqualTo("refused by purchasing");
    assertThat(kit.history(poId)).filteredOn("REFUSED"::equals).hasSize(1);
  }

  @Test
  @DisplayName("send-purchase-order sends the purchase order to its supplier once")
  void send() {
    String poId = replenishment.proposeFor(MAT, SOFIA, 10, 7L).purchaseOrder().id();
    SendPurchaseOrderWorker worker = new SendPurchaseOrderWorker(replenishment);

    worker.sendPurchaseOrder(poId);
    worker.sendPurchaseOrder(poId);

    assertThat(kit.sentToSuppliers()).isEqualTo(1);
    assertThat(replenishment.get(poId).status()).isEqualTo(PurchaseOrderStatus.SENT);
  }

  @Test
  @DisplayName("cancel-purchase-order cancels once, with purchasing's note")
  void cancel() {
    String poId = kit.sentPurchaseOrder(MAT, 10);
    CancelPurchaseOrderWorker worker = new CancelPurchaseOrderWorker(replenishment);

    worker.cancelPurchaseOrder(poId, "not reachable since Monday");
    worker.cancelPurchaseOrder(poId, "not reachable since Monday");

    assertThat(replenishment.get(poId).status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
    assertThat(replenishment.get(poId).rejectionReason())
        .isEqualTo("no answer from the supplier: not reachable since Monday");
    assertThat(kit.history(poId)).filteredOn("CANCELLED"::equals).hasSize(1);
  }

  @Test
  @DisplayName("prepare-goods-receipt lists the open lines for the form, resets the delivery and says when to remind")
  @SuppressWarnings("unchecked")
  void prepare() {
    String poId = kit.sentPurchaseOrder(WATCH, 15);
    replenishment.confirm(poId, Map.of(WATCH, 12), LocalDate.parse("2026-12-10"));
    PrepareGoodsReceiptWorker worker = new PrepareGoodsReceiptWorker(replenishment);

    Map<String, Object> prepared = worker.prepareGoodsReceipt(poId);

    assertThat(worker.prepareGoodsReceipt(poId)).as("again").isEqualTo(prepared);
    assertThat(prepared).containsEntry("deliveryNote", "").containsEntry("lastDelivery", false)
        .containsEntry("expectedDeliveryAt", "2026-12-11T00:00:00Z");
    assertThat((List<Map<String, Object>>) prepared.get("receivedLines")).singleElement().satisfies(l -> assertThat(l)
        .containsEntry("lineNo", 1).containsEntry("sku", WATCH).containsEntry("productName", "Smartwatch S2")
        .containsEntry("openQuantity", 12).containsEntry("damagedQuantity", 0).containsEntry("receivedQuantity", null));
  }

  static Map<String, Object> formLine(String sku, Object received, Object damaged, String lots) {
    Map<String, Object> line = new HashMap<>();
    line.put("lineNo", 1L);
    line.put("sku", sku);
    line.put("receivedQuantity", received);
    line.put("damagedQuantity", damaged);
    line.put("lotOrSerials", lots);
    return line;
  }

  @Test
  @DisplayName("record-goods-receipt records one receipt per receive step: the same job twice puts the goods on hand "
      + "once; the last delivery closes the purchase order short")
  void recordReceipt() {
    String poId = kit.sentPurchaseOrder(WATCH, 15);
    replenishment.confirm(poId, Map.of(WATCH, 12), LocalDate.parse("2026-12-10"));
    RecordGoodsReceiptWorker worker = new RecordGoodsReceiptWorker(replenishment);
    ActivatedJob step1 = job(7L, 101L, Map.of());

    Map<String, Object> first = worker.recordGoodsReceipt(step1, poId, "DN-1",
        List.of(formLine(WATCH, 5L, 1.0, "SW1, SW2\nSW3")), false, "picker.sofia");
    Map<String, Object> again = worker.recordGoodsReceipt(step1, poId, "DN-1",
        List.of(formLine(WATCH, 5L, 1.0, "SW1, SW2\nSW3")), false, "picker.sofia");

    assertThat(again).isEqualTo(first);
    assertThat(first).containsEntry("receiptNo", 1).containsEntry("poFullyReceived", false)
        .containsEntry("receiptDiscrepancies", true);
    verify(kit.inventory, times(1)).receivePurchased(anyString(), eq(SOFIA), eq(WATCH), anyInt());
    Replenishment.ReceiptView receipt = replenishment.get(poId).receipts().get(0);
    assertThat(receipt.deliveryNote()).isEqualTo("DN-1");
    assertThat(receipt.deliveryReference()).isEqualTo("process-step-101");
    assertThat(receipt.receivedBy()).isEqualTo("picker.sofia");
    assertThat(receipt.lines().get(0).lotOrSerials()).containsExactly("SW1", "SW2", "SW3");

    // the next receive step: 3 good units, and the supplier sends nothing more
    Map<String, Object> last = worker.recordGoodsReceipt(job(7L, 202L, Map.of()), poId, "DN-2",
        List.of(formLine(WATCH, "3", null, null)), true, null);
    assertThat(last).containsEntry("receiptNo", 2).containsEntry("poFullyReceived", true)
        .containsEntry("receiptDiscrepancies", true);
    Replenishment.PurchaseOrderView closed = replenishment.get(poId);
    assertThat(closed.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThat(closed.receipts().get(1).receivedBy()).as("Tasklist completed it").isEqualTo("warehouse");
    assertThat(closed.history()).last().satisfies(e -> {
      assertThat(e.step()).isEqualTo("CLOSED_SHORT");
      assertThat(e.detail()).contains("5 unit(s) never delivered", WATCH + " 5");
    });
  }

  @Test
  @DisplayName("remind-supplier reminds the supplier once per expected date")
  void remind() {
    String poId = kit.sentPurchaseOrder(MAT, 10);
    RemindSupplierWorker worker = new RemindSupplierWorker(replenishment);

    worker.remindSupplier(poId);
    worker.remindSupplier(poId);

    assertThat(kit.reminders()).containsExactly(replenishment.get(poId).expectedDate());
    assertThat(kit.history(poId)).filteredOn("SUPPLIER_REMINDED"::equals).hasSize(1);
  }

  @Test
  @DisplayName("notify-purchasing mails purchasing about the receipt's discrepancies, keyed by its step, so a repeat "
      + "is the same notification")
  void notifyDiscrepancy() {
    String poId = kit.sentPurchaseOrder(WATCH, 15);
    replenishment.confirm(poId, Map.of(WATCH, 12), LocalDate.parse("2026-12-10"));
    new RecordGoodsReceiptWorker(replenishment).recordGoodsReceipt(job(7L, 101L, Map.of()), poId, "DN-1",
        List.of(formLine(WATCH, 14, 1, null)), false, "picker.sofia");
    NotifyPurchasingWorker worker = new NotifyPurchasingWorker(replenishment, kit.notices);
    ActivatedJob notify = job(7L, 303L, Map.of("topic", "RECEIPT_DISCREPANCY"));

    worker.notifyPurchasing(notify, poId, 1, null);
    worker.notifyPurchasing(notify, poId, 1, null);

    verify(kit.notifications, times(2)).notifyDepartment(eq(Audience.PURCHASING), eq("PO-2026-000001"),
        eq("RECEIPT_DISCREPANCY"), eq("303"), argThat(s -> s.contains("Receipt 1 of purchase order PO-2026-000001")
            && s.contains("Voltware Electronics Sp. z o.o.") && s.contains("DN-1")),
        argThat(facts -> facts.equals(List.of("Line 1: SMARTWATCH-S2 (Smartwatch S2): received 14, damaged 1, "
            + "accepted 12 - OVER 1, DAMAGED 1"))));
    assertThatThrownBy(() -> worker.notifyPurchasing(job(7L, 304L, Map.of()), poId, 1, null))
        .hasMessageContaining("topic");
  }

  @Test
  @DisplayName("notify-purchasing tells purchasing the supplier's reason for a rejection, with the lines")
  void notifyRejection() {
    String poId = kit.sentPurchaseOrder(MAT, 10);
    replenishment.supplierRejected(poId, "out of production");

    new NotifyPurchasingWorker(replenishment, kit.notices).notifyPurchasing(job(7L, 404L, Map.of("topic",
        "SUPPLIER_REJECTED")), poId, null, null);

    verify(kit.notifications).notifyDepartment(eq(Audience.PURCHASING), eq("PO-2026-000001"), eq("SUPPLIER_REJECTED"),
        eq("404"), argThat(s -> s.contains("Casa & Home Goods EOOD (casa-goods) rejected purchase order PO-2026-000001")
            && s.contains("Reason: out of production")),
        argThat(facts -> facts.equals(List.of("Line 1: YOGA-MAT (Yoga mat), 10 ordered at 15.30 EUR"))));
    verify(kit.notifications, times(1)).notifyDepartment(any(), any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("notify-purchasing tells purchasing about a transfer that arrived short or damaged, keyed by its step")
  void notifyTransferDiscrepancy() {
    when(kit.transfers.get("tr-1")).thenReturn(new Transfers.TransferView("tr-1", "TR-2026-000003", WATCH, "warsaw",
        SOFIA, 10, StockTransferStatus.RECEIVED, 9, 1, 8, 1, 0, List.of("DAMAGED 1", "SHORT 1"), "box crushed",
        "picker.sofia", PurchaseTestKit.NOW, PurchaseTestKit.NOW));
    NotifyPurchasingWorker worker = new NotifyPurchasingWorker(replenishment, kit.notices);
    ActivatedJob notify = job(7L, 505L, Map.of("topic", "TRANSFER_DISCREPANCY"));

    worker.notifyPurchasing(notify, null, null, "tr-1");
    worker.notifyPurchasing(notify, null, null, "tr-1");

    verify(kit.notifications, times(2)).notifyDepartment(eq(Audience.PURCHASING), eq("TR-2026-000003"),
        eq("TRANSFER_DISCREPANCY"), eq("505"), argThat(s -> s.startsWith("Transfer TR-2026-000003 of 10 x "
            + "SMARTWATCH-S2 (Smartwatch S2) from warehouse warsaw to sofia arrived short or damaged")),
        argThat(facts -> facts.equals(List.of("SMARTWATCH-S2 (Smartwatch S2): sent 10, received 9, damaged 1, "
            + "accepted 8 - DAMAGED 1, SHORT 1", "Notes: box crushed"))));
    assertThatThrownBy(() -> worker.notifyPurchasing(notify, "po-1", null, null)).hasMessageContaining("transferId");
  }
}
