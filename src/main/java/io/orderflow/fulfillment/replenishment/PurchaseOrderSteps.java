package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Elements;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Messages;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Variables;
import io.orderflow.fulfillment.replenishment.Replenishment.PurchaseOrderView;
import io.orderflow.fulfillment.replenishment.Replenishment.ReceiptLine;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskQuery;
import io.orderflow.fulfillment.tasks.TaskService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What purchasing, the supplier and the warehouse do to a purchase order, through its replenishment process: the
 * approval and the receipt complete the process's open user task (as the signed-in user, with the form's fields, so
 * the same rules apply as in the task list), the supplier's answer is stored and then published to the process. The
 * process's workers record the outcome, so the answers are 202: the purchase order shows it moments later.
 */
@Service
public class PurchaseOrderSteps {

  /** How long the supplier's answer waits for a process that has not reached its catch event yet. */
  static final Duration SUPPLIER_ANSWER_TTL = Duration.ofDays(7);

  private final Replenishment replenishment;
  private final TaskService tasks;
  private final ProcessMessages messages;

  PurchaseOrderSteps(Replenishment replenishment, TaskService tasks, ProcessMessages messages) {
    this.replenishment = replenishment;
    this.tasks = tasks;
    this.messages = messages;
  }

  /**
   * Purchasing's decision: completes the purchase order's open approval task with {@code poDecision} APPROVE or
   * REFUSE and the note; 409 when the purchase order is not waiting for approval.
   */
  public PurchaseOrderView decide(String poId, boolean approved, String note, CurrentUser user) {
    PurchaseOrderView po = replenishment.get(poId);
    StaffTask task = openTask(po, Elements.APPROVE_PURCHASE_ORDER)
        .orElseThrow(() -> new ConflictException(po.number() + " is not waiting for approval"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(Variables.PO_DECISION, approved ? "APPROVE" : "REFUSE");
    if (note != null && !note.isBlank()) {
      values.put(Variables.DECISION_NOTE, note.strip());
    }
    tasks.complete(task.key(), user, values);
    return replenishment.get(poId);
  }

  /**
   * The supplier's confirmation (per SKU the quantity it will deliver, and when) is stored, then published to the
   * process as {@code supplier-answered} with supplierAccepted true.
   */
  public PurchaseOrderView confirmed(String poId, Map<String, Integer> quantities, LocalDate expectedDate) {
    PurchaseOrderView po = replenishment.confirm(poId, quantities, expectedDate);
    publishAnswer(po, true);
    return po;
  }

  /** The supplier's rejection is stored, then published to the process with supplierAccepted false. */
  public PurchaseOrderView rejected(String poId, String reason) {
    PurchaseOrderView po = replenishment.supplierRejected(poId, reason);
    publishAnswer(po, false);
    return po;
  }

  /**
   * A delivery counted by the warehouse: checked against the purchase order (400 naming {@code lines[i].field}), then
   * the open receipt task is completed as the user with the form's fields: its lines with the counts filled in (a line
   * not delivered counts 0), the delivery note, and whether the supplier sends nothing more. A delivery note already
   * recorded on the purchase order changes nothing (the request was repeated). 409 when no delivery is expected.
   */
  public PurchaseOrderView received(String poId, String deliveryNote, List<ReceiptLine> lines, boolean lastDelivery,
      CurrentUser user) {
    replenishment.checkDelivery(poId, lines);
    PurchaseOrderView po = replenishment.get(poId);
    if (replenishment.receiptWithDeliveryNote(poId, deliveryNote).isPresent()) {
      return po;
    }
    StaffTask task = openTask(po, Elements.RECEIVE_GOODS).orElseThrow(() -> new ConflictException(po.status().closed()
        ? po.number() + " is " + po.status() + "; it expects no more deliveries"
        : po.number() + " is not expecting a delivery (supplier has not confirmed)"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("receivedLines", formLines(tasks.details(task.key()).variables().get("receivedLines"), lines));
    values.put("deliveryNote", deliveryNote == null ? "" : deliveryNote.strip());
    values.put("lastDelivery", lastDelivery);
    tasks.complete(task.key(), user, values);
    return replenishment.get(poId);
  }

  /** The open task of the element in the purchase order's process, if its process stands there. */
  private Optional<StaffTask> openTask(PurchaseOrderView po, String elementId) {
    if (po.processInstanceKey() == null) {
      return Optional.empty();
    }
    return tasks.search(new TaskQuery(StaffTask.State.CREATED, null, null, po.processInstanceKey(), null, 50)).stream()
        .filter(t -> elementId.equals(t.elementId()) && t.open()).findFirst();
  }

  /**
   * The task's lines (as prepare-goods-receipt set them) with the delivered counts: received, damaged and the lots or
   * serial numbers (one text) per SKU. A delivered SKU the task does not list has nothing left open: 400.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> formLines(Object taskLines, List<ReceiptLine> delivered) {
    List<Map<String, Object>> expected = taskLines instanceof List<?> list
        ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    for (int i = 0; i < delivered.size(); i++) {
      String sku = delivered.get(i).sku();
      if (expected.stream().noneMatch(l -> sku.equals(l.get("sku")))) {
        throw new InvalidRequestException("lines[" + i + "].sku", sku + " has nothing open on this purchase order");
      }
    }
    List<Map<String, Object>> filled = new ArrayList<>();
    for (Map<String, Object> line : expected) {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (String shown : List.of("lineNo", "sku", "productName", "openQuantity")) {
        if (line.get(shown) != null) {
          entry.put(shown, line.get(shown));
        }
      }
      Optional<ReceiptLine> count = delivered.stream().filter(d -> d.sku().equals(line.get("sku"))).findFirst();
      entry.put("receivedQuantity", count.map(ReceiptLine::receivedQuantity).orElse(0));
      entry.put("damagedQuantity", count.map(ReceiptLine::damagedQuantity).orElse(0));
      List<String> lots = count.map(ReceiptLine::lotOrSerials).orElse(List.of());
      if (lots != null && !lots.isEmpty()) {
        entry.put("lotOrSerials", String.join(", ", lots));
      }
      filled.add(entry);
    }
    return filled;
  }

  private void publishAnswer(PurchaseOrderView po, boolean accepted) {
    messages.publish(Messages.SUPPLIER_ANSWERED, po.id(),
        Messages.SUPPLIER_ANSWERED + ":" + po.id() + ":" + (accepted ? "accepted" : "rejected"), SUPPLIER_ANSWER_TTL,
        Map.of(Variables.SUPPLIER_ACCEPTED, accepted));
  }
}
