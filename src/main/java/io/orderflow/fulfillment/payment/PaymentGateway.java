package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The payment service provider. We never see card data: the shop front hands the card to the provider, which gives us
 * a payment-method id ({@code pm_…}) to authorize against. The idempotency key makes a repeated call return the first
 * answer instead of charging again.
 */
public interface PaymentGateway {

  record AuthorizationRequest(String idempotencyKey, String paymentMethodId, BigDecimal amount, Currency currency) {}

  sealed interface AuthorizationResult {
    record Approved(String authorizationId) implements AuthorizationResult {}

    record Declined(String code, String message) implements AuthorizationResult {}
  }

  /** @throws PaymentProviderUnavailableException when the provider cannot answer now (retry later) */
  AuthorizationResult authorize(AuthorizationRequest request);
}
