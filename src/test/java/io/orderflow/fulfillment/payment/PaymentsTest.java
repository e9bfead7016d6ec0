package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureResult;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.web.EngineUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

@DisplayName("Card payments")
class PaymentsTest {

  private final PaymentRepository paymentRepository = mock(PaymentRepository.class);
  private final PaymentAuthorizationRepository authorizations = mock(PaymentAuthorizationRepository.class);
  private final PaymentCaptureRepository captures = mock(PaymentCaptureRepository.class);
  private final PaymentGateway gateway = mock(PaymentGateway.class);
  private final OrderService orders = mock(OrderService.class);
  private final ProcessMessages messages = mock(ProcessMessages.class);
  private final PaymentLedger ledger = new PaymentLedger(paymentRepository, orders, PaymentFixtures.movements(),
      PaymentFixtures.transactions(), CLOCK);
  private final PaymentCancellationRepository cancellations = mock(PaymentCancellationRepository.class);
  private final Inventory inventory = mock(Inventory.class);
  private final Payments payments = new Payments(authorizations, captures, cancellations, ledger, gateway, orders,
      inventory, messages, PaymentFixtures.transactions(), CLOCK);

  private final OrderSummary order = PaymentFixtures.order("o-1", "ORD-AAAA2222", "CARD", "pm_card_visa", "51.80");
  private Payment payment;

  @BeforeEach
  void anOpenCardPayment() {
    when(orders.summary("o-1")).thenReturn(order);
    payment = PaymentFixtures.payment(order);
    when(paymentRepository.findByOrderId("o-1")).thenReturn(Optional.of(payment));
    when(authorizations.findByOrderIdAndAttemptNo(anyString(), any(Integer.class))).thenReturn(Optional.empty());
  }

  @Test
  @DisplayName("authorizes the amount due on the card given at checkout, stores the approval and secures the order")
  void approved() {
    // given
    when(gateway.authorize(any())).thenReturn(new AuthorizationResult.Approved("auth_1"));

    // when
    Payments.Outcome outcome = payments.authorize("o-1");

    // then
    assertThat(outcome).isEqualTo(new Payments.Outcome.Authorized("auth_1", 1));
    ArgumentCaptor<AuthorizationRequest> request = ArgumentCaptor.forClass(AuthorizationRequest.class);
    verify(gateway).authorize(request.capture());
    assertThat(request.getValue().idempotencyKey()).isEqualTo("o-1:1");
    assertThat(request.getValue().paymentMethodId()).isEqualTo("pm_card_visa");
    assertThat(request.getValue().amount()).isEqualByComparingTo("51.80");
    ArgumentCaptor<PaymentAuthorization> stored = ArgumentCaptor.forClass(PaymentAuthorization.class);
    verify(authorizations).saveAndFlush(stored.capture());
    assertThat(stored.getValue().attemptNo()).isEqualTo(1);
    assertThat(stored.getValue().status()).isEqualTo(PaymentAuthorization.Status.AUTHORIZED);
    verify(orders).paymentAuthorized("o-1");
    verify(orders).recordPaymentStatus("o-1", PaymentStatus.AUTHORIZED, "Card authorized: 51.80 EUR");
    assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
  }

  @Test
  @DisplayName("answers a repeated job from the stored attempt without asking the provider again")
  void repeatedJobIsAnsweredFromTheStore() {
    // given
    when(authorizations.findByOrderIdAndAttemptNo("o-1", 1)).thenReturn(Optional.of(
        PaymentAuthorization.declined("o-1", 1, new BigDecimal("51.80"), "EUR", "card_declined", NOW)));

    // when
    Payments.Outcome outcome = payments.authorize("o-1");

    // then
    assertThat(outcome).isEqualTo(new Payments.Outcome.Declined("card_declined", "The card was declined", 1));
    verify(gateway, never()).authorize(any());
    verify(orders, never()).paymentAuthorized(any());
  }

  @Test
  @DisplayName("reports a decline with a sentence for the customer; a suspected fraud is not named as such")
  void declined() {
    // given
    when(gateway.authorize(any())).thenReturn(new AuthorizationResult.Declined("fraudulent", "Likely fraud"));

    // when
    Payments.Outcome outcome = payments.authorize("o-1");

    // then
    assertThat(outcome).isEqualTo(new Payments.Outcome.Declined("fraudulent", "The card was declined", 1));
    assertThat(Payments.reasonFor("insufficient_funds")).isEqualTo("The card has insufficient funds");
    assertThat(Payments.reasonFor("expired_card")).isEqualTo("The card has expired");
    verify(orders, never()).paymentAuthorized(any());
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  @DisplayName("after a decline, waits for another card and tries it as a new attempt with its own idempotency key")
  void newCardIsANewAttempt() {
    // given attempt 1 was declined and the customer was asked for another card
    declinedAttempt(1);
    payments.awaitCardUpdate("o-1");
    payments.updateCard("o-1", "pm_card_mastercard");
    when(gateway.authorize(any())).thenReturn(new AuthorizationResult.Approved("auth_2"));

    // when
    Payments.Outcome outcome = payments.authorize("o-1");

    // then
    assertThat(outcome).isEqualTo(new Payments.Outcome.Authorized("auth_2", 2));
    ArgumentCaptor<AuthorizationRequest> request = ArgumentCaptor.forClass(AuthorizationRequest.class);
    verify(gateway).authorize(request.capture());
    assertThat(request.getValue().idempotencyKey()).isEqualTo("o-1:2");
    assertThat(request.getValue().paymentMethodId()).isEqualTo("pm_card_mastercard");
  }

  @Test
  @DisplayName("records that the payment waits for another card once, when the current attempt was declined")
  void awaitCardUpdate() {
    // given
    declinedAttempt(1);

    // when
    payments.awaitCardUpdate("o-1");
    payments.awaitCardUpdate("o-1");

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.AWAITING_CARD_UPDATE);
    verify(orders, times(1)).recordPaymentStatus("o-1", PaymentStatus.AWAITING_CARD_UPDATE,
        "The card was declined; waiting for the customer to give another card");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("refuses anything but a provider token as the new card, without repeating what was sent")
  @ValueSource(strings = {"4242424242424242", "4242 4242 4242 4242", "4000-0566-5566-5556", "tok_visa", "pm_", "pm_a b",
      " ", "card_1234"})
  void refusesAnythingButAToken(String paymentMethodId) {
    assertThatThrownBy(() -> payments.updateCard("o-1", paymentMethodId))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("paymentMethodId");
            assertThat(p.message()).contains("pm_").doesNotContain("4242").doesNotContain("5556");
          });
        });
    verifyNoInteractions(messages);
    verify(paymentRepository, never()).findByOrderId(any());
  }

  @Test
  @DisplayName("calls a card number a card number when it sees one")
  void namesACardNumber() {
    assertThatThrownBy(() -> payments.updateCard("o-1", "4242424242424242"))
        .hasMessageContaining("looks like a card number").hasMessageNotContaining("4242");
  }

  @Test
  @DisplayName("refuses a new card (409) while the payment does not wait for one")
  void notAwaitingACard() {
    assertThatThrownBy(() -> payments.updateCard("o-1", "pm_card_visa")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("not waiting for another card");
    verifyNoInteractions(messages);
  }

  @Test
  @DisplayName("stores the new card's token and tells the process once; a correction before it is tried replaces it")
  void newCardIsPassedOnOnce() {
    // given
    declinedAttempt(1);
    payments.awaitCardUpdate("o-1");

    // when
    Payments.CardUpdate first = payments.updateCard("o-1", "pm_card_mastercard");
    Payments.CardUpdate corrected = payments.updateCard("o-1", "pm_card_amex");

    // then
    assertThat(first.attempt()).isEqualTo(2);
    assertThat(corrected.attempt()).isEqualTo(2);
    assertThat(payment.paymentMethodId()).isEqualTo("pm_card_amex");
    verify(messages, times(1)).publish("card-updated", "o-1", "card-updated-o-1-2", Duration.ofHours(1), Map.of());
  }

  @Test
  @DisplayName("when the engine could not be told, sending the card again tells it")
  void engineDownThenRetried() {
    // given
    declinedAttempt(1);
    payments.awaitCardUpdate("o-1");
    doThrow(new EngineUnavailableException("down", null)).doNothing().when(messages)
        .publish(anyString(), anyString(), anyString(), any(), any());
    assertThatThrownBy(() -> payments.updateCard("o-1", "pm_card_mastercard"))
        .isInstanceOf(EngineUnavailableException.class);

    // when
    Payments.CardUpdate retried = payments.updateCard("o-1", "pm_card_mastercard");

    // then
    assertThat(retried.attempt()).isEqualTo(2);
    verify(messages, times(2)).publish("card-updated", "o-1", "card-updated-o-1-2", Duration.ofHours(1), Map.of());
  }

  @Test
  @DisplayName("captures the authorized amount with the first parcel and records it")
  void capturesOnce() {
    // given
    authorizedAttempt(2, "auth_2");
    when(gateway.capture(any())).thenReturn(new CaptureResult.Captured("cap_1"));
    when(captures.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    // when
    Payments.Capture capture = payments.capture("o-1", 1);

    // then
    assertThat(capture).isEqualTo(new Payments.Capture("cap_1", 1, new BigDecimal("51.80"), "EUR", true));
    ArgumentCaptor<CaptureRequest> request = ArgumentCaptor.forClass(CaptureRequest.class);
    verify(gateway).capture(request.capture());
    assertThat(request.getValue()).isEqualTo(new CaptureRequest("capture:o-1", "auth_2", new BigDecimal("51.80"),
        java.util.Currency.getInstance("EUR")));
    verify(orders).recordPaymentStatus("o-1", PaymentStatus.CAPTURED,
        "Card payment of 51.80 EUR captured when parcel 1 shipped");
  }

  @Test
  @DisplayName("does nothing for a later parcel of the same order: the first one captured everything")
  void laterParcelsChangeNothing() {
    // given
    when(captures.findByOrderId("o-1")).thenReturn(Optional.of(
        new PaymentCapture("o-1", 1, 1, new BigDecimal("51.80"), "EUR", "cap_1", NOW)));

    // when
    Payments.Capture capture = payments.capture("o-1", 2);

    // then
    assertThat(capture.capturedNow()).isFalse();
    assertThat(capture.shipmentNo()).isEqualTo(1);
    verifyNoInteractions(gateway);
    verify(orders, never()).recordPaymentStatus(any(), any(), any());
  }

  @Test
  @DisplayName("reports a refused capture so that someone looks at it")
  void captureRefused() {
    // given
    authorizedAttempt(1, "auth_1");
    when(gateway.capture(any())).thenReturn(new CaptureResult.Refused("authorization_not_found", "Expired"));

    // when / then
    assertThatThrownBy(() -> payments.capture("o-1", 1)).isInstanceOf(PaymentCaptureRefusedException.class)
        .hasMessageContaining("authorization_not_found");
    verify(captures, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("records a payment that could not be secured as FAILED with the customer's reason, once")
  void fail() {
    // when
    String reason = payments.fail("o-1", "No bank transfer received within 7 days");
    payments.fail("o-1", "No bank transfer received within 7 days");

    // then
    assertThat(reason).isEqualTo("No bank transfer received within 7 days");
    assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    verify(orders, times(1)).recordPaymentStatus("o-1", PaymentStatus.FAILED, "No bank transfer received within 7 days");
    assertThat(payments.fail("o-1", null)).isEqualTo("The payment could not be secured");
  }

  private void declinedAttempt(int attempt) {
    when(authorizations.findByOrderIdAndAttemptNo("o-1", attempt)).thenReturn(Optional.of(
        PaymentAuthorization.declined("o-1", attempt, new BigDecimal("51.80"), "EUR", "card_declined", NOW)));
    when(authorizations.existsByOrderIdAndAttemptNo("o-1", attempt)).thenReturn(true);
  }

  private void authorizedAttempt(int attempt, String authorizationId) {
    when(authorizations.findFirstByOrderIdAndStatusOrderByAttemptNoDesc(eq("o-1"), eq(PaymentAuthorization.Status.AUTHORIZED)))
        .thenReturn(Optional.of(PaymentAuthorization.approved("o-1", attempt, new BigDecimal("51.80"), "EUR",
            authorizationId, NOW)));
  }
}
