package io.orderflow.fulfillment.replenishment;

import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.AWAITING_APPROVAL;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.CANCELLED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.CONFIRMED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.DRAFT;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.PARTIALLY_CONFIRMED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.PARTIALLY_RECEIVED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.RECEIVED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.REJECTED;
import static io.orderflow.fulfillment.replenishment.PurchaseOrderStatus.SENT;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A purchase order to one supplier for one warehouse. It owns its status ({@link PurchaseOrderStatus}) and refuses
 * transitions it does not allow (409); a step repeated with the same outcome (a job delivered twice) changes nothing.
 * Each line keeps its own running receipt totals, and the order is RECEIVED only when every line has accepted what the
 * supplier owes on it.
 */
@Entity
@Table(name = "purchase_order")
class PurchaseOrder {

  /** One line of a delivery as the warehouse counted it. */
  record Delivered(String sku, int receivedQuantity, int damagedQuantity, String lotOrSerials, String binLocation) {}

  @Id
  private String id;

  @Column(name = "po_number", nullable = false, unique = true)
  private String poNumber;

  @Column(name = "supplier_id", nullable = false)
  private String supplierId;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PurchaseOrderStatus status;

  @Column(nullable = false)
  private String currency;

  @Column(name = "total_value", nullable = false)
  private BigDecimal totalValue;

  @Column(name = "expected_date")
  private LocalDate expectedDate;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "decision_note")
  private String decisionNote;

  @Column(name = "rejection_reason")
  private String rejectionReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The replenishment process instance that drives the order; null for one proposed outside a process. */
  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  /** The expected delivery date the supplier was last reminded of (one reminder per expected date). */
  @Column(name = "reminded_for")
  private LocalDate remindedFor;

  @Version
  private long version;

  @OneToMany(mappedBy = "purchaseOrder", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<PurchaseOrderLine> lines = new ArrayList<>();

  @OneToMany(mappedBy = "purchaseOrder", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("receiptNo")
  private List<GoodsReceipt> receipts = new ArrayList<>();

  @OneToMany(mappedBy = "purchaseOrder", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("occurredAt, id")
  private List<PurchaseOrderEvent> events = new ArrayList<>();

  protected PurchaseOrder() {}

  PurchaseOrder(String id, String poNumber, String supplierId, String warehouseId, String currency,
      LocalDate expectedDate, Instant now) {
    this.id = id;
    this.poNumber = poNumber;
    this.supplierId = supplierId;
    this.warehouseId = warehouseId;
    this.currency = currency;
    this.expectedDate = expectedDate;
    this.status = DRAFT;
    this.totalValue = BigDecimal.ZERO.setScale(2);
    this.createdAt = now;
    this.updatedAt = now;
    event(now, "PROPOSED", null);
  }

  /** A line while the order is a draft; one line per SKU. */
  void addLine(String sku, int quantity, BigDecimal unitCost) {
    if (status != DRAFT) {
      throw new ConflictException("Purchase order " + poNumber + " is " + status + "; lines are added to drafts only");
    }
    if (line(sku).isPresent()) {
      throw new IllegalArgumentException("Purchase order " + poNumber + " already has a line for " + sku);
    }
    lines.add(new PurchaseOrderLine(this, lines.size() + 1, sku, quantity, unitCost));
    totalValue = lines.stream().map(PurchaseOrderLine::value).reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
    refreshOpenKeys();
  }

  /**
   * The replenishment process instance that drives the order from now on. The same instance again changes nothing;
   * another one is refused (two processes must never drive one purchase order).
   */
  void drivenBy(long instanceKey, Instant now) {
    if (processInstanceKey != null) {
      if (processInstanceKey == instanceKey) {
        return;
      }
      throw new ConflictException("Purchase order " + poNumber + " is driven by process instance " + processInstanceKey
          + ", not " + instanceKey);
    }
    processInstanceKey = instanceKey;
    touch(now);
    event(now, "PROCESS_STARTED", "replenishment process instance " + instanceKey);
  }

  /**
   * Above the threshold the draft waits for purchasing (AWAITING_APPROVAL); at or below it, it stays a draft and may be
   * sent. Asked again later, the answer is the same.
   */
  boolean requireApprovalAbove(BigDecimal threshold, Instant now) {
    boolean above = totalValue.compareTo(threshold) > 0;
    if (above && status == DRAFT) {
      transition(AWAITING_APPROVAL, now, "APPROVAL_REQUESTED", "value " + totalValue + " " + currency
          + " above " + threshold);
    }
    return above;
  }

  void approve(String by, String note, Instant now) {
    if (approvedBy != null && status != CANCELLED) {
      return;
    }
    requireStatus("approve", AWAITING_APPROVAL);
    approvedBy = by;
    decisionNote = note;
    touch(now);
    event(now, "APPROVED", by + (note == null ? "" : ": " + note));
  }

  /** Purchasing refuses the purchase: the order is cancelled before it reaches the supplier. */
  void refuse(String by, String note, Instant now) {
    if (status == CANCELLED && approvedBy == null && decisionNote != null) {
      return;
    }
    requireStatus("refuse", AWAITING_APPROVAL);
    if (approvedBy != null) {
      throw new ConflictException("Purchase order " + poNumber + " was approved by " + approvedBy);
    }
    decisionNote = note == null || note.isBlank() ? "refused by " + by : note;
    transition(CANCELLED, now, "REFUSED", by + ": " + decisionNote);
  }

  /** True when the order may go to the supplier: a draft (no approval needed), or approved. */
  boolean sendable() {
    return status == DRAFT || (status == AWAITING_APPROVAL && approvedBy != null);
  }

  boolean sentAlready() {
    return sentAt != null;
  }

  void markSent(Instant now) {
    if (sentAlready()) {
      return;
    }
    if (!sendable()) {
      throw new ConflictException("Purchase order " + poNumber + " is " + status
          + (status == AWAITING_APPROVAL ? " and not approved yet" : "") + "; it cannot be sent");
    }
    sentAt = now;
    transition(SENT, now, "SENT", null);
  }

  /**
   * The supplier's confirmation: per SKU the quantity it will deliver (a SKU not named: none), at most the ordered
   * quantity, and the expected date. Fewer than ordered makes it PARTIALLY_CONFIRMED. The same confirmation again
   * changes nothing; a different one after the first is refused.
   */
  void confirm(Map<String, Integer> quantities, LocalDate expected, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    quantities.forEach((sku, q) -> {
      if (line(sku).isEmpty()) {
        problems.add(new FieldProblem("lines[" + sku + "].sku", "is not on purchase order " + poNumber));
      } else if (q == null || q < 0 || q > line(sku).get().orderedQuantity()) {
        problems.add(new FieldProblem("lines[" + sku + "].quantity", "must be between 0 and the ordered "
            + line(sku).get().orderedQuantity()));
      }
    });
    if (expected == null) {
      problems.add(new FieldProblem("expectedDate", "is required"));
    }
    if (problems.isEmpty() && quantities.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      problems.add(new FieldProblem("lines", "confirm at least one unit, or reject the purchase order"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (confirmedAt != null && status != CANCELLED) {
      boolean same = lines.stream().allMatch(l -> Objects.equals(l.confirmedQuantity(),
          quantities.getOrDefault(l.sku(), 0))) && expected.equals(expectedDate);
      if (same) {
        return;
      }
      throw new ConflictException("Purchase order " + poNumber + " was confirmed already, differently");
    }
    requireStatus("confirm", SENT);
    lines.forEach(l -> l.confirm(quantities.getOrDefault(l.sku(), 0)));
    expectedDate = expected;
    confirmedAt = now;
    boolean full = lines.stream().allMatch(l -> l.confirmedQuantity() == l.orderedQuantity());
    transition(full ? CONFIRMED : PARTIALLY_CONFIRMED, now, full ? "CONFIRMED" : "PARTIALLY_CONFIRMED",
        "expected " + expected);
  }

  void supplierRejected(String reason, Instant now) {
    if (status == REJECTED) {
      return;
    }
    requireStatus("reject", SENT);
    rejectionReason = reason == null || reason.isBlank() ? "no reason given" : reason;
    transition(REJECTED, now, "SUPPLIER_REJECTED", rejectionReason);
  }

  /** Purchasing gives up on the order (e.g. the supplier never answered); only before any goods arrived. */
  void cancel(String reason, Instant now) {
    if (status == CANCELLED) {
      return;
    }
    if (!status.cancellable()) {
      throw new ConflictException("Purchase order " + poNumber + " is " + status + "; it can no longer be cancelled");
    }
    rejectionReason = reason;
    transition(CANCELLED, now, "CANCELLED", reason);
  }

  /**
   * One delivery, counted by the warehouse: every line of it must name a SKU of the order, once. Each purchase order
   * line adds only this delivery's quantities; the order stays PARTIALLY_RECEIVED until every line is complete.
   */
  GoodsReceipt receive(List<Delivered> delivered, String deliveryReference, String receivedBy, Instant now) {
    return receive(delivered, deliveryReference, null, receivedBy, false, now);
  }

  /**
   * As {@link #receive(List, String, String, Instant)}, with the supplier's delivery note, and {@code lastDelivery}:
   * the supplier sends nothing more, so the order closes short. It is then RECEIVED like a complete one (nothing more
   * is expected, the open key is freed for the next replenishment), its history says CLOSED_SHORT with the units that
   * never came, and each line still shows what the supplier owed when it closed ({@code stillOpen}).
   */
  GoodsReceipt receive(List<Delivered> delivered, String deliveryReference, String deliveryNote, String receivedBy,
      boolean lastDelivery, Instant now) {
    if (!status.receivable()) {
      throw new ConflictException("Purchase order " + poNumber + " is " + status + "; no goods can be received on it");
    }
    List<FieldProblem> problems = deliveryProblems(delivered);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    GoodsReceipt receipt = new GoodsReceipt(this, receipts.size() + 1, deliveryReference, deliveryNote, receivedBy,
        now);
    StringBuilder detail = new StringBuilder("receipt " + receipt.receiptNo() + ":");
    for (Delivered d : delivered) {
      PurchaseOrderLine line = line(d.sku()).orElseThrow();
      PurchaseOrderLine.Receipt outcome = line.receive(d.receivedQuantity(), d.damagedQuantity());
      receipt.add(new GoodsReceiptLine(receipt, line.lineNo(), d.sku(), d.receivedQuantity(), d.damagedQuantity(),
          outcome, d.lotOrSerials(), d.binLocation()));
      detail.append(' ').append(d.sku()).append(" accepted ").append(outcome.accepted());
    }
    receipts.add(receipt);
    boolean complete = lines.stream().allMatch(PurchaseOrderLine::complete);
    if (complete) {
      transition(RECEIVED, now, "RECEIVED", detail.toString());
    } else if (lastDelivery) {
      detail.append("; the supplier delivers nothing more, ").append(unitsNeverDelivered())
          .append(" unit(s) never delivered:");
      lines.stream().filter(l -> !l.complete())
          .forEach(l -> detail.append(' ').append(l.sku()).append(' ').append(l.stillOpen()));
      transition(RECEIVED, now, "CLOSED_SHORT", detail.toString());
    } else {
      transition(PARTIALLY_RECEIVED, now, "PARTIALLY_RECEIVED", detail.toString());
    }
    return receipt;
  }

  /** Units the supplier owed and never delivered: non-zero only on an order closed short (or still waiting). */
  int unitsNeverDelivered() {
    return lines.stream().mapToInt(PurchaseOrderLine::stillOpen).sum();
  }

  /**
   * The supplier is reminded of the expected delivery date: true once per expected date while goods may still come;
   * false when it was reminded of this date already, or nothing is expected any more.
   */
  boolean remind(Instant now) {
    if (!status.receivable() || expectedDate == null || expectedDate.equals(remindedFor)) {
      return false;
    }
    remindedFor = expectedDate;
    touch(now);
    event(now, "SUPPLIER_REMINDED", "delivery was expected " + expectedDate);
    return true;
  }

  /**
   * What is wrong with a delivery as counted: every line must name a SKU of the order, once, with a received quantity
   * not below zero and damaged units between zero and the received ones. Empty when it may be received.
   */
  List<FieldProblem> deliveryProblems(List<Delivered> delivered) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (delivered.isEmpty()) {
      problems.add(new FieldProblem("lines", "name at least one delivered line"));
    }
    for (int i = 0; i < delivered.size(); i++) {
      Delivered d = delivered.get(i);
      if (line(d.sku()).isEmpty()) {
        problems.add(new FieldProblem("lines[" + i + "].sku", d.sku() + " is not on purchase order " + poNumber));
      } else if (!seen.add(d.sku())) {
        problems.add(new FieldProblem("lines[" + i + "].sku", d.sku() + " is named twice"));
      }
      if (d.receivedQuantity() < 0) {
        problems.add(new FieldProblem("lines[" + i + "].receivedQuantity", "must not be negative"));
      }
      if (d.damagedQuantity() < 0 || (d.receivedQuantity() >= 0 && d.damagedQuantity() > d.receivedQuantity())) {
        problems.add(new FieldProblem("lines[" + i + "].damagedQuantity", "must be between 0 and the received quantity"));
      }
    }
    return problems;
  }

  Optional<GoodsReceipt> receiptWithReference(String deliveryReference) {
    return deliveryReference == null ? Optional.empty()
        : receipts.stream().filter(r -> deliveryReference.equals(r.deliveryReference())).findFirst();
  }

  private void transition(PurchaseOrderStatus next, Instant now, String step, String detail) {
    status = next;
    if (next.closed()) {
      closedAt = now;
    }
    refreshOpenKeys();
    touch(now);
    event(now, step, detail);
  }

  private void refreshOpenKeys() {
    lines.forEach(l -> l.refreshOpenKey(!status.closed(), warehouseId));
  }

  private void requireStatus(String action, PurchaseOrderStatus... allowed) {
    if (!List.of(allowed).contains(status)) {
      throw new ConflictException("Purchase order " + poNumber + " is " + status + "; cannot " + action + " it");
    }
  }

  private void touch(Instant now) {
    updatedAt = now;
  }

  private void event(Instant now, String step, String detail) {
    events.add(new PurchaseOrderEvent(this, now, step, detail));
  }

  Optional<PurchaseOrderLine> line(String sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
  }

  String id() { return id; }
  String poNumber() { return poNumber; }
  String supplierId() { return supplierId; }
  String warehouseId() { return warehouseId; }
  PurchaseOrderStatus status() { return status; }
  String currency() { return currency; }
  BigDecimal totalValue() { return totalValue; }
  LocalDate expectedDate() { return expectedDate; }
  String approvedBy() { return approvedBy; }
  String decisionNote() { return decisionNote; }
  String rejectionReason() { return rejectionReason; }
  Instant createdAt() { return createdAt; }
  Instant sentAt() { return sentAt; }
  Instant confirmedAt() { return confirmedAt; }
  Instant closedAt() { return closedAt; }
  Long processInstanceKey() { return processInstanceKey; }
  LocalDate remindedFor() { return remindedFor; }
  List<PurchaseOrderLine> lines() { return List.copyOf(lines); }
  List<GoodsReceipt> receipts() { return List.copyOf(receipts); }
  List<PurchaseOrderEvent> events() { return List.copyOf(events); }
}
