package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureResult;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundResult;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidResult;
import io.orderflow.fulfillment.process.PaymentProcess.Methods;
import io.orderflow.fulfillment.process.PaymentProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card payments (authorization per attempt, another card after a decline, capture when the goods ship) and what every
 * payment method shares: recording a payment that could not be secured. Each answer of the provider is stored per
 * order and attempt, so a repeated job gets the stored outcome and the provider is never asked twice.
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  /** A payment-method id as the payment provider issues it; anything else (a card number above all) is refused. */
  public static final String PAYMENT_METHOD_ID_PATTERN = "^pm_[A-Za-z0-9_]{2,60}$";
  private static final Pattern PAYMENT_METHOD_ID = Pattern.compile(PAYMENT_METHOD_ID_PATTERN);
  private static final Pattern LOOKS_LIKE_CARD_NUMBER = Pattern.compile("^[0-9][0-9 \\-]{11,22}$");

  /** How long a new card waits for the process if the process is not yet listening (a moment, normally). */
  static final Duration CARD_UPDATE_TTL = Duration.ofHours(1);

  public sealed interface Outcome {
    int attempt();

    record Authorized(String authorizationId, int attempt) implements Outcome {}

    /** {@code reason} is a sentence for the customer; {@code code} the provider's decline code. */
    record Declined(String code, String reason, int attempt) implements Outcome {}
  }

  /** The new card belongs to this attempt; the process was told (or had been told) about it. */
  public record CardUpdate(String orderId, int attempt) {}

  /** The order's capture: by which parcel, how much, and whether this call made it or found it. */
  public record Capture(String captureId, int shipmentNo, BigDecimal amount, String currency, boolean capturedNow) {}

  /** What undoing (part of) a payment did. */
  public enum CancellationAction {
    /** Nothing had been taken or received; nothing is expected any more. */
    NOTHING,
    /** The card authorization was released. */
    VOIDED,
    /** Money went back to the card. */
    REFUNDED,
    /** The customer paid by transfer, cash or invoice: the money is owed back and finance pays it out. */
    REFUND_DUE,
    /** Nothing was taken yet: the later capture, collection or invoice asks for less. */
    REDUCED
  }

  /** The outcome of cancelling the payment of an order ({@code shipmentNo} 0) or of one parcel. */
  public record Cancellation(String orderId, int shipmentNo, CancellationAction action, BigDecimal amount,
      String currency, String providerReference) {}

  private final PaymentAuthorizationRepository authorizations;
  private final PaymentCaptureRepository captures;
  private final PaymentCancellationRepository cancellations;
  private final PaymentLedger ledger;
  private final PaymentGateway gateway;
  private final OrderService orders;
  private final Inventory inventory;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  Payments(PaymentAuthorizationRepository authorizations, PaymentCaptureRepository captures,
      PaymentCancellationRepository cancellations, PaymentLedger ledger, PaymentGateway gateway, OrderService orders,
      Inventory inventory, ProcessMessages messages, PlatformTransactionManager txManager, Clock clock) {
    this.authorizations = authorizations;
    this.captures = captures;
    this.cancellations = cancellations;
    this.inventory = inventory;
    this.ledger = ledger;
    this.gateway = gateway;
    this.orders = orders;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Authorizes the amount due on the card of the current attempt (attempt 1: the card given at checkout). A repeated
   * job is answered from the stored outcome of the attempt.
   *
   * @throws PaymentProviderUnavailableException when the provider cannot answer now; retry later
   */
  public Outcome authorize(String orderId) {
    OrderSummary order = orders.summary(orderId);
    Payment opened = ledger.open(order);
    Optional<Outcome> known = known(orderId, opened.cardAttempt());
    if (known.isPresent()) {
      return known.get();
    }
    record Attempt(int number, String paymentMethodId, BigDecimal amount, Currency currency) {}
    Attempt attempt = tx.execute(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.paymentMethodId() == null) {
        throw new IllegalStateException("Order " + orderId + " has no card to authorize (method " + payment.method() + ")");
      }
      ledger.record(payment, PaymentStatus.PENDING, "Authorizing the card (attempt " + payment.cardAttempt() + ")");
      return new Attempt(payment.cardAttempt(), payment.paymentMethodId(), payment.amountDue(),
          Currency.getInstance(payment.currency()));
    });
    // The provider call is outside the transaction; its idempotency key (order and attempt) makes a retry safe.
    AuthorizationResult result = gateway.authorize(new AuthorizationRequest(orderId + ":" + attempt.number(),
        attempt.paymentMethodId(), attempt.amount(), attempt.currency()));
    try {
      return tx.execute(status -> {
        Payment payment = ledger.load(orderId);
        String currency = attempt.currency().getCurrencyCode();
        if (result instanceof AuthorizationResult.Approved approved) {
          authorizations.saveAndFlush(PaymentAuthorization.approved(orderId, attempt.number(), attempt.amount(),
              currency, approved.authorizationId(), clock.instant()));
          ledger.moved(payment, MoneyMovements.Kind.AUTHORIZED, attempt.amount(), approved.authorizationId(),
              "AUTHORIZED:" + orderId + ":" + attempt.number());
          ledger.record(payment, PaymentStatus.AUTHORIZED, "Card authorized: " + payment.money()
              + (attempt.number() > 1 ? " (card given after a decline)" : ""));
          orders.paymentAuthorized(orderId);
          log.info("Payment of order {} authorized, attempt {} ({})", orderId, attempt.number(), payment.money());
          return new Outcome.Authorized(approved.authorizationId(), attempt.number());
        }
        AuthorizationResult.Declined declined = (AuthorizationResult.Declined) result;
        authorizations.saveAndFlush(PaymentAuthorization.declined(orderId, attempt.number(), attempt.amount(),
            currency, declined.code(), clock.instant()));
        ledger.record(payment, PaymentStatus.PENDING, "Card declined (" + declined.code() + ")");
        log.info("Payment of order {} declined, attempt {}: {}", orderId, attempt.number(), declined.code());
        return new Outcome.Declined(declined.code(), reasonFor(declined.code()), attempt.number());
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return known(orderId, attempt.number()).orElseThrow(() -> concurrentDuplicate);
    }
  }

  /** After a decline: the payment waits for the customer to give another card. */
  public void awaitCardUpdate(String orderId) {
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() == PaymentStatus.AWAITING_CARD_UPDATE) {
        return;
      }
      PaymentAuthorization last = authorizations.findByOrderIdAndAttemptNo(orderId, payment.cardAttempt())
          .orElseThrow(() -> new IllegalStateException("Order " + orderId + ": attempt " + payment.cardAttempt()
              + " was not tried, so no other card is needed"));
      if (last.status() != PaymentAuthorization.Status.DECLINED) {
        throw new IllegalStateException("Order " + orderId + ": attempt " + payment.cardAttempt() + " was authorized");
      }
      ledger.record(payment, PaymentStatus.AWAITING_CARD_UPDATE,
          reasonFor(last.declineCode()) + "; waiting for the customer to give another card");
    });
  }

  /**
   * The customer gives another card while the payment waits for one: the provider's token is stored with the payment
   * (never a card number) and the process is told, once per attempt.
   *
   * @throws InvalidRequestException when {@code paymentMethodId} is not a provider token
   * @throws ConflictException when the payment is not waiting for another card
   */
  public CardUpdate updateCard(String orderId, String paymentMethodId) {
    requireProviderToken(paymentMethodId);
    orders.summary(orderId); // unknown order: 404
    if (ledger.find(orderId).isEmpty()) {
      throw new ConflictException("The payment of order " + orderId + " is not waiting for another card");
    }
    record Updated(int attempt, boolean toPublish) {}
    Updated updated = tx.execute(status -> {
      Payment payment = ledger.load(orderId);
      boolean currentTried = authorizations.existsByOrderIdAndAttemptNo(orderId, payment.cardAttempt());
      int attempt = payment.newCard(paymentMethodId, currentTried, clock.instant());
      return new Updated(attempt, payment.cardUpdateToPublish());
    });
    if (updated.toPublish()) {
      messages.publish(PaymentProcess.Messages.CARD_UPDATED, orderId, "card-updated-" + orderId + "-" + updated.attempt(),
          CARD_UPDATE_TTL, Map.of());
      tx.executeWithoutResult(status -> ledger.load(orderId).cardUpdatePublished(updated.attempt()));
    }
    log.info("Order {}: the customer gave another card for attempt {}", orderId, updated.attempt());
    return new CardUpdate(orderId, updated.attempt());
  }

  /**
   * Captures the order's authorized card amount; the first parcel that ships captures the whole authorization. Later
   * calls (other parcels, a repeated job) find the capture and change nothing.
   *
   * @throws PaymentProviderUnavailableException when the provider cannot answer now; retry later
   * @throws PaymentCaptureRefusedException when the provider refuses; someone must look at it
   */
  public Capture capture(String orderId, int shipmentNo) {
    Optional<PaymentCapture> done = captures.findByOrderId(orderId);
    if (done.isPresent()) {
      return view(done.get(), false);
    }
    PaymentAuthorization authorization = authorizations
        .findFirstByOrderIdAndStatusOrderByAttemptNoDesc(orderId, PaymentAuthorization.Status.AUTHORIZED)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no authorized card payment to capture"));
    // A parcel cancelled before the capture lowers what is taken; the authorization is never exceeded.
    BigDecimal amount = ledger.load(orderId).amountDue().min(authorization.amount());
    if (amount.signum() <= 0) {
      throw new PaymentCaptureRefusedException("Nothing is left to capture for order " + orderId
          + ": every parcel was cancelled");
    }
    CaptureResult result = gateway.capture(new CaptureRequest("capture:" + orderId, authorization.providerReference(),
        amount, Currency.getInstance(authorization.currency())));
    if (result instanceof CaptureResult.Refused refused) {
      throw new PaymentCaptureRefusedException("The payment provider refused to capture the payment of order " + orderId
          + ": " + refused.message() + " (" + refused.code() + ")");
    }
    String captureId = ((CaptureResult.Captured) result).captureId();
    try {
      return tx.execute(status -> {
        PaymentCapture capture = captures.saveAndFlush(new PaymentCapture(orderId, authorization.attemptNo(), shipmentNo,
            amount, authorization.currency(), captureId, clock.instant()));
        Payment payment = ledger.load(orderId);
        ledger.moved(payment, MoneyMovements.Kind.CAPTURED, amount, captureId, "CAPTURED:" + orderId);
        ledger.record(payment, PaymentStatus.CAPTURED, "Card payment of " + payment.money(amount)
            + " captured when parcel " + shipmentNo + " shipped");
        log.info("Payment of order {} captured with parcel {}", orderId, shipmentNo);
        return view(capture, true);
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return captures.findByOrderId(orderId).map(c -> view(c, false)).orElseThrow(() -> concurrentDuplicate);
    }
  }

  /**
   * The whole order is cancelled: a card authorized but not captured is voided; a captured card gets back what was
   * captured less what was refunded already; money received by transfer, cash or invoice is recorded as owed back to
   * the payer (finance pays it out); when nothing was taken or received, nothing is expected any more. No payment
   * opened yet: nothing to do. Done once per order; a repeated call returns the first outcome.
   *
   * @throws PaymentProviderUnavailableException when the provider cannot answer now; retry later
   * @throws PaymentReversalRefusedException when the provider refuses the void or refund; someone must look at it
   */
  public Cancellation cancelPayment(String orderId, String reason) {
    Optional<PaymentCancellation> done = cancellations.findByOrderIdAndShipmentNo(orderId,
        PaymentCancellation.WHOLE_ORDER);
    if (done.isPresent()) {
      return view(done.get());
    }
    Optional<Payment> opened = ledger.find(orderId);
    if (opened.isEmpty()) {
      log.info("Order {} cancelled before its payment opened: nothing to undo", orderId);
      return new Cancellation(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.NOTHING, BigDecimal.ZERO,
          null, null);
    }
    Payment payment = opened.get();
    Currency currency = Currency.getInstance(payment.currency());
    if (Methods.CARD.equals(payment.method())) {
      Optional<PaymentCapture> capture = captures.findByOrderId(orderId);
      if (capture.isPresent()) {
        BigDecimal refundable = capture.get().amount().subtract(payment.refundedAmount());
        if (refundable.signum() <= 0) {
          return settle(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.NOTHING, BigDecimal.ZERO, null,
              reason, PaymentStatus.REFUNDED, "Order cancelled: the captured amount was refunded before");
        }
        String refundId = refund("refund:" + orderId + ":order", capture.get(), refundable, currency);
        return settle(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.REFUNDED, refundable, refundId,
            reason, PaymentStatus.REFUNDED, "Order cancelled: " + payment.money(refundable) + " refunded to the card");
      }
      Optional<PaymentAuthorization> authorization = authorizations
          .findFirstByOrderIdAndStatusOrderByAttemptNoDesc(orderId, PaymentAuthorization.Status.AUTHORIZED);
      if (authorization.isPresent()) {
        VoidResult result = gateway.voidAuthorization(new VoidRequest("void:" + orderId,
            authorization.get().providerReference()));
        if (result instanceof VoidResult.Refused refused) {
          throw new PaymentReversalRefusedException("The payment provider refused to void the authorization of order "
              + orderId + ": " + refused.message() + " (" + refused.code() + ")");
        }
        String voidId = ((VoidResult.Voided) result).voidId();
        return settle(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.VOIDED,
            authorization.get().amount(), voidId, reason, PaymentStatus.VOIDED,
            "Order cancelled: the card authorization of " + payment.money(authorization.get().amount())
                + " was released, nothing was charged");
      }
    } else if (payment.receivedAmount() != null) {
      BigDecimal due = payment.receivedAmount().subtract(payment.refundedAmount());
      if (due.signum() > 0) {
        return settle(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.REFUND_DUE, due, null, reason,
            PaymentStatus.REFUND_DUE, "Order cancelled: " + payment.money(due) + " received is owed back to the payer;"
                + " finance pays it out");
      }
    }
    return settle(orderId, PaymentCancellation.WHOLE_ORDER, CancellationAction.NOTHING, BigDecimal.ZERO, null, reason,
        PaymentStatus.VOIDED, "Order cancelled before anything was paid: nothing to return");
  }

  /**
   * One parcel of the order is cancelled. Its share (its goods at the order's unit prices plus its shipping cost) is
   * refunded when the card was captured; otherwise the later capture, cash collection or invoice asks for that much
   * less; money already received by transfer or cash is owed back for the share. Done once per parcel.
   *
   * @throws NotFoundException when the order has no such parcel
   * @throws PaymentProviderUnavailableException when the provider cannot answer now; retry later
   * @throws PaymentReversalRefusedException when the provider refuses the refund; someone must look at it
   */
  public Cancellation cancelShipment(String orderId, int shipmentNo, String reason) {
    if (shipmentNo < 1) {
      throw new IllegalArgumentException("Parcels are numbered from 1, not " + shipmentNo);
    }
    Optional<PaymentCancellation> done = cancellations.findByOrderIdAndShipmentNo(orderId, shipmentNo);
    if (done.isPresent()) {
      return view(done.get());
    }
    OrderSummary order = orders.summary(orderId);
    BigDecimal share = shareOf(order, shipmentNo);
    Optional<Payment> opened = ledger.find(orderId);
    if (opened.isEmpty()) {
      log.info("Parcel {} of order {} cancelled before the payment opened: nothing to undo", shipmentNo, orderId);
      return new Cancellation(orderId, shipmentNo, CancellationAction.NOTHING, BigDecimal.ZERO, null, null);
    }
    Payment payment = opened.get();
    Currency currency = Currency.getInstance(payment.currency());
    if (Methods.CARD.equals(payment.method())) {
      Optional<PaymentCapture> capture = captures.findByOrderId(orderId);
      if (capture.isPresent()) {
        BigDecimal refundable = share.min(capture.get().amount().subtract(payment.refundedAmount()));
        if (refundable.signum() > 0) {
          String refundId = refund("refund:" + orderId + ":shipment:" + shipmentNo, capture.get(), refundable,
              currency);
          return settleShare(orderId, shipmentNo, share, CancellationAction.REFUNDED, refundable, refundId, reason,
              "Parcel " + shipmentNo + " cancelled: " + payment.money(refundable) + " refunded to the card");
        }
      }
    } else if (payment.receivedAmount() != null) {
      BigDecimal due = share.min(payment.receivedAmount().subtract(payment.refundedAmount()));
      if (due.signum() > 0) {
        return settleShare(orderId, shipmentNo, share, CancellationAction.REFUND_DUE, due, null, reason,
            "Parcel " + shipmentNo + " cancelled: " + payment.money(due) + " is owed back to the payer; finance pays"
                + " it out");
      }
    }
    return settleShare(orderId, shipmentNo, share, CancellationAction.REDUCED, share, null, reason,
        "Parcel " + shipmentNo + " cancelled: " + payment.money(share) + " less to pay");
  }

  /** A parcel's share of the order: its goods (quantity × the order line's unit price) plus its shipping cost. */
  BigDecimal shareOf(OrderSummary order, int shipmentNo) {
    OrderService.ShipmentSummary shipment = order.shipments().stream().filter(s -> s.shipmentNo() == shipmentNo)
        .findFirst().orElseThrow(() -> new NotFoundException("Shipment", order.orderNumber() + "/" + shipmentNo));
    Map<String, BigDecimal> unitPrices = new java.util.HashMap<>();
    order.lines().forEach(l -> unitPrices.put(l.sku(), l.unitPrice()));
    BigDecimal goods = inventory.shipmentContents(order.id(), shipment.warehouseId()).entrySet().stream()
        .map(e -> unitPrices.getOrDefault(e.getKey(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(e.getValue())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal shipping = shipment.shippingCost() == null ? BigDecimal.ZERO : shipment.shippingCost();
    return goods.add(shipping).setScale(2, RoundingMode.HALF_UP);
  }

  private String refund(String idempotencyKey, PaymentCapture capture, BigDecimal amount, Currency currency) {
    RefundResult result = gateway.refund(new RefundRequest(idempotencyKey, capture.providerReference(), amount,
        currency));
    if (result instanceof RefundResult.Refused refused) {
      throw new PaymentReversalRefusedException("The payment provider refused to refund " + amount.toPlainString()
          + " " + currency + " of order " + capture.orderId() + ": " + refused.message() + " (" + refused.code() + ")");
    }
    return ((RefundResult.Refunded) result).refundId();
  }

  /** Records the whole order's cancellation: nothing more is expected, the status and the money ledger show it. */
  private Cancellation settle(String orderId, int shipmentNo, CancellationAction action, BigDecimal amount,
      String providerReference, String reason, PaymentStatus status, String detail) {
    return store(orderId, shipmentNo, action, amount, providerReference, reason, payment -> {
      payment.cancelShare(payment.amountDue(), clock.instant());
      ledger.record(payment, status, detail);
    });
  }

  /** Records one parcel's cancellation: its share is no longer expected; the status stays unless nothing is left. */
  private Cancellation settleShare(String orderId, int shipmentNo, BigDecimal share, CancellationAction action,
      BigDecimal amount, String providerReference, String reason, String detail) {
    return store(orderId, shipmentNo, action, amount, providerReference, reason, payment -> {
      payment.cancelShare(share, clock.instant());
      PaymentStatus status = payment.status();
      if (payment.amountDue().signum() == 0) {
        status = action == CancellationAction.REFUNDED ? PaymentStatus.REFUNDED
            : action == CancellationAction.REFUND_DUE ? PaymentStatus.REFUND_DUE : PaymentStatus.VOIDED;
      }
      ledger.record(payment, status, detail);
    });
  }

  private Cancellation store(String orderId, int shipmentNo, CancellationAction action, BigDecimal amount,
      String providerReference, String reason, java.util.function.Consumer<Payment> change) {
    try {
      return tx.execute(status -> {
        Payment payment = ledger.load(orderId);
        PaymentCancellation cancellation = cancellations.saveAndFlush(new PaymentCancellation(orderId, shipmentNo,
            action, amount, payment.currency(), providerReference, reason, clock.instant()));
        if (action == CancellationAction.REFUNDED || action == CancellationAction.REFUND_DUE) {
          payment.refunded(amount, clock.instant());
        }
        change.accept(payment);
        String scope = shipmentNo == PaymentCancellation.WHOLE_ORDER ? "order" : "shipment:" + shipmentNo;
        switch (action) {
          case VOIDED -> ledger.moved(payment, MoneyMovements.Kind.VOIDED, amount, providerReference,
              "VOIDED:" + orderId);
          case REFUNDED -> ledger.moved(payment, MoneyMovements.Kind.REFUNDED, amount, providerReference,
              "REFUNDED:" + orderId + ":" + scope);
          case REFUND_DUE -> ledger.moved(payment, MoneyMovements.Kind.REFUND_DUE, amount, null,
              "REFUND_DUE:" + orderId + ":" + scope);
          default -> { }
        }
        log.info("Payment of order {} cancelled ({}): {}", orderId, scope, action);
        return view(cancellation);
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return cancellations.findByOrderIdAndShipmentNo(orderId, shipmentNo).map(Payments::view)
          .orElseThrow(() -> concurrentDuplicate);
    }
  }

  private static Cancellation view(PaymentCancellation c) {
    return new Cancellation(c.orderId(), c.shipmentNo(), c.action(), c.amount(), c.currency(), c.providerReference());
  }

  /**
   * A free replacement (payment method NO_CHARGE): the payment is opened at 0.00 and recorded as NO_CHARGE, shown on the
   * order, and the order may ship. Nothing is authorized, captured, invoiced or moved. A repeated job changes nothing.
   *
   * @throws IllegalStateException when the order is paid by another method, or something is due after all
   */
  public void recordNoCharge(String orderId) {
    OrderSummary order = orders.summary(orderId);
    if (!Methods.NO_CHARGE.equals(order.paymentMethod())) {
      throw new IllegalStateException("Order " + orderId + " is paid by " + order.paymentMethod() + ", not free of charge");
    }
    ledger.open(order);
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() == PaymentStatus.NO_CHARGE) {
        return;
      }
      if (payment.amountDue().signum() != 0) {
        throw new IllegalStateException("Order " + orderId + " is free of charge but " + payment.money() + " is due");
      }
      String what = order.replacementFor() == null ? "Free of charge"
          : "Free replacement for order " + order.replacementFor().orderNumber() + " (RMA "
              + order.replacementFor().rmaNumber() + ")";
      ledger.record(payment, PaymentStatus.NO_CHARGE, what + ": nothing is charged");
      orders.paymentAuthorized(orderId);
      log.info("Order {} is free of charge: nothing to pay", orderId);
    });
  }

  /**
   * The payment could not be secured: it is recorded as FAILED with the reason the customer reads.
   *
   * @return the reason recorded
   */
  public String fail(String orderId, String reason) {
    String recorded = reason == null || reason.isBlank() ? "The payment could not be secured" : reason;
    ledger.open(orders.summary(orderId));
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() != PaymentStatus.FAILED) {
        ledger.record(payment, PaymentStatus.FAILED, recorded);
        log.info("Payment of order {} failed", orderId);
      }
    });
    return recorded;
  }

  /** Refuses anything but a provider token, without repeating the value (it may be a card number). */
  static void requireProviderToken(String paymentMethodId) {
    if (paymentMethodId == null || paymentMethodId.isBlank()) {
      throw new InvalidRequestException("paymentMethodId", "is required: the payment-method id issued by the payment "
          + "provider (pm_...)");
    }
    if (LOOKS_LIKE_CARD_NUMBER.matcher(paymentMethodId.trim()).matches()) {
      throw new InvalidRequestException("paymentMethodId", "looks like a card number; card numbers are never accepted: "
          + "send the payment-method id issued by the payment provider (pm_...)");
    }
    if (!PAYMENT_METHOD_ID.matcher(paymentMethodId).matches()) {
      throw new InvalidRequestException("paymentMethodId", "must be the payment-method id issued by the payment provider "
          + "(pm_...); card numbers are never accepted");
    }
  }

  /** What the customer is told about a decline; a suspected fraud is not named as such. */
  static String reasonFor(String declineCode) {
    return switch (declineCode == null ? "" : declineCode) {
      case "insufficient_funds" -> "The card has insufficient funds";
      case "expired_card" -> "The card has expired";
      case "amount_too_large" -> "The amount exceeds the card's limit";
      case "invalid_payment_method" -> "The card is not known to the payment provider";
      default -> "The card was declined";
    };
  }

  private Optional<Outcome> known(String orderId, int attempt) {
    return authorizations.findByOrderIdAndAttemptNo(orderId, attempt)
        .map(a -> a.status() == PaymentAuthorization.Status.AUTHORIZED
            ? new Outcome.Authorized(a.providerReference(), a.attemptNo())
            : new Outcome.Declined(a.declineCode(), reasonFor(a.declineCode()), a.attemptNo()));
  }

  private static Capture view(PaymentCapture capture, boolean capturedNow) {
    return new Capture(capture.providerReference(), capture.shipmentNo(), capture.amount(), capture.currency(),
        capturedNow);
  }
}
