package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SKU sent from a warehouse with a surplus to a warehouse below its reorder point. It leaves the source when it is
 * ordered (IN_TRANSIT) and is closed once the destination counted it (RECEIVED): the good units, at most the quantity
 * sent, are accepted onto stock there; damaged, short and over units are recorded. While in transit it holds the open
 * key {@code sku@destination}, unique in the table, so a SKU and warehouse have at most one open transfer.
 */
@Entity
@Table(name = "stock_transfer")
class StockTransfer {

  @Id
  private String id;

  @Column(name = "transfer_number", nullable = false, unique = true)
  private String transferNumber;

  @Column(nullable = false)
  private String sku;

  @Column(name = "from_warehouse_id", nullable = false)
  private String fromWarehouseId;

  @Column(name = "to_warehouse_id", nullable = false)
  private String toWarehouseId;

  @Column(nullable = false)
  private int quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StockTransferStatus status;

  @Column(name = "received_quantity")
  private Integer receivedQuantity;

  @Column(name = "damaged_quantity")
  private Integer damagedQuantity;

  @Column(name = "accepted_quantity")
  private Integer acceptedQuantity;

  @Column(name = "short_quantity")
  private Integer shortQuantity;

  @Column(name = "over_quantity")
  private Integer overQuantity;

  @Column
  private String notes;

  @Column(name = "received_by")
  private String receivedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  /** {@code sku@destination} while in transit, else null. */
  @Column(name = "open_key")
  private String openKey;

  protected StockTransfer() {}

  StockTransfer(String id, String transferNumber, String sku, String fromWarehouseId, String toWarehouseId,
      int quantity, Instant now) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("A transfer quantity must be positive, was " + quantity);
    }
    if (Objects.equals(fromWarehouseId, toWarehouseId)) {
      throw new IllegalArgumentException("A transfer goes to another warehouse, not from " + fromWarehouseId
          + " to itself");
    }
    this.id = Objects.requireNonNull(id);
    this.transferNumber = Objects.requireNonNull(transferNumber);
    this.sku = Objects.requireNonNull(sku);
    this.fromWarehouseId = Objects.requireNonNull(fromWarehouseId);
    this.toWarehouseId = Objects.requireNonNull(toWarehouseId);
    this.quantity = quantity;
    this.status = StockTransferStatus.IN_TRANSIT;
    this.createdAt = now;
    this.updatedAt = now;
    this.openKey = openKey(sku, toWarehouseId);
  }

  static String openKey(String sku, String toWarehouseId) {
    return sku + "@" + toWarehouseId;
  }

  /**
   * The destination counted the goods: good units (received − damaged) are accepted up to the quantity sent; fewer
   * received than sent is short, more is over. The transfer closes.
   *
   * @return false (and nothing changes) when it was received before
   */
  boolean receive(int received, int damaged, String notes, String by, Instant now) {
    if (status == StockTransferStatus.RECEIVED) {
      return false;
    }
    checkCount(received, damaged, notes);
    this.receivedQuantity = received;
    this.damagedQuantity = damaged;
    this.acceptedQuantity = Math.min(received - damaged, quantity);
    this.shortQuantity = Math.max(0, quantity - received);
    this.overQuantity = Math.max(0, received - quantity);
    this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    this.receivedBy = by;
    this.receivedAt = now;
    this.updatedAt = now;
    this.status = StockTransferStatus.RECEIVED;
    this.openKey = null;
    return true;
  }

  /**
   * Refuses (400) a count that cannot be: no received quantity, a negative one, more damaged than received, notes over
   * 1000 characters. The fields are named as on the receive-transfer form.
   */
  static void checkCount(Integer received, Integer damaged, String notes) {
    List<FieldProblem> problems = new ArrayList<>();
    if (received == null) {
      problems.add(new FieldProblem("transferReceivedQuantity", "count the units that arrived"));
    } else if (received < 0) {
      problems.add(new FieldProblem("transferReceivedQuantity", "must not be negative"));
    }
    if (damaged != null && damaged < 0) {
      problems.add(new FieldProblem("transferDamagedQuantity", "must not be negative"));
    } else if (damaged != null && received != null && damaged > received) {
      problems.add(new FieldProblem("transferDamagedQuantity", "at most the " + received + " units received"));
    }
    if (notes != null && notes.length() > 1000) {
      problems.add(new FieldProblem("transferNotes", "at most 1000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** {@code DAMAGED n}, {@code SHORT n}, {@code OVER n}: what purchasing hears about; empty before the count. */
  List<String> discrepancies() {
    List<String> found = new ArrayList<>();
    if (damagedQuantity != null && damagedQuantity > 0) {
      found.add("DAMAGED " + damagedQuantity);
    }
    if (shortQuantity != null && shortQuantity > 0) {
      found.add("SHORT " + shortQuantity);
    }
    if (overQuantity != null && overQuantity > 0) {
      found.add("OVER " + overQuantity);
    }
    return List.copyOf(found);
  }

  String id() { return id; }
  String transferNumber() { return transferNumber; }
  String sku() { return sku; }
  String fromWarehouseId() { return fromWarehouseId; }
  String toWarehouseId() { return toWarehouseId; }
  int quantity() { return quantity; }
  StockTransferStatus status() { return status; }
  Integer receivedQuantity() { return receivedQuantity; }
  Integer damagedQuantity() { return damagedQuantity; }
  Integer acceptedQuantity() { return acceptedQuantity; }
  Integer shortQuantity() { return shortQuantity; }
  Integer overQuantity() { return overQuantity; }
  String notes() { return notes; }
  String receivedBy() { return receivedBy; }
  Instant createdAt() { return createdAt; }
  Instant receivedAt() { return receivedAt; }
  String openKey() { return openKey; }
}
