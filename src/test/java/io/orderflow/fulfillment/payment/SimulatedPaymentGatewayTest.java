package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult.Approved;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult.Declined;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The sandbox payment provider")
class SimulatedPaymentGatewayTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

  private static AuthorizationRequest request(String idempotencyKey, String paymentMethodId, String amount) {
    return new AuthorizationRequest(idempotencyKey, paymentMethodId, new BigDecimal(amount), EUR);
  }

  @Test
  @DisplayName("approves the test Visa card")
  void visaApproved() {
    // when
    AuthorizationResult result = gateway.authorize(request("order-1", "pm_card_visa", "51.80"));

    // then
    assertThat(result).isInstanceOfSatisfying(Approved.class,
        approved -> assertThat(approved.authorizationId()).matches("auth_[0-9a-f]{20}"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "pm_card_chargeDeclined,    card_declined",
      "pm_card_insufficientFunds, insufficient_funds",
      "pm_card_expired,           expired_card",
      "pm_card_fraudulent,        fraudulent"
  })
  @DisplayName("declines the test cards that simulate a refusal, with the provider's code")
  void declinedCards(String paymentMethodId, String code) {
    // when
    AuthorizationResult result = gateway.authorize(request("order-1", paymentMethodId, "51.80"));

    // then
    assertThat(result).isInstanceOfSatisfying(Declined.class, declined -> {
      assertThat(declined.code()).isEqualTo(code);
      assertThat(declined.message()).isNotBlank();
    });
  }

  @Test
  @DisplayName("declines an amount above 10,000 as too large")
  void amountTooLarge() {
    // when
    AuthorizationResult result = gateway.authorize(request("order-1", "pm_card_visa", "10000.01"));

    // then
    assertThat(result).isInstanceOfSatisfying(Declined.class,
        declined -> assertThat(declined.code()).isEqualTo("amount_too_large"));
  }

  @Test
  @DisplayName("still approves exactly 10,000")
  void amountAtLimit() {
    // when
    AuthorizationResult result = gateway.authorize(request("order-1", "pm_card_visa", "10000.00"));

    // then
    assertThat(result).isInstanceOf(Approved.class);
  }

  @Test
  @DisplayName("declines a payment method that is not a provider id")
  void notAProviderId() {
    // when
    AuthorizationResult result = gateway.authorize(request("order-1", "4242424242424242", "51.80"));

    // then
    assertThat(result).isInstanceOfSatisfying(Declined.class,
        declined -> assertThat(declined.code()).isEqualTo("invalid_payment_method"));
  }

  @Test
  @DisplayName("answers a repeated request with the same idempotency key with the first authorization")
  void sameIdempotencyKey() {
    // given
    AuthorizationResult first = gateway.authorize(request("order-1", "pm_card_visa", "51.80"));

    // when
    AuthorizationResult again = gateway.authorize(request("order-1", "pm_card_visa", "51.80"));

    // then
    assertThat(again).isInstanceOf(Approved.class).isEqualTo(first);
  }

  @Test
  @DisplayName("authorizes two orders separately")
  void differentIdempotencyKeys() {
    // when
    AuthorizationResult first = gateway.authorize(request("order-1", "pm_card_visa", "51.80"));
    AuthorizationResult second = gateway.authorize(request("order-2", "pm_card_visa", "51.80"));

    // then
    assertThat(first).isInstanceOf(Approved.class);
    assertThat(second).isInstanceOf(Approved.class);
    assertThat(((Approved) second).authorizationId()).isNotEqualTo(((Approved) first).authorizationId());
  }

  @Test
  @DisplayName("reports itself unavailable for the provider-down test card, so the step is retried")
  void providerDown() {
    // when / then
    assertThatThrownBy(() -> gateway.authorize(request("order-1", "pm_card_providerDown", "51.80")))
        .isInstanceOf(PaymentProviderUnavailableException.class);
  }

  @Test
  @DisplayName("does not remember an unavailable answer: the retry reaches the provider again")
  void providerDownNotRemembered() {
    // given
    assertThatThrownBy(() -> gateway.authorize(request("order-1", "pm_card_providerDown", "51.80")))
        .isInstanceOf(PaymentProviderUnavailableException.class);

    // when
    AuthorizationResult retried = gateway.authorize(request("order-1", "pm_card_visa", "51.80"));

    // then
    assertThat(retried).isInstanceOf(Approved.class);
  }

  @Test
  @DisplayName("captures what it authorized, once; a repeated capture request gets the first answer")
  void capturesOnce() {
    // given
    Approved approved = (Approved) gateway.authorize(request("order-1:1", "pm_card_visa", "51.80"));
    PaymentGateway.CaptureRequest capture = new PaymentGateway.CaptureRequest("capture:order-1",
        approved.authorizationId(), new BigDecimal("51.80"), EUR);

    // when
    PaymentGateway.CaptureResult first = gateway.capture(capture);
    PaymentGateway.CaptureResult again = gateway.capture(capture);

    // then
    assertThat(first).isInstanceOfSatisfying(PaymentGateway.CaptureResult.Captured.class,
        captured -> assertThat(captured.captureId()).matches("cap_[0-9a-f]{20}"));
    assertThat(again).isEqualTo(first);
  }

  @Test
  @DisplayName("refuses to capture an unknown authorization, more than authorized, or an authorization twice")
  void refusesCaptures() {
    // given
    Approved approved = (Approved) gateway.authorize(request("order-2:1", "pm_card_visa", "20.00"));

    // when
    PaymentGateway.CaptureResult unknown = gateway.capture(new PaymentGateway.CaptureRequest("capture:x", "auth_nope",
        new BigDecimal("1.00"), EUR));
    PaymentGateway.CaptureResult tooMuch = gateway.capture(new PaymentGateway.CaptureRequest("capture:order-2a",
        approved.authorizationId(), new BigDecimal("20.01"), EUR));
    gateway.capture(new PaymentGateway.CaptureRequest("capture:order-2", approved.authorizationId(),
        new BigDecimal("20.00"), EUR));
    PaymentGateway.CaptureResult twice = gateway.capture(new PaymentGateway.CaptureRequest("capture:order-2b",
        approved.authorizationId(), new BigDecimal("20.00"), EUR));

    // then
    assertThat(unknown).isEqualTo(new PaymentGateway.CaptureResult.Refused("authorization_not_found",
        "No such authorization, or it has expired"));
    assertThat(tooMuch).isInstanceOfSatisfying(PaymentGateway.CaptureResult.Refused.class,
        refused -> assertThat(refused.code()).isEqualTo("amount_too_large"));
    assertThat(twice).isInstanceOfSatisfying(PaymentGateway.CaptureResult.Refused.class,
        refused -> assertThat(refused.code()).isEqualTo("already_captured"));
  }
}
