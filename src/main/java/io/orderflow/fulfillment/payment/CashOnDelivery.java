package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.process.PaymentProcess;
import io.orderflow.fulfillment.process.PaymentProcess.Methods;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cash on delivery: registered before shipping (the order may ship; the courier collects the amount due at the door),
 * settled after delivery when the courier reports the cash it collected. The courier reports once per order (the
 * whole amount, with the first parcel that is paid for), identified by its collection id.
 */
@Service
public class CashOnDelivery {

  private static final Logger log = LoggerFactory.getLogger(CashOnDelivery.class);

  /**
   * How long a courier's report waits for the settlement: the courier may report at the door, days before the last
   * parcel of the order is delivered and the settlement starts listening.
   */
  static final Duration MESSAGE_TTL = Duration.ofDays(30);

  public enum Outcome { MATCHED, AMOUNT_MISMATCH, DUPLICATE }

  /** What the settlement (and finance's forms) show about the cash expected. */
  public record Facts(String orderNumber, BigDecimal amountDue, String currency) {}

  /** The courier's report: its own collection id, the parcel's tracking number or the order number, the amount. */
  public record CashReport(String collectionId, String trackingNumber, String orderNumber, BigDecimal amount,
      String currency) {}

  public record CollectionResult(String collectionId, Outcome outcome, String orderNumber, String detail) {}

  private final CashCollectionRepository collections;
  private final PaymentLedger ledger;
  private final OrderService orders;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  CashOnDelivery(CashCollectionRepository collections, PaymentLedger ledger, OrderService orders,
      ProcessMessages messages, PlatformTransactionManager txManager, Clock clock) {
    this.collections = collections;
    this.ledger = ledger;
    this.orders = orders;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** The payment is secured by cash on delivery: the order may ship. */
  public void register(String orderId) {
    ledger.open(orders.summary(orderId));
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() != PaymentStatus.PENDING) {
        return;
      }
      ledger.record(payment, PaymentStatus.COLLECT_ON_DELIVERY,
          "The courier collects " + payment.money() + " on delivery");
      orders.paymentAuthorized(orderId);
      log.info("Order {} is paid cash on delivery", orderId);
    });
  }

  /** Every parcel is delivered: the shop now waits for the courier to hand over the cash. */
  public Facts expectRemittance(String orderId) {
    OrderSummary order = orders.summary(orderId);
    Payment payment = tx.execute(status -> {
      Payment p = ledger.load(orderId);
      if (p.status() == PaymentStatus.COLLECT_ON_DELIVERY && p.receivedAmount() == null) {
        ledger.record(p, PaymentStatus.COLLECT_ON_DELIVERY,
            "Delivered; waiting for the courier to hand over the " + p.money() + " collected");
      }
      return p;
    });
    return new Facts(order.orderNumber(), payment.amountDue(), payment.currency());
  }

  /**
   * Records the courier's report of the cash collected, once per collection id, and passes it on to the settlement.
   *
   * @throws NotFoundException when no order has the tracking number or order number
   * @throws ConflictException when the order is not paid cash on delivery or its cash was reported already
   */
  public CollectionResult recordCollection(CashReport report) {
    Optional<CashCollection> known = collections.findByCollectionId(report.collectionId());
    if (known.isPresent()) {
      CashCollection collection = known.get();
      if (collection.publishedAt() == null) {
        publish(collection);
      }
      return new CollectionResult(report.collectionId(), Outcome.DUPLICATE,
          orders.summary(collection.orderId()).orderNumber(), "Reported before (" + collection.outcome() + ")");
    }
    String orderId = report.trackingNumber() != null
        ? orders.orderIdByTrackingNumber(report.trackingNumber())
            .orElseThrow(() -> new NotFoundException("Parcel with tracking number", report.trackingNumber()))
        : orders.orderIdByNumber(report.orderNumber())
            .orElseThrow(() -> new NotFoundException("Order", report.orderNumber()));
    OrderSummary order = orders.summary(orderId);
    CashCollection collection;
    try {
      collection = tx.execute(status -> {
        Payment payment = ledger.find(orderId).filter(p -> Methods.CASH_ON_DELIVERY.equals(p.method()))
            .orElseThrow(() -> new ConflictException("Order " + order.orderNumber() + " is not paid cash on delivery"));
        collections.findByOrderId(orderId).ifPresent(other -> {
          throw new ConflictException("The cash of order " + order.orderNumber() + " was reported already, as "
              + "collection " + other.collectionId());
        });
        if (payment.status() != PaymentStatus.COLLECT_ON_DELIVERY) {
          throw new ConflictException("The payment of order " + order.orderNumber() + " does not wait for cash (it is "
              + payment.status() + ")");
        }
        boolean exact = payment.currency().equals(report.currency()) && payment.amountDue().compareTo(report.amount()) == 0;
        payment.received(report.amount(), clock.instant());
        ledger.moved(payment, MoneyMovements.Kind.COLLECTED, report.amount(), report.collectionId(),
            "COLLECTED:" + report.collectionId());
        if (!exact) {
          ledger.record(payment, PaymentStatus.AMOUNT_MISMATCH, "The courier collected " + report.amount().toPlainString()
              + " " + report.currency() + ", " + payment.money() + " due: finance reconciles");
        }
        return collections.saveAndFlush(new CashCollection(report.collectionId(), orderId, report.trackingNumber(),
            report.amount(), report.currency(), exact ? Outcome.MATCHED : Outcome.AMOUNT_MISMATCH, clock.instant()));
      });
    } catch (DataIntegrityViolationException reportedConcurrently) {
      CashCollection other = collections.findByCollectionId(report.collectionId())
          .orElseThrow(() -> reportedConcurrently);
      return new CollectionResult(report.collectionId(), Outcome.DUPLICATE, order.orderNumber(),
          "Reported before (" + other.outcome() + ")");
    }
    publish(collection);
    log.info("Cash of order {} reported by the courier: {}", orderId, collection.outcome());
    return new CollectionResult(report.collectionId(), collection.outcome(), order.orderNumber(),
        collection.outcome() == Outcome.MATCHED ? "The amount due was collected"
            : "Another amount than due was collected; finance reconciles it");
  }

  /**
   * The cash is with the shop: as the courier reported it, or as finance settled a difference ({@code settledAmount}
   * with their note).
   */
  public void recordPaid(String orderId, BigDecimal receivedAmount, BigDecimal settledAmount, String note) {
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() == PaymentStatus.PAID) {
        return;
      }
      String detail;
      if (settledAmount != null) {
        payment.received(settledAmount, clock.instant());
        detail = "Cash on delivery settled by finance: " + payment.money(settledAmount) + " received"
            + (note == null || note.isBlank() ? "" : " (" + note + ")");
      } else {
        BigDecimal received = receivedAmount != null ? receivedAmount : payment.receivedAmount();
        detail = "Cash on delivery received from the courier: " + payment.money(received == null ? payment.amountDue()
            : received);
      }
      ledger.record(payment, PaymentStatus.PAID, detail);
      log.info("Cash on delivery of order {} settled", orderId);
    });
  }

  private void publish(CashCollection collection) {
    Payment payment = ledger.load(collection.orderId());
    messages.publish(PaymentProcess.Messages.CASH_COLLECTED, collection.orderId(),
        "cash-collected-" + collection.collectionId(), MESSAGE_TTL, Map.of(
            PaymentProcess.Variables.RECEIVED_AMOUNT, collection.amount(),
            PaymentProcess.Variables.AMOUNT_DUE, payment.amountDue(),
            PaymentProcess.Variables.CURRENCY, payment.currency(),
            PaymentProcess.Variables.AMOUNT_MATCHES, collection.outcome() == Outcome.MATCHED));
    tx.executeWithoutResult(status -> collections.findByCollectionId(collection.collectionId())
        .ifPresent(c -> c.published(clock.instant())));
  }
}
