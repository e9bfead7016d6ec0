package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.payment.ReturnRefundAction;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.process.ReturnProcess.Topics;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of an RMA's process, one method per job type of {@link io.orderflow.fulfillment.process.ReturnProcess}.
 * Each is safe to repeat: a step already done answers what it answered the first time and changes nothing.
 */
@Service
public class ReturnHandling {

  private static final Logger log = LoggerFactory.getLogger(ReturnHandling.class);

  /** The eligibility decided for one line: APPROVE, REJECT or REVIEW, with why. */
  public record LineDecision(int lineNo, String decision, String explanation) {}

  /** The condition and notes the warehouse gave one line at inspection. */
  public record InspectedLine(int lineNo, String condition, String notes) {}

  /** What the return-outcome decision chose for one line: RESTOCK, REFURBISH or SCRAP. */
  public record LineOutcome(int lineNo, String outcome, String explanation) {}

  /** The label booked: its tracking number, and the lines the inspection form lists. */
  public record IssuedLabel(String returnTrackingNumber, List<Map<String, Object>> inspectedLines) {}

  /** The inspection stored: the lines with something received, and whether anything was. */
  public record Inspection(List<Map<String, Object>> receivedLines, boolean anythingReceived) {}

  /** DONE: refunded (or nothing to refund); BANK_PAYOUT: finance pays it out by bank transfer. */
  public enum RefundRoute { DONE, BANK_PAYOUT }

  /** What the refund step answers: the route, and the amount refunded (or to be paid out) with its currency. */
  public record RefundResult(RefundRoute route, BigDecimal amount, String currency) {}

  private final ReturnRequestRepository returns;
  private final ReturnShippingRefundRepository shippingRefunds;
  private final OrderService orders;
  private final DeliveredGoods delivered;
  private final Inventory inventory;
  private final Shipping shipping;
  private final Notifications notifications;
  private final ReturnRefundPort money;
  private final ReplacementPort replacements;
  private final ReturnSettings settings;
  private final String publicUrl;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReturnHandling(ReturnRequestRepository returns, ReturnShippingRefundRepository shippingRefunds, OrderService orders,
      DeliveredGoods delivered, Inventory inventory, Shipping shipping, Notifications notifications,
      ReturnRefundPort money, ReplacementPort replacements, ReturnSettings settings,
      @Value("${fulfillment.public-url:http://localhost:8080}") String publicUrl, PlatformTransactionManager txManager,
      Clock clock) {
    this.returns = returns;
    this.shippingRefunds = shippingRefunds;
    this.orders = orders;
    this.delivered = delivered;
    this.inventory = inventory;
    this.shipping = shipping;
    this.notifications = notifications;
    this.money = money;
    this.replacements = replacements;
    this.settings = settings;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** record-return-eligibility: stores the decision per line; answers APPROVED, REVIEW or REJECTED. */
  public String recordEligibility(String returnId, List<LineDecision> decisions) {
    Map<Integer, ReturnLine.Eligibility> byLine = new HashMap<>();
    Map<Integer, String> explanations = new HashMap<>();
    for (LineDecision d : decisions) {
      byLine.put(d.lineNo(), ReturnLine.Eligibility.valueOf(d.decision().strip().toUpperCase(Locale.ROOT)));
      explanations.put(d.lineNo(), d.explanation());
    }
    return inTx(returnId, r -> r.eligibilityDecided(byLine, explanations, clock.instant()).name());
  }

  /** record-return-review: customer service's APPROVE or REJECT of the lines that needed a person. */
  public String recordReview(String returnId, String reviewDecision, String reviewNote) {
    if (reviewDecision == null || !Set.of("APPROVE", "REJECT").contains(reviewDecision)) {
      throw new IllegalArgumentException("reviewDecision must be APPROVE or REJECT, was " + reviewDecision);
    }
    return inTx(returnId, r -> r.reviewed("APPROVE".equals(reviewDecision), reviewNote, clock.instant()).name());
  }

  /** reject-return. */
  public void reject(String returnId) {
    inTx(returnId, r -> {
      r.reject(clock.instant());
      return null;
    });
  }

  /** issue-return-label: books the return parcel with the courier (once per RMA). */
  public IssuedLabel issueLabel(String returnId) {
    ReturnRequest r = load(returnId);
    if (r.status() != ReturnStatus.APPROVED && r.returnTrackingNumber() == null) {
      throw new ConflictException("Return " + r.rmaNumber() + " is " + r.status() + "; a label is issued once approved");
    }
    Shipping.Booked booked = shipping.bookReturnLabel(r.rmaNumber(), r.orderId(), r.warehouseId());
    ReturnRequest issued = inTxEntity(returnId, x -> x.labelIssued(booked.carrier(), booked.trackingNumber(),
        clock.instant()));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReturnLine l : issued.lines()) {
      if (l.approved()) {
        Map<String, Object> line = new HashMap<>();
        line.put("lineNo", l.lineNo());
        line.put("sku", l.sku());
        line.put("productName", l.productName());
        line.put("expectedQuantity", l.requestedQuantity());
        line.put("condition", null);
        line.put("notes", null);
        lines.add(line);
      }
    }
    return new IssuedLabel(booked.trackingNumber(), lines);
  }

  /** expire-return: no parcel came back in time; the RMA is closed and its label cancelled. */
  public void expire(String returnId) {
    ReturnRequest r = inTxEntity(returnId, x -> x.expire(clock.instant()));
    shipping.cancelReturnLabel(r.rmaNumber());
  }

  /**
   * Checks the inspection the warehouse submits: every line of which something was received needs its condition
   * (one of {@link ItemCondition}).
   *
   * @throws InvalidRequestException naming the line
   */
  public void checkInspection(String returnId, String scannedItems, List<InspectedLine> inspected) {
    ReturnRequest r = load(returnId);
    ScanCount.Result count = ScanCount.count(expected(r), scannedItems);
    conditions(r, count, inspected);
  }

  /** record-return-inspection: counts the scans against the RMA and stores condition and notes per line. */
  public Inspection recordInspection(String returnId, String scannedItems, List<InspectedLine> inspected) {
    ReturnRequest r = inTxEntity(returnId, x -> {
      ScanCount.Result count = ScanCount.count(expected(x), scannedItems);
      Map<Integer, ItemCondition> conditions = conditions(x, count, inspected);
      Map<Integer, String> notes = new HashMap<>();
      inspected.forEach(i -> notes.put(i.lineNo(), i.notes()));
      x.inspected(scannedItems, count.received(), conditions, notes, count.extras(), clock.instant());
    });
    List<Map<String, Object>> received = new ArrayList<>();
    for (ReturnLine l : r.lines()) {
      if (l.received() > 0) {
        Map<String, Object> line = new HashMap<>();
        line.put("lineNo", l.lineNo());
        line.put("sku", l.sku());
        line.put("category", l.category());
        line.put("receivedQuantity", l.received());
        line.put("condition", l.condition() == null ? null : l.condition().name());
        received.add(line);
      }
    }
    return new Inspection(received, !received.isEmpty());
  }

  private static List<ScanCount.Expected> expected(ReturnRequest r) {
    return r.lines().stream().map(l -> new ScanCount.Expected(l.lineNo(), l.sku(), List.of(),
        l.approved() ? l.requestedQuantity() : 0)).toList();
  }

  private static Map<Integer, ItemCondition> conditions(ReturnRequest r, ScanCount.Result count,
      List<InspectedLine> inspected) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<Integer, ItemCondition> conditions = new HashMap<>();
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < inspected.size(); i++) {
      index.putIfAbsent(inspected.get(i).lineNo(), i);
    }
    for (ReturnLine line : r.lines()) {
      Integer i = index.get(line.lineNo());
      String field = i == null ? "inspectedLines" : "inspectedLines[" + i + "].condition";
      String given = i == null ? null : inspected.get(i).condition();
      int received = count.received().getOrDefault(line.lineNo(), 0);
      if (given != null && !given.isBlank()) {
        try {
          conditions.put(line.lineNo(), ItemCondition.valueOf(given.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
          problems.add(new FieldProblem(field, "line " + line.lineNo() + " (" + line.sku() + "): '" + given
              + "' is no condition; one of AS_NEW, OPENED, USED, DAMAGED, DEFECTIVE"));
        }
      } else if (received > 0) {
        problems.add(new FieldProblem(field, "line " + line.lineNo() + " (" + line.sku() + "): " + received
            + " unit(s) received; choose their condition (AS_NEW, OPENED, USED, DAMAGED, DEFECTIVE)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return conditions;
  }

  /**
   * put-away-returned-items: every received line goes where its outcome says: RESTOCK back on hand in the RMA's
   * warehouse, REFURBISH or SCRAP recorded in the stock ledger without adding available stock.
   */
  public void putAway(String returnId, List<LineOutcome> outcomes) {
    Map<Integer, LineOutcome> byLine = outcomes.stream()
        .collect(Collectors.toMap(LineOutcome::lineNo, o -> o, (a, b) -> a));
    tx.executeWithoutResult(status -> {
      ReturnRequest r = load(returnId);
      for (ReturnLine line : r.lines()) {
        if (line.received() == 0) {
          continue;
        }
        LineOutcome outcome = byLine.get(line.lineNo());
        if (outcome == null || outcome.outcome() == null) {
          throw new IllegalArgumentException(r.rmaNumber() + ": no outcome for line " + line.lineNo()
              + " of which " + line.received() + " unit(s) came back");
        }
        ReturnLine.Outcome chosen = ReturnLine.Outcome.valueOf(outcome.outcome().strip().toUpperCase(Locale.ROOT));
        r.outcomeDecided(line.lineNo(), chosen, outcome.explanation());
        inventory.putAwayReturned(r.rmaNumber() + "/" + line.lineNo(), r.orderId(), r.warehouseId(), line.sku(),
            line.received(), Inventory.ReturnedGoodsOutcome.valueOf(line.outcome().name()));
        line.putAway(clock.instant());
      }
    });
  }

  /**
   * refund-return: the received units at the price paid, plus the shipping of their parcels when the shop was at fault
   * (each parcel's once over all RMAs), minus the return-label fee for a return that was not; refunded the way the
   * customer chose, and a VAT credit note for the goods.
   */
  public RefundResult refund(String returnId) {
    ReturnRequest r = load(returnId);
    if (r.refundAction() != null) {
      return new RefundResult(route(r.refundAction()), r.refundAmount(), r.refundCurrency());
    }
    if (r.inspectedAt() == null) {
      throw new ConflictException("Return " + r.rmaNumber() + " is " + r.status() + ": nothing was inspected to refund");
    }
    OrderSummary order = orders.summary(r.orderId());
    String currency = order.currency().getCurrencyCode();
    List<RefundCalculation.ReceivedLine> received = r.lines().stream().filter(l -> l.received() > 0)
        .map(l -> new RefundCalculation.ReceivedLine(l.received(), l.unitPrice())).toList();
    List<BigDecimal> shippingCosts = r.reason().shopFault() && !received.isEmpty() ? claimShipping(r, order) : List.of();
    RefundCalculation.Amount amount = RefundCalculation.of(r.kind(), r.reason(), received, shippingCosts,
        settings.labelFee());
    ReturnRefundPort.Refund refund = amount.total().signum() == 0
        ? new ReturnRefundPort.Refund(ReturnRefundAction.NOTHING, amount.total(), currency, null)
        : money.refundReturn(r.orderId(), r.rmaNumber(), amount.total(), r.refundChoice());
    Map<String, Integer> quantities = new TreeMap<>();
    r.lines().stream().filter(l -> l.received() > 0).forEach(l -> quantities.merge(l.sku(), l.received(), Integer::sum));
    if (!quantities.isEmpty()) {
      money.creditNote(r.orderId(), r.rmaNumber(), quantities, amount.shipping());
    }
    inTxEntity(returnId, x -> x.refunded(refund.action(), refund.amount(), refund.currency(), refund.reference(),
        amount.shipping(), clock.instant()));
    log.info("Return {} of order {}: {} {} {} (goods {}, shipping {}, fee {})", r.rmaNumber(), r.orderId(),
        refund.action(), refund.amount(), currency, amount.goods(), amount.shipping(), amount.fee());
    return new RefundResult(route(refund.action()), refund.amount(), refund.currency());
  }

  /** The parcels the received goods came in whose shipping no RMA has refunded yet are claimed for this one. */
  private List<BigDecimal> claimShipping(ReturnRequest r, OrderSummary order) {
    Set<String> skus = r.lines().stream().filter(l -> l.received() > 0).map(ReturnLine::sku).collect(Collectors.toSet());
    for (DeliveredGoods.Parcel parcel : delivered.of(order)) {
      boolean carried = skus.stream().anyMatch(sku -> parcel.units(sku) > 0);
      boolean claimed = shippingRefunds.findByOrderId(order.id()).stream()
          .anyMatch(c -> c.shipmentNo() == parcel.shipmentNo());
      if (carried && !claimed && parcel.shippingCost() != null && parcel.shippingCost().signum() > 0) {
        try {
          tx.executeWithoutResult(status -> shippingRefunds.saveAndFlush(new ReturnShippingRefund(order.id(),
              parcel.shipmentNo(), r.id(), parcel.shippingCost())));
        } catch (DataIntegrityViolationException claimedConcurrently) {
          log.info("Shipping of parcel {} of order {} claimed by another return", parcel.shipmentNo(), order.id());
        }
      }
    }
    return shippingRefunds.findByOrderId(order.id()).stream().filter(c -> c.returnId().equals(r.id()))
        .map(ReturnShippingRefund::amount).toList();
  }

  private static RefundRoute route(ReturnRefundAction action) {
    return action == ReturnRefundAction.BANK_PAYOUT_DUE ? RefundRoute.BANK_PAYOUT : RefundRoute.DONE;
  }

  /** record-return-payout: finance paid the refund out by bank transfer. */
  public void recordPayout(String returnId, String payoutReference) {
    if (payoutReference == null || payoutReference.isBlank()) {
      throw new IllegalArgumentException("payoutReference is required");
    }
    ReturnRequest r = load(returnId);
    if (r.payoutReference() != null) {
      return;
    }
    money.recordPayout(r.orderId(), r.rmaNumber(), payoutReference.strip());
    inTxEntity(returnId, x -> x.payoutRecorded(payoutReference.strip(), clock.instant()));
  }

  /** send-replacement: a free order of the received units (of the approved ones if nothing was inspected). */
  public String sendReplacement(String returnId) {
    ReturnRequest r = load(returnId);
    if (r.replacementOrderId() != null) {
      return r.replacementOrderId();
    }
    List<OrderService.RequestedLine> lines = r.lines().stream()
        .filter(l -> r.inspectedAt() == null ? l.approved() : l.received() > 0)
        .map(l -> new OrderService.RequestedLine(l.sku(), r.inspectedAt() == null ? l.requestedQuantity() : l.received()))
        .toList();
    if (lines.isEmpty()) {
      throw new ConflictException("Return " + r.rmaNumber() + ": nothing came back, so there is nothing to replace");
    }
    ReplacementPort.Replacement replacement = replacements.send(r.orderId(), r.rmaNumber(), lines);
    inTxEntity(returnId, x -> x.replaced(replacement.orderId(), clock.instant()));
    log.info("Return {} of order {}: replacement order {} ({})", r.rmaNumber(), r.orderId(), replacement.orderNumber(),
        replacement.orderId());
    return replacement.orderId();
  }

  /** close-return: the RMA is complete; customer service is told. */
  public void close(String returnId) {
    ReturnRequest r = inTxEntity(returnId, x -> x.close(clock.instant()));
    notifications.notify(r.orderId(), Audience.CUSTOMER_SERVICE, "RETURN_CLOSED", "return-closed-" + r.id(),
        r.rmaNumber() + " closed" + (r.refundAction() == null ? "" : ": " + r.refundAction() + " " + r.refundAmount()
            + " " + r.refundCurrency()) + (r.replacementOrderId() == null ? "" : ": replaced"));
  }

  /**
   * notify-return-customer: the customer's mail of the topic, with the RMA's facts; once per step (the element
   * instance key). The arrival mail also records the arrival when the courier, not the dock, reported it.
   */
  public boolean notifyCustomer(String returnId, String topic, String dedupKey) {
    ReturnRequest r = load(returnId);
    if (Topics.RETURN_ARRIVED.equals(topic) && r.status() == ReturnStatus.AWAITING_PARCEL) {
      try {
        r = inTxEntity(returnId, x -> {
          if (x.arrivedAt() == null) {
            x.arrived("delivered to the warehouse by the courier", clock.instant());
          }
        });
      } catch (org.springframework.orm.ObjectOptimisticLockingFailureException dockScannedAtOnce) {
        r = load(returnId); // the dock recorded the arrival at the same moment
      }
    }
    return notifications.notify(r.orderId(), Audience.CUSTOMER, topic, dedupKey, detail(r, topic));
  }

  /** What the customer's mail of the topic says about the RMA. */
  String detail(ReturnRequest r, String topic) {
    String rma = r.rmaNumber() + ": ";
    return switch (topic) {
      case Topics.RETURN_REQUESTED -> rma + Returns.linesText(r) + "; reason " + words(r.reason().name())
          + ". We check your request and write to you again.";
      case Topics.RETURN_APPROVED -> rma + lines(r, ReturnLine::approved, ReturnLine::requestedQuantity)
          + ". Your return label: " + publicUrl + "/api/returns/" + r.id() + "/label.pdf" + " (" + r.carrier() + ", "
          + r.returnTrackingNumber() + "). Please send the parcel by " + sendBy(r) + "."
          + rejectedLines(r) + (r.kind() == ReturnKind.COMPLAINT || r.reason().shopFault() ? ""
          : " A return label fee of " + settings.labelFee() + " is deducted from the refund.");
      case Topics.RETURN_REJECTED -> rma + Returns.linesText(r) + ". " + rejectionReason(r);
      case Topics.RETURN_ARRIVED -> rma + "your parcel (" + r.returnTrackingNumber() + ") reached our warehouse; we "
          + "inspect the items now.";
      case Topics.RETURN_REFUNDED -> rma + refundText(r) + receivedText(r);
      case Topics.RETURN_REPLACEMENT -> rma + "replacement order " + replacementNumber(r) + " with "
          + lines(r, l -> l.received() > 0, ReturnLine::received) + " is on its way through our warehouse; we send "
          + "its tracking number when it ships.";
      case Topics.RETURN_EXPIRED -> rma + "no parcel reached us by " + sendBy(r) + ", so the return is closed and its "
          + "label cancelled. If you still want to return the items, request a new return.";
      default -> rma + words(r.status().name());
    };
  }

  private LocalDate sendBy(ReturnRequest r) {
    java.time.Instant from = r.labelIssuedAt() == null ? clock.instant() : r.labelIssuedAt();
    return from.plus(settings.parcelTimeout()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String lines(ReturnRequest r, java.util.function.Predicate<ReturnLine> which,
      java.util.function.ToIntFunction<ReturnLine> units) {
    String text = r.lines().stream().filter(which).map(l -> units.applyAsInt(l) + " x " + l.productName() + " ("
        + l.sku() + ")").collect(Collectors.joining(", "));
    return text.isEmpty() ? "no items" : text;
  }

  private static String rejectedLines(ReturnRequest r) {
    String rejected = r.lines().stream().filter(l -> l.eligibility() == ReturnLine.Eligibility.REJECT)
        .map(l -> l.productName() + " (" + (l.eligibilityExplanation() == null ? "not returnable"
            : l.eligibilityExplanation()) + ")").collect(Collectors.joining(", "));
    return rejected.isEmpty() ? "" : " Not accepted: " + rejected + ".";
  }

  private static String rejectionReason(ReturnRequest r) {
    String why = r.lines().stream().map(ReturnLine::eligibilityExplanation).filter(e -> e != null && !e.isBlank())
        .distinct().collect(Collectors.joining("; "));
    if (r.reviewNote() != null && !r.reviewNote().isBlank()) {
      why = why.isEmpty() ? r.reviewNote() : why + "; " + r.reviewNote();
    }
    return why.isEmpty() ? "The items cannot be returned." : why;
  }

  private static String refundText(ReturnRequest r) {
    if (r.refundAction() == null) {
      return "the refund is being prepared.";
    }
    String amount = r.refundAmount() + " " + r.refundCurrency();
    String how = switch (r.refundAction()) {
      case CARD_REFUNDED -> "refunded to your card";
      case STORE_CREDIT -> "issued as store credit";
      case BANK_PAYOUT_DUE -> r.payoutReference() == null ? "to be paid to your bank account"
          : "paid to your bank account (transfer " + r.payoutReference() + ")";
      case REDUCED -> "taken off your open invoice";
      case NOTHING -> "nothing to refund";
    };
    String shipping = r.shippingRefunded() != null && r.shippingRefunded().signum() > 0
        ? ", including " + r.shippingRefunded() + " " + r.refundCurrency() + " shipping" : "";
    return r.refundAction() == ReturnRefundAction.NOTHING ? how + "." : amount + " " + how + shipping
        + (r.refundReference() == null ? "" : " (reference " + r.refundReference() + ")") + ".";
  }

  private static String receivedText(ReturnRequest r) {
    String missing = r.lines().stream().filter(l -> l.missingQuantity() != null && l.missingQuantity() > 0)
        .map(l -> l.missingQuantity() + " x " + l.productName()).collect(Collectors.joining(", "));
    return " Received: " + lines(r, l -> l.received() > 0, ReturnLine::received) + "."
        + (missing.isEmpty() ? "" : " Not in the parcel: " + missing + ".");
  }

  private String replacementNumber(ReturnRequest r) {
    if (r.replacementOrderId() == null) {
      return "(being created)";
    }
    try {
      return orders.summary(r.replacementOrderId()).orderNumber();
    } catch (NotFoundException e) {
      return r.replacementOrderId();
    }
  }

  private static String words(String code) {
    String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return w;
  }

  private ReturnRequest load(String returnId) {
    return tx.execute(status -> {
      ReturnRequest r = returns.findById(returnId).orElseThrow(() -> new NotFoundException("Return", returnId));
      r.lines().size();
      r.events().size();
      return r;
    });
  }

  private <T> T inTx(String returnId, java.util.function.Function<ReturnRequest, T> step) {
    return tx.execute(status -> step.apply(returns.findById(returnId)
        .orElseThrow(() -> new NotFoundException("Return", returnId))));
  }

  private ReturnRequest inTxEntity(String returnId, java.util.function.Consumer<ReturnRequest> step) {
    return tx.execute(status -> {
      ReturnRequest r = returns.findById(returnId).orElseThrow(() -> new NotFoundException("Return", returnId));
      step.accept(r);
      r.lines().size();
      r.events().size();
      return r;
    });
  }

  /** The form's inspection lines as the worker and the completion guard receive them. */
  public static List<InspectedLine> inspectedLines(Object formValue) {
    List<InspectedLine> lines = new ArrayList<>();
    if (formValue instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && m.get("lineNo") != null) {
          lines.add(new InspectedLine(((Number) asNumber(m.get("lineNo"))).intValue(), text(m.get("condition")),
              text(m.get("notes"))));
        }
      }
    }
    return lines;
  }

  private static Object asNumber(Object value) {
    return value instanceof Number ? value : Integer.valueOf(value.toString().strip());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static Map<String, Object> ordered(Map<String, Object> map) {
    return new LinkedHashMap<>(map);
  }
}
