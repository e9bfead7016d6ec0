package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replenishment: when a SKU's available stock in a warehouse falls below its reorder point, a purchase order is
 * proposed (one open replenishment per SKU and warehouse, held by a unique key on the open purchase order line),
 * approved by purchasing above {@code fulfillment.replenishment.approval-threshold}, sent through the
 * {@link SupplierGateway}, confirmed (perhaps partly) or rejected by the supplier, and received in any number of
 * deliveries; only accepted units go on hand. Every method the process calls may be repeated.
 */
@Service
public class Replenishment {

  private static final Logger log = LoggerFactory.getLogger(Replenishment.class);
  static final String SYSTEM = "system";

  /** A SKU below its reorder point in a warehouse, with no purchase order open for it: what to order from whom. */
  public record ReplenishmentNeed(String sku, String warehouseId, int available, int reorderPoint,
      int proposedQuantity, String supplierId) {}

  /**
   * One line of a delivery as the warehouse counted it.
   *
   * @param lotOrSerials lot or serial numbers scanned, where the product needs them (may be empty)
   */
  public record ReceiptLine(String sku, int receivedQuantity, int damagedQuantity, List<String> lotOrSerials) {}

  public record LineView(int lineNo, String sku, int orderedQuantity, Integer confirmedQuantity, int receivedQuantity,
      int damagedQuantity, int acceptedQuantity, int openQuantity, BigDecimal unitCost) {}

  /** @param discrepancies for purchasing's claim: {@code OVER n}, {@code SHORT n}, {@code DAMAGED n} */
  public record ReceiptLineView(int poLineNo, String sku, int receivedQuantity, int damagedQuantity,
      int acceptedQuantity, int overQuantity, int shortQuantity, List<String> lotOrSerials, String binLocation,
      List<String> discrepancies) {}

  /**
   * @param deliveryReference the key that makes a repeated receipt a no-op (the process's receive task, or the delivery
   *     note of a receipt recorded without the process)
   * @param deliveryNote the supplier's delivery note as the warehouse typed it
   */
  public record ReceiptView(int receiptNo, String deliveryReference, String deliveryNote, String receivedBy,
      Instant receivedAt, List<ReceiptLineView> lines) {

    /** Over, damaged or short: purchasing hears about it (claim with the supplier). */
    public boolean hasDiscrepancies() {
      return lines.stream().anyMatch(l -> !l.discrepancies().isEmpty());
    }
  }

  public record EventView(Instant occurredAt, String step, String detail) {}

  public record PurchaseOrderView(String id, String number, String supplierId, String supplierName,
      String warehouseId, PurchaseOrderStatus status, BigDecimal value, String currency, LocalDate expectedDate,
      String approvedBy, String decisionNote, String rejectionReason, Instant createdAt, Instant sentAt,
      Instant confirmedAt, Instant closedAt, List<LineView> lines, List<ReceiptView> receipts,
      List<EventView> history, Long processInstanceKey) {}

  /** A delivery recorded against a purchase order, and the purchase order after it. */
  public record Receipt(ReceiptView receipt, PurchaseOrderView purchaseOrder) {

    /** Nothing more is expected: every line complete, or the order closed short (the supplier's last delivery). */
    public boolean purchaseOrderClosed() {
      return purchaseOrder.status().closed();
    }
  }

  /**
   * One delivery as the warehouse counted it, for {@link #receive(String, Delivery)}.
   *
   * @param deliveryReference makes a repeat a no-op (the process: its receive task); may be null
   * @param deliveryNote the supplier's delivery note; may be null
   * @param lastDelivery the supplier sends nothing more: the purchase order closes short after this delivery
   */
  public record Delivery(String deliveryReference, String deliveryNote, String receivedBy, List<ReceiptLine> lines,
      boolean lastDelivery) {}

  /** The proposed (or still open) purchase order for a process, and whether purchasing must approve it. */
  public record ProposedPurchase(PurchaseOrderView purchaseOrder, boolean approvalNeeded) {}

  /** A line the warehouse still waits for: what the receipt form lists. */
  public record ExpectedLine(int lineNo, String sku, String productName, int openQuantity) {}

  /**
   * What the next delivery of a purchase order should bring, and when the supplier is reminded: at the end of the
   * expected date (the start of the next day, in the application's time zone).
   */
  public record ExpectedDelivery(List<ExpectedLine> lines, LocalDate expectedDate, OffsetDateTime remindAt) {}

  /**
   * @param coverDays days of sales a reorder covers (null: the fixed order quantity)
   * @param dailySales for a days-of-cover policy, the units shipped per day over the last 28 days (null otherwise)
   */
  public record ReorderPolicyView(String sku, String warehouseId, int reorderPoint, int orderQuantity,
      String supplierId, String supplierName, BigDecimal unitCost, String currency, Integer coverDays,
      BigDecimal dailySales) {}

  private final ReorderPolicyRepository policies;
  private final SupplierRepository suppliers;
  private final PurchaseOrderRepository purchaseOrders;
  /** Purchase order numbers: {@code PO-2026-000123}, gap-free per year. */
  static final String PO_SERIES = "PO";

  private final GapFreeNumbers numbering;
  private final SupplierGateway supplierGateway;
  private final Inventory inventory;
  private final Catalog catalog;
  private final PurchasingNotices notices;
  private final ReplenishmentSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;

  Replenishment(ReorderPolicyRepository policies, SupplierRepository suppliers,
      PurchaseOrderRepository purchaseOrders, GapFreeNumbers numbering, SupplierGateway supplierGateway,
      Inventory inventory, Catalog catalog, PurchasingNotices notices, ReplenishmentSettings settings,
      PlatformTransactionManager txManager, Clock clock) {
    this.policies = policies;
    this.suppliers = suppliers;
    this.purchaseOrders = purchaseOrders;
    this.numbering = numbering;
    this.supplierGateway = supplierGateway;
    this.inventory = inventory;
    this.catalog = catalog;
    this.notices = notices;
    this.settings = settings;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * The need to reorder the SKU for the warehouse: when its available stock (on hand − reserved) is below the reorder
   * point of its policy and no purchase order line for it is open. Empty without a policy.
   */
  @Transactional(readOnly = true)
  public Optional<ReplenishmentNeed> check(String sku, String warehouseId) {
    Optional<ReorderPolicy> found = policies.findById(new ReorderPolicy.Key(sku, warehouseId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReorderPolicy policy = found.get();
    int available = inventory.stockIn(sku, warehouseId).map(Inventory.WarehouseStock::available).orElse(0);
    if (available >= policy.reorderPoint()) {
      return Optional.empty();
    }
    if (purchaseOrders.findByOpenKey(PurchaseOrderLine.openKey(sku, warehouseId)).isPresent()) {
      return Optional.empty();
    }
    double dailySales = policy.ordersByCover() ? dailySales(sku, warehouseId) : 0;
    return Optional.of(new ReplenishmentNeed(sku, warehouseId, available, policy.reorderPoint(),
        policy.proposedQuantity(available, dailySales), policy.supplierId()));
  }

  /** The days of recent sales a days-of-cover policy averages over. */
  static final int SALES_WINDOW_DAYS = 28;

  /** Units of the SKU shipped from the warehouse per day, averaged over the last {@link #SALES_WINDOW_DAYS} days. */
  double dailySales(String sku, String warehouseId) {
    java.time.Instant since = clock.instant().minus(java.time.Duration.ofDays(SALES_WINDOW_DAYS));
    return inventory.issuedSince(sku, warehouseId, since) / (double) SALES_WINDOW_DAYS;
  }

  /**
   * A draft purchase order for the need (the proposed quantity at the policy's unit cost, expected after the
   * supplier's lead time). While a purchase order for the SKU and warehouse is open, that one is returned instead:
   * the same need twice, or two at once, make one purchase order.
   */
  public PurchaseOrderView propose(ReplenishmentNeed need) {
    if (need == null || need.sku() == null || need.warehouseId() == null || need.proposedQuantity() <= 0) {
      throw new IllegalArgumentException("A replenishment need names a SKU, a warehouse and a positive quantity: "
          + need);
    }
    String key = PurchaseOrderLine.openKey(need.sku(), need.warehouseId());
    Optional<PurchaseOrderView> open = tx.execute(s -> purchaseOrders.findByOpenKey(key).map(this::view));
    if (open.isPresent()) {
      return open.get();
    }
    ReorderPolicy policy = policies.findById(new ReorderPolicy.Key(need.sku(), need.warehouseId()))
        .orElseThrow(() -> new InvalidRequestException("sku", "no reorder policy for " + key));
    String supplierId = need.supplierId() != null ? need.supplierId() : policy.supplierId();
    Supplier supplier = suppliers.findById(supplierId)
        .orElseThrow(() -> new InvalidRequestException("supplierId", "unknown supplier " + supplierId));
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    numbering.prepareYear(PO_SERIES, today.getYear());
    try {
      PurchaseOrderView created = tx.execute(s -> {
        PurchaseOrder po = new PurchaseOrder(UUID.randomUUID().toString(),
            GapFreeNumbers.format(PO_SERIES, today.getYear(), numbering.next(PO_SERIES, today.getYear())),
            supplier.id(), need.warehouseId(), supplier.currency(), today.plusDays(supplier.leadTimeDays()), now);
        po.addLine(need.sku(), need.proposedQuantity(), policy.unitCost());
        return view(purchaseOrders.saveAndFlush(po));
      });
      log.info("Purchase order {} proposed: {} x {} for {} from {} (available {}, reorder point {})",
          created.number(), need.proposedQuantity(), need.sku(), need.warehouseId(), supplier.id(), need.available(),
          need.reorderPoint());
      return created;
    } catch (DataIntegrityViolationException concurrent) {
      // Another proposal for the same SKU and warehouse won: its purchase order stands.
      return tx.execute(s -> purchaseOrders.findByOpenKey(key).map(this::view)).orElseThrow(() -> concurrent);
    }
  }

  /**
   * Whether purchasing must approve the purchase order (its value above the threshold); if so, a draft now waits for
   * the approval. Asked again, the answer is the same.
   */
  @Transactional
  public boolean needsApproval(String poId) {
    return load(poId).requireApprovalAbove(settings.approvalThreshold(), clock.instant());
  }

  /**
   * create-purchase-order: proposes {@code quantity} units of the SKU for the warehouse from the policy's supplier (or
   * returns the purchase order already open for them), binds it to the process instance, and tells whether purchasing
   * must approve it. Repeated by the same process instance, the answer is the same; an open purchase order another
   * process instance drives is refused (409), so two processes never drive one purchase order.
   */
  public ProposedPurchase proposeFor(String sku, String warehouseId, int quantity, long processInstanceKey) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("A replenishment of " + sku + " for " + warehouseId
          + " needs a positive quantity, was " + quantity);
    }
    ReorderPolicy policy = policies.findById(new ReorderPolicy.Key(sku, warehouseId))
        .orElseThrow(() -> new InvalidRequestException("sku", "no reorder policy for " + sku + "@" + warehouseId));
    int available = inventory.stockIn(sku, warehouseId).map(Inventory.WarehouseStock::available).orElse(0);
    PurchaseOrderView proposed = propose(new ReplenishmentNeed(sku, warehouseId, available, policy.reorderPoint(),
        quantity, policy.supplierId()));
    return tx.execute(s -> {
      PurchaseOrder po = load(proposed.id());
      po.drivenBy(processInstanceKey, clock.instant());
      boolean approvalNeeded = po.requireApprovalAbove(settings.approvalThreshold(), clock.instant());
      return new ProposedPurchase(view(po), approvalNeeded);
    });
  }

  /** Purchasing's decision on a purchase order waiting for approval: approved (it may be sent), or cancelled. */
  @Transactional
  public PurchaseOrderView decide(String poId, boolean approved, String note, String by) {
    PurchaseOrder po = load(poId);
    if (approved) {
      po.approve(by, note, clock.instant());
    } else {
      po.refuse(by, note, clock.instant());
    }
    log.info("Purchase order {} {} by {}", po.poNumber(), approved ? "approved" : "refused", by);
    return view(po);
  }

  /** The purchase order goes to its supplier through the supplier port, once (a draft, or approved). */
  @Transactional
  public PurchaseOrderView send(String poId) {
    PurchaseOrder po = load(poId);
    if (po.sentAlready()) {
      return view(po);
    }
    Instant now = clock.instant();
    po.markSent(now);
    Supplier supplier = suppliers.findById(po.supplierId())
        .orElseThrow(() -> new IllegalStateException("Unknown supplier " + po.supplierId()));
    supplierGateway.send(new SupplierGateway.Document(po.id(), po.poNumber(), supplier.id(), supplier.name(),
        supplier.email(), po.warehouseId(), po.expectedDate(), po.currency(), po.totalValue(),
        po.lines().stream().map(l -> new SupplierGateway.Line(l.lineNo(), l.sku(), l.orderedQuantity(), l.unitCost()))
            .toList()));
    return view(po);
  }

  /**
   * The supplier confirms: per SKU the quantity it will deliver (fewer than ordered, or a SKU left out, is a partial
   * confirmation) and the expected date.
   */
  @Transactional
  public PurchaseOrderView confirm(String poId, Map<String, Integer> quantities, LocalDate expectedDate) {
    PurchaseOrder po = load(poId);
    po.confirm(quantities == null ? Map.of() : quantities, expectedDate, clock.instant());
    return view(po);
  }

  @Transactional
  public PurchaseOrderView supplierRejected(String poId, String reason) {
    PurchaseOrder po = load(poId);
    po.supplierRejected(reason, clock.instant());
    return view(po);
  }

  /** Purchasing gives up on a purchase order before goods arrived (e.g. the supplier never answered). */
  @Transactional
  public PurchaseOrderView cancel(String poId, String reason) {
    PurchaseOrder po = load(poId);
    po.cancel(reason, clock.instant());
    return view(po);
  }

  /**
   * cancel-purchase-order: purchasing gave up waiting for the supplier's answer; the note says why (or "no answer from
   * the supplier"). Repeated, nothing changes.
   */
  @Transactional
  public PurchaseOrderView cancelUnanswered(String poId, String note) {
    return cancel(poId, note == null || note.isBlank() ? "no answer from the supplier"
        : "no answer from the supplier: " + note.strip());
  }

  /**
   * The receipt form's lines ({@code receivedLines}: lineNo, sku, receivedQuantity, damagedQuantity, lotOrSerials as
   * one text, separated by commas, semicolons or line breaks) as counted lines. Numbers may come as integers, decimals
   * or text; a missing damaged count is 0, a missing received count is refused.
   */
  public static List<ReceiptLine> countedLines(List<Map<String, Object>> receivedLines) {
    if (receivedLines == null) {
      throw new InvalidRequestException("receivedLines", "name every delivered line");
    }
    List<ReceiptLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < receivedLines.size(); i++) {
      Map<String, Object> l = receivedLines.get(i);
      if (l == null || l.get("sku") == null) {
        throw new InvalidRequestException("receivedLines[" + i + "].sku", "is required");
      }
      Object received = l.get("receivedQuantity");
      if (received == null || received.toString().isBlank()) {
        throw new InvalidRequestException("receivedLines[" + i + "].receivedQuantity", "is required");
      }
      Object damaged = l.get("damagedQuantity");
      Object lots = l.get("lotOrSerials");
      lines.add(new ReceiptLine(l.get("sku").toString(), count(received, "receivedLines[" + i + "].receivedQuantity"),
          damaged == null || damaged.toString().isBlank() ? 0
              : count(damaged, "receivedLines[" + i + "].damagedQuantity"),
          lots == null ? List.of() : Arrays.stream(lots.toString().split("[,;\\r\\n]+")).map(String::strip)
              .filter(x -> !x.isEmpty()).toList()));
    }
    return lines;
  }

  private static int count(Object value, String field) {
    try {
      java.math.BigDecimal number = value instanceof Number n ? new java.math.BigDecimal(n.toString())
          : new java.math.BigDecimal(value.toString().strip());
      return number.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidRequestException(field, "must be a whole number, was " + value);
    }
  }

  public Receipt receive(String poId, List<ReceiptLine> lines) {
    return receive(poId, null, SYSTEM, lines);
  }

  /**
   * One delivery against the purchase order, as the warehouse counted it. Per line the accepted quantity is the good
   * units (received − damaged) up to what the line still waits for; only that goes on hand (a RECEIVED movement, into
   * the SKU's bin). Over-deliveries, damaged and short quantities are recorded as discrepancies. A delivery reference
   * seen before returns that receipt and changes nothing.
   */
  @Transactional
  public Receipt receive(String poId, String deliveryReference, String receivedBy, List<ReceiptLine> lines) {
    return receive(poId, new Delivery(deliveryReference, null, receivedBy, lines, false));
  }

  /**
   * record-goods-receipt: one delivery, as {@link #receive(String, String, String, List)}, with the supplier's
   * delivery note kept and, for the supplier's last delivery, the purchase order closed short (RECEIVED, its history
   * names the units that never came). The delivery reference makes a repeat return the earlier receipt.
   */
  @Transactional
  public Receipt receive(String poId, Delivery delivery) {
    PurchaseOrder po = load(poId);
    String deliveryReference = delivery.deliveryReference();
    List<ReceiptLine> lines = delivery.lines();
    String receivedBy = delivery.receivedBy();
    Optional<GoodsReceipt> earlier = po.receiptWithReference(deliveryReference);
    if (earlier.isPresent()) {
      return new Receipt(receiptView(earlier.get()), view(po));
    }
    if (lines == null || lines.isEmpty() || lines.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidRequestException("lines", "name every delivered line");
    }
    Map<String, String> bins = new LinkedHashMap<>();
    po.lines().forEach(l -> bins.put(l.sku(), inventory.putAwayBin(l.sku(), po.warehouseId())));
    GoodsReceipt receipt = po.receive(lines.stream().map(l -> new PurchaseOrder.Delivered(l.sku(),
            l.receivedQuantity(), l.damagedQuantity(), joined(l.lotOrSerials()), bins.get(l.sku()))).toList(),
        deliveryReference, blankToNull(delivery.deliveryNote()), receivedBy == null ? SYSTEM : receivedBy,
        delivery.lastDelivery(), clock.instant());
    purchaseOrders.saveAndFlush(po);
    Receipt result = new Receipt(receiptView(receipt), view(po));
    // Stock last: the inventory's updates clear the persistence context, the purchase order is written by now.
    for (ReceiptLineView line : result.receipt().lines()) {
      if (line.acceptedQuantity() > 0) {
        inventory.receivePurchased(result.purchaseOrder().number() + "/R" + result.receipt().receiptNo() + "/L"
            + line.poLineNo(), po.warehouseId(), line.sku(), line.acceptedQuantity());
      }
    }
    log.info("Purchase order {} receipt {}: {}", result.purchaseOrder().number(), result.receipt().receiptNo(),
        result.purchaseOrder().status());
    return result;
  }

  /**
   * prepare-goods-receipt: the lines the warehouse still waits for (with the product's name), and when to remind the
   * supplier: the end of the expected delivery date.
   */
  @Transactional(readOnly = true)
  public ExpectedDelivery expectedDelivery(String poId) {
    PurchaseOrder po = load(poId);
    List<PurchaseOrderLine> open = po.status().closed() ? List.of()
        : po.lines().stream().filter(l -> l.stillOpen() > 0).toList();
    Map<String, Product> products = catalog.bySku(open.stream().map(PurchaseOrderLine::sku).toList());
    List<ExpectedLine> lines = open.stream().map(l -> new ExpectedLine(l.lineNo(), l.sku(),
        products.containsKey(l.sku()) ? products.get(l.sku()).name() : l.sku(), l.stillOpen())).toList();
    LocalDate expected = po.expectedDate() != null ? po.expectedDate()
        : LocalDate.ofInstant(clock.instant(), clock.getZone());
    OffsetDateTime remindAt = expected.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
    return new ExpectedDelivery(lines, po.expectedDate(), remindAt);
  }

  /**
   * remind-supplier: the expected delivery date passed with goods still open, so the supplier is reminded through the
   * supplier port, once per expected date (a later date the supplier promised gets its own reminder). False when
   * nothing was sent: reminded of this date already, or nothing is expected any more.
   */
  @Transactional
  public boolean remindSupplier(String poId) {
    PurchaseOrder po = load(poId);
    if (!po.remind(clock.instant())) {
      return false;
    }
    Supplier supplier = suppliers.findById(po.supplierId())
        .orElseThrow(() -> new IllegalStateException("Unknown supplier " + po.supplierId()));
    supplierGateway.remind(new SupplierGateway.Reminder(po.id(), po.poNumber(), supplier.id(), supplier.name(),
        supplier.email(), po.warehouseId(), po.expectedDate(), po.lines().stream().filter(l -> l.stillOpen() > 0)
            .map(l -> new SupplierGateway.Line(l.lineNo(), l.sku(), l.stillOpen(), l.unitCost())).toList()));
    log.info("Purchase order {}: supplier {} reminded of the delivery expected {}", po.poNumber(), supplier.id(),
        po.expectedDate());
    return true;
  }

  /**
   * notify-purchasing: a mail to purchasing's mailbox about the purchase order, once per {@code dedupKey} (the
   * process step): {@link PurchasingNotices#SUPPLIER_REJECTED} with the supplier's reason, or
   * {@link PurchasingNotices#RECEIPT_DISCREPANCY} with receipt {@code receiptNo}'s over, short and damaged units per
   * line. False when it was recorded before.
   */
  public boolean notifyPurchasing(String poId, String topic, Integer receiptNo, String dedupKey) {
    PurchasingNotices.Notice notice = tx.execute(s -> {
      PurchaseOrder po = load(poId);
      Supplier supplier = suppliers.findById(po.supplierId())
          .orElseThrow(() -> new IllegalStateException("Unknown supplier " + po.supplierId()));
      return notices.compose(po, supplier, topic, receiptNo);
    });
    return notices.send(notice, dedupKey);
  }

  /**
   * Checks a delivery as counted against the purchase order without recording it: 400 naming {@code lines[i].sku}
   * (not on the order, or named twice), {@code lines[i].receivedQuantity} (negative) or
   * {@code lines[i].damagedQuantity} (negative, or more than received).
   */
  @Transactional(readOnly = true)
  public void checkDelivery(String poId, List<ReceiptLine> lines) {
    if (lines == null || lines.isEmpty() || lines.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidRequestException("lines", "name every delivered line");
    }
    List<InvalidRequestException.FieldProblem> problems = load(poId).deliveryProblems(lines.stream()
        .map(l -> new PurchaseOrder.Delivered(l.sku(), l.receivedQuantity(), l.damagedQuantity(), null, null)).toList());
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** The receipt that recorded this supplier's delivery note on the purchase order, if one did. */
  @Transactional(readOnly = true)
  public Optional<ReceiptView> receiptWithDeliveryNote(String poId, String deliveryNote) {
    String note = blankToNull(deliveryNote);
    return note == null ? Optional.empty() : load(poId).receipts().stream()
        .filter(r -> note.equals(r.deliveryNote()) || note.equals(r.deliveryReference())).findFirst()
        .map(Replenishment::receiptView);
  }

  @Transactional(readOnly = true)
  public PurchaseOrderView get(String poId) {
    return view(load(poId));
  }

  /** The warehouse the purchase order delivers to (for the API's own-warehouse rule). */
  @Transactional(readOnly = true)
  public String warehouseOf(String poId) {
    return load(poId).warehouseId();
  }

  /** The latest purchase orders, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  public List<PurchaseOrderView> list(PurchaseOrderStatus status, int max) {
    List<PurchaseOrder> found = status == null ? purchaseOrders.findAllByOrderByCreatedAtDesc(Limit.of(max))
        : purchaseOrders.findByStatusOrderByCreatedAtDesc(status, Limit.of(max));
    return found.stream().map(this::view).toList();
  }

  /** The reorder policies of a SKU in every warehouse, or every policy without a SKU. */
  @Transactional(readOnly = true)
  public List<ReorderPolicyView> policies(String sku) {
    List<ReorderPolicy> found = sku == null || sku.isBlank() ? policies.findAllByOrderBySkuAscWarehouseIdAsc()
        : policies.findBySkuOrderByWarehouseId(sku);
    Map<String, Supplier> bySupplier = new LinkedHashMap<>();
    return found.stream().map(p -> {
      Supplier s = bySupplier.computeIfAbsent(p.supplierId(), id -> suppliers.findById(id).orElse(null));
      BigDecimal daily = p.ordersByCover()
          ? BigDecimal.valueOf(dailySales(p.sku(), p.warehouseId())).setScale(2, java.math.RoundingMode.HALF_UP) : null;
      return new ReorderPolicyView(p.sku(), p.warehouseId(), p.reorderPoint(), p.orderQuantity(), p.supplierId(),
          s == null ? null : s.name(), p.unitCost(), s == null ? null : s.currency(), p.coverDays(), daily);
    }).toList();
  }

  private PurchaseOrder load(String poId) {
    return purchaseOrders.findById(poId).orElseThrow(() -> new NotFoundException("Purchase order", poId));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String joined(List<String> lotOrSerials) {
    if (lotOrSerials == null || lotOrSerials.isEmpty()) {
      return null;
    }
    String joined = String.join("\n", lotOrSerials.stream().filter(s -> s != null && !s.isBlank()).map(String::trim)
        .toList());
    if (joined.length() > 2000) {
      throw new InvalidRequestException("lines.lotOrSerials", "at most 2000 characters in all");
    }
    return joined.isEmpty() ? null : joined;
  }

  private PurchaseOrderView view(PurchaseOrder po) {
    String supplierName = suppliers.findById(po.supplierId()).map(Supplier::name).orElse(null);
    return new PurchaseOrderView(po.id(), po.poNumber(), po.supplierId(), supplierName, po.warehouseId(), po.status(),
        po.totalValue(), po.currency(), po.expectedDate(), po.approvedBy(), po.decisionNote(), po.rejectionReason(),
        po.createdAt(), po.sentAt(), po.confirmedAt(), po.closedAt(),
        po.lines().stream().map(l -> new LineView(l.lineNo(), l.sku(), l.orderedQuantity(), l.confirmedQuantity(),
            l.receivedQuantity(), l.damagedQuantity(), l.acceptedQuantity(), l.stillOpen(), l.unitCost())).toList(),
        po.receipts().stream().map(Replenishment::receiptView).toList(),
        po.events().stream().map(e -> new EventView(e.occurredAt(), e.step(), e.detail())).toList(),
        po.processInstanceKey());
  }

  private static ReceiptView receiptView(GoodsReceipt r) {
    return new ReceiptView(r.receiptNo(), r.deliveryReference(), r.deliveryNote(), r.receivedBy(), r.receivedAt(),
        r.lines().stream().map(l -> {
          List<String> discrepancies = new java.util.ArrayList<>();
          if (l.overQuantity() > 0) {
            discrepancies.add("OVER " + l.overQuantity());
          }
          if (l.damagedQuantity() > 0) {
            discrepancies.add("DAMAGED " + l.damagedQuantity());
          }
          if (l.shortQuantity() > 0) {
            discrepancies.add("SHORT " + l.shortQuantity());
          }
          return new ReceiptLineView(l.poLineNo(), l.sku(), l.receivedQuantity(), l.damagedQuantity(),
              l.acceptedQuantity(), l.overQuantity(), l.shortQuantity(),
              l.lotOrSerials() == null ? List.of() : Arrays.asList(l.lotOrSerials().split("\n")), l.binLocation(),
              List.copyOf(discrepancies));
        }).toList());
  }
}
