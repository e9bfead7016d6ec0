package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A payment provider in test mode, behaving like the well-known PSP sandboxes: the payment-method id selects the
 * outcome (documented in the README), and the idempotency key returns the first answer for a repeated request. It
 * captures what it authorized, up to the authorized amount, once.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.payment.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedPaymentGateway implements PaymentGateway {

  static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000.00");

  private static final Map<String, AuthorizationResult.Declined> DECLINING = Map.of(
      "pm_card_chargeDeclined", new AuthorizationResult.Declined("card_declined", "The card was declined"),
      "pm_card_insufficientFunds", new AuthorizationResult.Declined("insufficient_funds", "The card has insufficient funds"),
      "pm_card_expired", new AuthorizationResult.Declined("expired_card", "The card has expired"),
      "pm_card_fraudulent", new AuthorizationResult.Declined("fraudulent", "The payment was blocked as likely fraud"));

  private final Map<String, AuthorizationResult> answered = new ConcurrentHashMap<>();
  /** Authorized amounts by authorization id, until captured. */
  private final Map<String, BigDecimal> authorized = new ConcurrentHashMap<>();
  private final Map<String, CaptureResult> captures = new ConcurrentHashMap<>();
  private final Map<String, String> capturedAuthorizations = new ConcurrentHashMap<>();
  /** Captured amounts by capture id, and what was refunded of each. */
  private final Map<String, BigDecimal> captured = new ConcurrentHashMap<>();
  private final Map<String, BigDecimal> refunded = new ConcurrentHashMap<>();
  private final Map<String, VoidResult> voids = new ConcurrentHashMap<>();
  private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();
  /** Idempotency keys that answer "provider unavailable" (a test switch: the sandbox's outage). */
  private final java.util.Set<String> unavailableFor = ConcurrentHashMap.newKeySet();

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    if ("pm_card_providerDown".equals(request.paymentMethodId())) {
      throw new PaymentProviderUnavailableException("Payment provider timed out");
    }
    return answered.computeIfAbsent(request.idempotencyKey(), key -> {
      AuthorizationResult result = decide(request);
      if (result instanceof AuthorizationResult.Approved approved) {
        authorized.put(approved.authorizationId(), request.amount());
      }
      return result;
    });
  }

  @Override
  public CaptureResult capture(CaptureRequest request) {
    return captures.computeIfAbsent(request.idempotencyKey(), key -> {
      BigDecimal amount = authorized.get(request.authorizationId());
      if (amount == null) {
        return new CaptureResult.Refused("authorization_not_found", "No such authorization, or it has expired");
      }
      if (capturedAuthorizations.containsKey(request.authorizationId())) {
        return new CaptureResult.Refused("already_captured", "The authorization was captured before");
      }
      if (request.amount().compareTo(amount) > 0) {
        return new CaptureResult.Refused("amount_too_large", "The capture exceeds the authorized amount");
      }
      capturedAuthorizations.put(request.authorizationId(), key);
      String captureId = "cap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
      captured.put(captureId, request.amount());
      return new CaptureResult.Captured(captureId);
    });
  }

  @Override
  public VoidResult voidAuthorization(VoidRequest request) {
    requireAvailable(request.idempotencyKey());
    // computeIfAbsent runs the decision once per key, so a repeated request gets the first answer.
    return voids.computeIfAbsent(request.idempotencyKey(), key -> {
      synchronized (this) {
        if (!authorized.containsKey(request.authorizationId())) {
          return new VoidResult.Refused("authorization_not_found", "No such authorization, or it has expired");
        }
        if (capturedAuthorizations.containsKey(request.authorizationId())) {
          return new VoidResult.Refused("already_captured", "The authorization was captured; refund it instead");
        }
        authorized.remove(request.authorizationId());
        return new VoidResult.Voided("void_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
      }
    });
  }

  @Override
  public RefundResult refund(RefundRequest request) {
    requireAvailable(request.idempotencyKey());
    return refunds.computeIfAbsent(request.idempotencyKey(), key -> {
      synchronized (this) {
        BigDecimal amount = captured.get(request.captureId());
        if (amount == null) {
          return new RefundResult.Refused("capture_not_found", "No such capture");
        }
        if (request.amount().signum() <= 0) {
          return new RefundResult.Refused("invalid_amount", "A refund must be more than zero");
        }
        BigDecimal before = refunded.getOrDefault(request.captureId(), BigDecimal.ZERO);
        if (before.add(request.amount()).compareTo(amount) > 0) {
          return new RefundResult.Refused("amount_too_large", "The refund exceeds what was captured and not refunded");
        }
        refunded.put(request.captureId(), before.add(request.amount()));
        return new RefundResult.Refunded("re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
      }
    });
  }

  /** Makes the sandbox answer "unavailable" for this idempotency key until {@link #recover} (tests of retries). */
  void outageFor(String idempotencyKey) {
    unavailableFor.add(idempotencyKey);
  }

  void recover(String idempotencyKey) {
    unavailableFor.remove(idempotencyKey);
  }

  private void requireAvailable(String idempotencyKey) {
    if (unavailableFor.contains(idempotencyKey)) {
      throw new PaymentProviderUnavailableException("Payment provider timed out");
    }
  }

  private static AuthorizationResult decide(AuthorizationRequest request) {
    AuthorizationResult.Declined declined = DECLINING.get(request.paymentMethodId());
    if (declined != null) {
      return declined;
    }
    if (!request.paymentMethodId().startsWith("pm_")) {
      return new AuthorizationResult.Declined("invalid_payment_method", "Unknown payment method");
    }
    if (request.amount().compareTo(AMOUNT_LIMIT) > 0) {
      return new AuthorizationResult.Declined("amount_too_large", "The amount exceeds the card limit");
    }
    return new AuthorizationResult.Approved("auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
  }
}
