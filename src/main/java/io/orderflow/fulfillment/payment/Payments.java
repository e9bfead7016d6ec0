package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureResult;
import io.orderflow.fulfillment.process.PaymentProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
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

  private final PaymentAuthorizationRepository authorizations;
  private final PaymentCaptureRepository captures;
  private final PaymentLedger ledger;
  private final PaymentGateway gateway;
  private final OrderService orders;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  Payments(PaymentAuthorizationRepository authorizations, PaymentCaptureRepository captures, PaymentLedger ledger,
      PaymentGateway gateway, OrderService orders, ProcessMessages messages, PlatformTransactionManager txManager,
      Clock clock) {
    this.authorizations = authorizations;
    this.captures = captures;
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
      return new Attempt(payment.cardAttempt(), payment.paymentMethodId(), payment.amount(),
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
    CaptureResult result = gateway.capture(new CaptureRequest("capture:" + orderId, authorization.providerReference(),
        authorization.amount(), Currency.getInstance(authorization.currency())));
    if (result instanceof CaptureResult.Refused refused) {
      throw new PaymentCaptureRefusedException("The payment provider refused to capture the payment of order " + orderId
          + ": " + refused.message() + " (" + refused.code() + ")");
    }
    String captureId = ((CaptureResult.Captured) result).captureId();
    try {
      return tx.execute(status -> {
        PaymentCapture capture = captures.saveAndFlush(new PaymentCapture(orderId, authorization.attemptNo(), shipmentNo,
            authorization.amount(), authorization.currency(), captureId, clock.instant()));
        Payment payment = ledger.load(orderId);
        ledger.record(payment, PaymentStatus.CAPTURED, "Card payment of " + payment.money(authorization.amount())
            + " captured when parcel " + shipmentNo + " shipped");
        log.info("Payment of order {} captured with parcel {}", orderId, shipmentNo);
        return view(capture, true);
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return captures.findByOrderId(orderId).map(c -> view(c, false)).orElseThrow(() -> concurrentDuplicate);
    }
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
