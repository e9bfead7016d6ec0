package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The payment service provider. We never see card data: the shop front hands the card to the provider, which gives us
 * a payment-method id ({@code pm_…}) to authorize against. An authorization reserves the amount on the card; the
 * capture, when the goods ship, takes it. The idempotency key makes a repeated call return the first answer instead
 * of charging again.
 */
public interface PaymentGateway {

  record AuthorizationRequest(String idempotencyKey, String paymentMethodId, BigDecimal amount, Currency currency) {}

  sealed interface AuthorizationResult {
    record Approved(String authorizationId) implements AuthorizationResult {}

    record Declined(String code, String message) implements AuthorizationResult {}
  }

  record CaptureRequest(String idempotencyKey, String authorizationId, BigDecimal amount, Currency currency) {}

  sealed interface CaptureResult {
    record Captured(String captureId) implements CaptureResult {}

    /** The provider will not capture (e.g. the authorization expired or the amount exceeds it); retrying won't help. */
    record Refused(String code, String message) implements CaptureResult {}
  }

  record VoidRequest(String idempotencyKey, String authorizationId) {}

  sealed interface VoidResult {
    /** The authorization is released; nothing will be taken from the card. */
    record Voided(String voidId) implements VoidResult {}

    /** The provider will not void (e.g. the authorization was captured or is unknown); retrying won't help. */
    record Refused(String code, String message) implements VoidResult {}
  }

  record RefundRequest(String idempotencyKey, String captureId, BigDecimal amount, Currency currency) {}

  sealed interface RefundResult {
    /** The amount goes back to the card. */
    record Refunded(String refundId) implements RefundResult {}

    /** The provider will not refund (e.g. more than captured and not yet refunded); retrying won't help. */
    record Refused(String code, String message) implements RefundResult {}
  }

  /** @throws PaymentProviderUnavailableException when the provider cannot answer now (retry later) */
  AuthorizationResult authorize(AuthorizationRequest request);

  /** @throws PaymentProviderUnavailableException when the provider cannot answer now (retry later) */
  CaptureResult capture(CaptureRequest request);

  /**
   * Releases an authorization that was not captured. The same idempotency key returns the first answer.
   *
   * @throws PaymentProviderUnavailableException when the provider cannot answer now (retry later)
   */
  VoidResult voidAuthorization(VoidRequest request);

  /**
   * Gives (part of) a capture back to the card. The same idempotency key returns the first answer and never refunds
   * twice.
   *
   * @throws PaymentProviderUnavailableException when the provider cannot answer now (retry later)
   */
  RefundResult refund(RefundRequest request);
}
