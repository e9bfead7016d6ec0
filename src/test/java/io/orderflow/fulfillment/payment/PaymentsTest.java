package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Authorizing an order's payment")
class PaymentsTest {

  private final PaymentAuthorizationRepository authorizations = mock(PaymentAuthorizationRepository.class);
  private final PaymentGateway gateway = mock(PaymentGateway.class);
  private final OrderService orders = mock(OrderService.class);
  private final Payments payments = new Payments(authorizations, gateway, orders, mock(PlatformTransactionManager.class),
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

  @Test
  @DisplayName("asks the provider once, stores the approval and marks the order paid")
  void approved() {
    // given
    when(authorizations.findByOrderId("o-1")).thenReturn(Optional.empty());
    when(orders.summary("o-1")).thenReturn(order("o-1", "pm_card_visa"));
    when(gateway.authorize(any())).thenReturn(new PaymentGateway.AuthorizationResult.Approved("auth_1"));

    // when
    Payments.Outcome outcome = payments.authorize("o-1");

    // then
    assertThat(outcome).isEqualTo(new Payments.Outcome.Authorized("auth_1"));
    verify(authorizations).saveAndFlush(any(PaymentAuthorization.class));
    verify(orders).paymentAuthorized("o-1");
  }

  @Test
  @DisplayName("answers a repeated job from the stored outcome without calling the provider again")
  void repeatedJobIsAnsweredFromTheStore() {
    // given
    when(authorizations.findByOrderId("o-2")).thenReturn(Optional.of(
        PaymentAuthorization.declined("o-2", new BigDecimal("10.00"), "EUR", "card_declined", Instant.EPOCH)));

    // when
    Payments.Outcome outcome = payments.authorize("o-2");

    // then
    assertThat(outcome).isInstanceOfSatisfying(Payments.Outcome.Declined.class, d -> {
      assertThat(d.code()).isEqualTo("card_declined");
      assertThat(d.reason()).doesNotContain("card_declined").doesNotStartWith("Payment declined");
    });
    verify(gateway, never()).authorize(any());
    verify(orders, never()).paymentAuthorized(any());
  }

  private static OrderSummary order(String id, String paymentMethodId) {
    return new OrderSummary(id, "ORD-AAAA2222", OrderStatus.QUOTE_ACCEPTED, new Customer("Ana", "ana@example.com", null),
        new Address("Calle 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), new BigDecimal("51.80"), "CARD",
        paymentMethodId, "madrid", null, null, 1L, Instant.EPOCH, Instant.EPOCH, List.of(),
        OrderService.Delivery.standard(), false, null, List.of(),
        new OrderService.QuoteSummary(new BigDecimal("4.90"), new BigDecimal("56.70"), Instant.EPOCH, Instant.EPOCH),
        null, io.orderflow.fulfillment.order.PaymentStatus.PENDING, null, null);
  }
}
