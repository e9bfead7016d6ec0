package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.payment.RefundChoice;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderReturns;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ProcessState;
import io.orderflow.fulfillment.process.ReturnProcess;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requesting a return or complaint, and reading RMAs. A request is checked against what was delivered (only goods of
 * delivered parcels, no more units than are not on another RMA yet), numbered, stored and its process started after
 * the commit; when the engine cannot be reached the RMA stays REQUESTED and the retry below starts it.
 */
@Service
public class Returns implements OrderReturns {

  private static final Logger log = LoggerFactory.getLogger(Returns.class);
  static final int MAX_PHOTOS = 5;
  static final Duration ARRIVAL_MESSAGE_TTL = Duration.ofDays(1);

  public record RequestedLine(Integer lineNo, Integer quantity) {}

  /** A customer's (or customer service's) request; refundChoice null = the original payment method. */
  public record RequestReturn(ReturnKind kind, ReturnReason reason, List<RequestedLine> lines, String notes,
      List<String> photoUrls, RefundChoice refundChoice, String requestedBy) {}

  public record LineView(int lineNo, String sku, String productName, String category, int requestedQuantity,
      BigDecimal unitPrice, String eligibility, String eligibilityExplanation, Integer receivedQuantity,
      Integer missingQuantity, String condition, String notes, String outcome, String outcomeExplanation) {}

  public record ExtraItemView(String code, int quantity) {}

  public record RefundView(String action, BigDecimal amount, String currency, String reference,
      BigDecimal shippingRefunded, String payoutReference) {}

  public record EventView(Instant at, String step, String detail) {}

  /**
   * An RMA with where its process stands: {@code currentSteps} are the names of the process's active elements;
   * {@code labelUrl} once the return label is booked.
   */
  public record ReturnView(String id, String rmaNumber, String orderId, String orderNumber, ReturnKind kind,
      ReturnReason reason, ReturnStatus status, RefundChoice refundChoice, String notes, List<String> photoUrls,
      String requestedBy, Instant requestedAt, String warehouseId, int daysSinceDelivery, String carrier,
      String returnTrackingNumber, String labelUrl, Instant labelIssuedAt, Instant arrivedAt, Instant inspectedAt,
      List<LineView> lines, List<ExtraItemView> extraItems, RefundView refund, String complaintResolution,
      String replacementOrderId, Long processInstanceKey, String processStatus, List<String> currentSteps,
      List<EventView> history, Instant closedAt, Instant updatedAt) {}

  private final ReturnRequestRepository returns;
  /** RMA numbers: {@code RMA-2026-000123}, gap-free per year. */
  static final String RMA_SERIES = "RMA";

  private final GapFreeNumbers numbering;
  private final OrderService orders;
  private final DeliveredGoods delivered;
  private final Catalog catalog;
  private final Inventory inventory;
  private final Shipping shipping;
  private final Notifications notifications;
  private final ReturnProcessStarter starter;
  private final ProcessMessages messages;
  private final ProcessState processState;
  private final ReturnSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;

  Returns(ReturnRequestRepository returns, GapFreeNumbers numbering, OrderService orders, DeliveredGoods delivered,
      Catalog catalog, Inventory inventory, Shipping shipping, Notifications notifications,
      ReturnProcessStarter starter, ProcessMessages messages, ProcessState processState, ReturnSettings settings,
      PlatformTransactionManager txManager, Clock clock) {
    this.returns = returns;
    this.numbering = numbering;
    this.orders = orders;
    this.delivered = delivered;
    this.catalog = catalog;
    this.inventory = inventory;
    this.shipping = shipping;
    this.notifications = notifications;
    this.starter = starter;
    this.messages = messages;
    this.processState = processState;
    this.settings = settings;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Opens an RMA for lines of a delivered order and starts its process; customer service is told.
   *
   * @throws NotFoundException for an unknown order (404)
   * @throws InvalidRequestException for a request that does not fit the order (400): no lines, unknown or repeated
   *     line, quantity below 1, a complaint with a reason that is not the shop's fault, a free replacement order as a
   *     return, more than {@value #MAX_PHOTOS} photos or a photo that is not an https URL
   * @throws ConflictException when a line was not delivered or its units are on other RMAs already (409)
   */
  public ReturnView request(String orderId, RequestReturn command) {
    OrderSummary order = orders.summary(orderId);
    Map<Integer, LineSummary> orderLines = order.lines().stream()
        .collect(Collectors.toMap(LineSummary::lineNo, l -> l));
    checkRequest(order, orderLines, command);
    List<DeliveredGoods.Parcel> parcels = delivered.of(order);
    Map<Integer, Integer> covered = coveredUnits(orderId);
    for (RequestedLine line : command.lines()) {
      LineSummary ordered = orderLines.get(line.lineNo());
      int deliveredUnits = parcels.stream().mapToInt(p -> p.units(ordered.sku())).sum();
      if (deliveredUnits == 0) {
        throw new ConflictException("Line " + line.lineNo() + " (" + ordered.sku() + ") of order "
            + order.orderNumber() + " was not delivered: only delivered goods can be returned");
      }
      int onOtherReturns = covered.getOrDefault(line.lineNo(), 0);
      int returnable = Math.max(0, deliveredUnits - onOtherReturns);
      if (line.quantity() > returnable) {
        throw new ConflictException("Line " + line.lineNo() + " (" + ordered.sku() + "): " + returnable
            + " unit(s) can still be returned (" + deliveredUnits + " delivered, " + onOtherReturns
            + " on other returns), not " + line.quantity());
      }
    }
    Instant now = clock.instant();
    Set<String> skus = command.lines().stream().map(l -> orderLines.get(l.lineNo()).sku()).collect(Collectors.toSet());
    List<DeliveredGoods.Parcel> relevant = parcels.stream()
        .filter(p -> skus.stream().anyMatch(sku -> p.units(sku) > 0)).toList();
    Instant deliveredAt = relevant.stream().map(DeliveredGoods.Parcel::deliveredAt).max(Comparator.naturalOrder())
        .orElse(now);
    int days = (int) Math.max(0, Duration.between(deliveredAt, now).toDays());
    String warehouseId = warehouseOf(command.lines(), orderLines, relevant);
    Map<String, Product> products = catalog.bySku(skus);
    int year = now.atZone(ZoneOffset.UTC).getYear();
    numbering.prepareYear(RMA_SERIES, year);
    String id = tx.execute(status -> {
      ReturnRequest r = new ReturnRequest(UUID.randomUUID().toString(),
          GapFreeNumbers.format(RMA_SERIES, year, numbering.next(RMA_SERIES, year)), orderId,
          command.kind(), command.reason(), blankToNull(command.notes()), command.refundChoice(),
          command.requestedBy(), warehouseId, days, now);
      for (RequestedLine line : command.lines()) {
        LineSummary ordered = orderLines.get(line.lineNo());
        Product product = products.get(ordered.sku());
        r.addLine(ordered.lineNo(), ordered.sku(), ordered.productName(), product == null ? null : product.category(),
            line.quantity(), ordered.unitPrice());
      }
      if (command.photoUrls() != null) {
        command.photoUrls().forEach(r::addPhoto);
      }
      return returns.saveAndFlush(r).id();
    });
    ReturnRequest stored = whole(id);
    log.info("Return {} ({} {}) opened for order {} by {}", stored.rmaNumber(), stored.kind(), stored.reason(),
        orderId, stored.requestedBy());
    start(stored);
    notifications.notify(orderId, Audience.CUSTOMER_SERVICE, "RETURN_OPENED", "return-opened-" + id,
        stored.rmaNumber() + " (" + stored.kind() + ", " + stored.reason() + "): " + linesText(stored));
    return get(id);
  }

  /** The RMA with its lines, photos, extra items and history read (for use outside a transaction). */
  private ReturnRequest whole(String returnId) {
    return tx.execute(status -> {
      ReturnRequest r = load(returnId);
      r.lines().size();
      r.photos().size();
      r.extraItems().size();
      r.events().size();
      return r;
    });
  }

  private void checkRequest(OrderSummary order, Map<Integer, LineSummary> orderLines, RequestReturn command) {
    List<FieldProblem> problems = new ArrayList<>();
    if (command.kind() == null) {
      problems.add(new FieldProblem("kind", "is required: RETURN or COMPLAINT"));
    }
    if (command.reason() == null) {
      problems.add(new FieldProblem("reason", "is required: CHANGED_MIND, WRONG_SIZE, DAMAGED, DEFECTIVE or WRONG_ITEM"));
    }
    if (command.kind() == ReturnKind.COMPLAINT && command.reason() != null && !command.reason().shopFault()) {
      problems.add(new FieldProblem("reason", "a complaint is about goods that are DAMAGED, DEFECTIVE or the "
          + "WRONG_ITEM; " + command.reason() + " is a RETURN"));
    }
    if (!order.chargeCustomer() && command.kind() == ReturnKind.RETURN) {
      problems.add(new FieldProblem("kind", "order " + order.orderNumber() + " is a free replacement: it can only be "
          + "the subject of a COMPLAINT"));
    }
    if (command.lines() == null || command.lines().isEmpty()) {
      problems.add(new FieldProblem("lines", "name at least one line of the order and its quantity"));
    } else {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < command.lines().size(); i++) {
        RequestedLine line = command.lines().get(i);
        if (line == null || line.lineNo() == null) {
          problems.add(new FieldProblem("lines[" + i + "].lineNo", "is required"));
          continue;
        }
        if (!orderLines.containsKey(line.lineNo())) {
          problems.add(new FieldProblem("lines[" + i + "].lineNo", "order " + order.orderNumber() + " has no line "
              + line.lineNo()));
        } else if (!seen.add(line.lineNo())) {
          problems.add(new FieldProblem("lines[" + i + "].lineNo", "line " + line.lineNo()
              + " appears twice; name it once with the total quantity"));
        }
        if (line.quantity() == null || line.quantity() < 1) {
          problems.add(new FieldProblem("lines[" + i + "].quantity", "must be at least 1"));
        }
      }
    }
    List<String> photos = command.photoUrls() == null ? List.of() : command.photoUrls();
    if (photos.size() > MAX_PHOTOS) {
      problems.add(new FieldProblem("photoUrls", "at most " + MAX_PHOTOS + " photos, not " + photos.size()));
    }
    for (int i = 0; i < photos.size(); i++) {
      if (!httpsUrl(photos.get(i))) {
        problems.add(new FieldProblem("photoUrls[" + i + "]", "must be an https URL of at most 1000 characters"));
      }
    }
    if (command.notes() != null && command.notes().length() > 2000) {
      problems.add(new FieldProblem("notes", "at most 2000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static boolean httpsUrl(String url) {
    if (url == null || url.length() > 1000) {
      return false;
    }
    try {
      URI uri = new URI(url.strip());
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /**
   * Units per order line already on RMAs of the order: an open RMA's approved or undecided lines with their requested
   * units, a closed one's with what was received; rejected lines and rejected or expired RMAs count nothing.
   */
  private Map<Integer, Integer> coveredUnits(String orderId) {
    return tx.execute(status -> coveredUnitsInTx(orderId));
  }

  private Map<Integer, Integer> coveredUnitsInTx(String orderId) {
    Map<Integer, Integer> covered = new HashMap<>();
    for (ReturnRequest r : returns.findByOrderIdOrderByRequestedAt(orderId)) {
      if (!r.status().coversUnits()) {
        continue;
      }
      for (ReturnLine line : r.lines()) {
        if (line.eligibility() == ReturnLine.Eligibility.REJECT) {
          continue;
        }
        int units = line.receivedQuantity() != null ? line.receivedQuantity() : line.requestedQuantity();
        covered.merge(line.lineNo(), units, Integer::sum);
      }
    }
    return covered;
  }

  /** The warehouse that shipped most of the returned units (the first parcel's on a tie): the parcel goes there. */
  static String warehouseOf(List<RequestedLine> lines, Map<Integer, LineSummary> orderLines,
      List<DeliveredGoods.Parcel> parcels) {
    Map<String, Integer> units = new LinkedHashMap<>();
    for (DeliveredGoods.Parcel parcel : parcels) {
      int fromHere = 0;
      for (RequestedLine line : lines) {
        fromHere += Math.min(line.quantity(), parcel.units(orderLines.get(line.lineNo()).sku()));
      }
      units.merge(parcel.warehouseId(), fromHere, Integer::sum);
    }
    Comparator<Map.Entry<String, Integer>> most = Comparator.comparingInt(Map.Entry::getValue);
    Comparator<Map.Entry<String, Integer>> first = Comparator.comparingInt(e -> -indexOf(parcels, e.getKey()));
    return units.entrySet().stream().max(most.thenComparing(first))
        .map(Map.Entry::getKey).orElseThrow(() -> new ConflictException("No delivered parcel holds these lines"));
  }

  private static int indexOf(List<DeliveredGoods.Parcel> parcels, String warehouseId) {
    for (int i = 0; i < parcels.size(); i++) {
      if (parcels.get(i).warehouseId().equals(warehouseId)) {
        return i;
      }
    }
    return parcels.size();
  }

  @Scheduled(fixedDelayString = "${fulfillment.returns.start-retry-interval:${fulfillment.orders.start-retry-interval:PT15S}}",
      initialDelayString = "${fulfillment.returns.start-retry-interval:${fulfillment.orders.start-retry-interval:PT15S}}")
  void startStrandedReturns() {
    List<String> stranded = tx.execute(status -> returns.findByProcessInstanceKeyIsNullAndStatusAndRequestedAtBefore(
        ReturnStatus.REQUESTED, clock.instant().minusSeconds(10), Limit.of(100)).stream().map(ReturnRequest::id).toList());
    for (String id : stranded) {
      ReturnRequest r = whole(id);
      log.info("Starting the process of return {} that was requested while the engine was unreachable", r.rmaNumber());
      start(r);
    }
  }

  /** Starts the RMA's process; on failure the retry above starts it later. */
  void start(ReturnRequest r) {
    try {
      long key = starter.startReturnProcess(startVariables(r));
      tx.executeWithoutResult(status -> returns.findById(r.id()).orElseThrow().processStarted(key));
      log.info("Return {} of order {}: process instance {}", r.rmaNumber(), r.orderId(), key);
    } catch (RuntimeException e) {
      log.warn("Return {} of order {} stored but its process could not be started yet ({}); it will be retried",
          r.rmaNumber(), r.orderId(), e.getMessage());
    }
  }

  /** The start variables of {@link ReturnProcess}. */
  Map<String, Object> startVariables(ReturnRequest r) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnId", r.id());
    variables.put("orderId", r.orderId());
    variables.put("orderNumber", orders.summary(r.orderId()).orderNumber());
    variables.put("rmaNumber", r.rmaNumber());
    variables.put("returnKind", r.kind().name());
    variables.put("reason", r.reason().name());
    variables.put("daysSinceDelivery", r.daysSinceDelivery());
    variables.put("returnWindowDays", settings.windowDays());
    variables.put("returnParcelTimeout", isoDuration(settings.parcelTimeout()));
    variables.put("warehouseCode", r.warehouseId());
    variables.put("returnLines", r.lines().stream().map(l -> {
      Map<String, Object> line = new HashMap<>();
      line.put("lineNo", l.lineNo());
      line.put("sku", l.sku());
      line.put("productName", l.productName());
      line.put("category", l.category());
      line.put("quantity", l.requestedQuantity());
      line.put("unitPrice", l.unitPrice());
      return line;
    }).toList());
    return variables;
  }

  /** {@code P21D} for whole days (as the setting is written), otherwise Java's ISO form ({@code PT36H}). */
  static String isoDuration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }

  /** The order's RMAs, oldest first (404 for an unknown order). */
  public List<ReturnView> ofOrder(String orderId, boolean withSteps) {
    orders.summary(orderId);
    return tx.execute(status -> returns.findByOrderIdOrderByRequestedAt(orderId).stream()
        .map(r -> view(r, withSteps)).toList());
  }

  @Override
  public List<ReturnSummary> ofOrder(String orderId) {
    return tx.execute(status -> returns.findByOrderIdOrderByRequestedAt(orderId).stream()
        .map(r -> new ReturnSummary(r.id(), r.rmaNumber(), r.kind().name(), r.status().name(),
            "/api/returns/" + r.id())).toList());
  }

  public ReturnView get(String returnId) {
    return tx.execute(status -> view(load(returnId)));
  }

  /** Every open RMA (neither rejected, expired nor closed), oldest first, with its process's current steps. */
  public List<ReturnView> open(int max) {
    Set<ReturnStatus> open = EnumSet.noneOf(ReturnStatus.class);
    for (ReturnStatus s : ReturnStatus.values()) {
      if (s.open()) {
        open.add(s);
      }
    }
    return tx.execute(status -> returns.findByStatusInOrderByRequestedAt(open, Limit.of(max)).stream()
        .map(this::view).toList());
  }

  /** The latest RMAs, newest first. */
  public List<ReturnView> latest(int max) {
    return tx.execute(status -> returns.findAllByOrderByRequestedAtDesc(Limit.of(max)).stream().map(this::view).toList());
  }

  /**
   * The warehouse's dock scanned the RMA's label: the process hears that the parcel arrived (one message per RMA,
   * whether the dock or the courier reported it first).
   *
   * @throws ConflictException unless the RMA is waiting for its parcel
   */
  public ReturnView arrival(String returnId, String scannedBy) {
    ReturnRequest r = load(returnId);
    if (r.status() != ReturnStatus.AWAITING_PARCEL) {
      throw new ConflictException("Return " + r.rmaNumber() + " is " + r.status()
          + "; only a return waiting for its parcel can arrive");
    }
    messages.publish(ReturnProcess.Messages.RETURN_PARCEL_ARRIVED, r.rmaNumber(),
        Shipping.returnArrivalMessageId(r.rmaNumber()), ARRIVAL_MESSAGE_TTL,
        Map.of("returnArrivedAt", clock.instant().toString()));
    markArrived(returnId, "label scanned at the dock by " + scannedBy);
    log.info("Return {} arrived at {} (dock scan by {})", r.rmaNumber(), r.warehouseId(), scannedBy);
    return get(returnId);
  }

  /**
   * Records the arrival once. The process's arrival step may record it at the same moment (the message was just
   * published): the loser of that race finds it recorded and is done.
   */
  private void markArrived(String returnId, String how) {
    for (int attempt = 1; ; attempt++) {
      try {
        tx.executeWithoutResult(status -> {
          ReturnRequest r = load(returnId);
          if (r.arrivedAt() == null) {
            r.arrived(how, clock.instant());
          }
        });
        return;
      } catch (org.springframework.orm.ObjectOptimisticLockingFailureException concurrent) {
        if (attempt >= 3) {
          throw concurrent;
        }
      }
    }
  }

  /** The return label: PDF, the return tracking number as a Code 128 barcode, from the customer to the warehouse. */
  public byte[] label(String returnId) {
    ReturnRequest r = load(returnId);
    if (r.returnTrackingNumber() == null) {
      throw new ConflictException("Return " + r.rmaNumber() + " has no return label yet (status " + r.status()
          + "): it is issued once the return is approved");
    }
    OrderSummary order = orders.summary(r.orderId());
    return ReturnLabelPdf.render(new ReturnLabelPdf.Content(r.rmaNumber(), order.orderNumber(), r.carrier(),
        r.returnTrackingNumber(), order.customer().name(), order.shippingAddress(),
        inventory.warehouseAddress(r.warehouseId())));
  }

  /** The order a return belongs to and the warehouse it goes back to: for the access checks of the web layer. */
  public record Owner(String orderId, String warehouseId) {}

  public Owner owner(String returnId) {
    ReturnRequest r = load(returnId);
    return new Owner(r.orderId(), r.warehouseId());
  }

  /**
   * A return by its id, or by what its label shows: the RMA number ({@code RMA-2026-000123}) or the return tracking
   * number (the label's barcode), as the dock scans them (any case, surrounding blanks ignored).
   */
  private ReturnRequest load(String returnId) {
    return returns.findById(returnId).or(() -> {
      String code = returnId == null ? "" : returnId.strip().toUpperCase(java.util.Locale.ROOT);
      if (code.startsWith("RMA-")) {
        return returns.findByRmaNumber(code);
      }
      return code.isEmpty() ? java.util.Optional.<ReturnRequest>empty()
          : returns.findFirstByReturnTrackingNumber(code);
    }).orElseThrow(() -> new NotFoundException("Return", returnId));
  }

  ReturnView view(ReturnRequest r) {
    return view(r, true);
  }

  ReturnView view(ReturnRequest r, boolean withSteps) {
    ProcessState.InstanceView instance = !withSteps || r.processInstanceKey() == null ? null
        : processState.instance(r.processInstanceKey());
    String orderNumber = orders.summary(r.orderId()).orderNumber();
    return new ReturnView(r.id(), r.rmaNumber(), r.orderId(), orderNumber, r.kind(), r.reason(), r.status(),
        r.refundChoice(), r.notes(), r.photos().stream().map(ReturnPhoto::url).toList(), r.requestedBy(),
        r.requestedAt(), r.warehouseId(), r.daysSinceDelivery(), r.carrier(), r.returnTrackingNumber(),
        r.returnTrackingNumber() == null ? null : "/api/returns/" + r.id() + "/label.pdf", r.labelIssuedAt(),
        r.arrivedAt(), r.inspectedAt(),
        r.lines().stream().map(l -> new LineView(l.lineNo(), l.sku(), l.productName(), l.category(),
            l.requestedQuantity(), l.unitPrice(), name(l.eligibility()), l.eligibilityExplanation(),
            l.receivedQuantity(), l.missingQuantity(), name(l.condition()), l.notes(), name(l.outcome()),
            l.outcomeExplanation())).toList(),
        r.extraItems().stream().map(e -> new ExtraItemView(e.code(), e.quantity())).toList(),
        r.refundAction() == null ? null : new RefundView(r.refundAction().name(), r.refundAmount(),
            r.refundCurrency(), r.refundReference(), r.shippingRefunded(), r.payoutReference()),
        r.complaintResolution(), r.replacementOrderId(), r.processInstanceKey(),
        instance == null ? (r.processInstanceKey() == null ? "NOT_STARTED" : null) : instance.status().name(),
        instance == null ? List.of() : instance.activeElements().stream()
            .map(e -> e.name() == null ? e.elementId() : e.name()).toList(),
        r.events().stream().map(e -> new EventView(e.occurredAt(), e.step(), e.detail())).toList(),
        r.closedAt(), r.updatedAt());
  }

  static String linesText(ReturnRequest r) {
    return r.lines().stream().map(l -> l.requestedQuantity() + " x " + l.productName() + " (" + l.sku() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
