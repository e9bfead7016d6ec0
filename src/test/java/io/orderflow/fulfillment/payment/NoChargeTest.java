package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ReplacementFor;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("A free replacement's payment (record-no-charge)")
class NoChargeTest {

  private final PaymentRepository paymentRepository = mock(PaymentRepository.class);
  private final PaymentGateway gateway = mock(PaymentGateway.class);
  private final OrderService orders = mock(OrderService.class);
  private final MoneyMovementRepository movementRepository = mock(MoneyMovementRepository.class);
  private final PaymentLedger ledger = new PaymentLedger(paymentRepository, orders,
      new MoneyMovements(movementRepository, CLOCK), PaymentFixtures.transactions(), CLOCK);
  private final Payments payments = new Payments(mock(PaymentAuthorizationRepository.class),
      mock(PaymentCaptureRepository.class), mock(PaymentCancellationRepository.class), ledger, gateway, orders,
      mock(Inventory.class), mock(ProcessMessages.class), PaymentFixtures.transactions(), CLOCK);

  private final AtomicReference<Payment> stored = new AtomicReference<>();

  @BeforeEach
  void paymentTable() {
    when(paymentRepository.findByOrderId(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get()));
    when(paymentRepository.saveAndFlush(any(Payment.class))).thenAnswer(i -> {
      stored.set(i.getArgument(0));
      return i.getArgument(0);
    });
  }

  private static OrderSummary replacement(String method, String amountDue) {
    OrderSummary o = PaymentFixtures.order("o-9", "ORD-REPL2345", method, null, amountDue);
    return new OrderSummary(o.id(), o.orderNumber(), o.status(), o.customer(), o.shippingAddress(), o.currency(),
        o.totalAmount(), o.paymentMethod(), o.paymentReference(), o.warehouseId(), o.trackingNumber(),
        o.cancellationReason(), o.processInstanceKey(), o.placedAt(), o.updatedAt(), o.lines(), o.delivery(),
        o.marketingConsent(), o.routingReason(), o.shipments(), o.quote(), o.backorderDecision(), o.paymentStatus(),
        o.paymentDetail(), o.acknowledgedAt(), o.language(), new ReplacementFor("o-1", "ORD-ORIG2345", "RMA-77"));
  }

  @Test
  @DisplayName("opens the payment at 0.00, records NO_CHARGE on the order and lets it ship; the provider is not asked")
  void recordsNoCharge() {
    // given
    when(orders.summary("o-9")).thenReturn(replacement("NO_CHARGE", "0.00"));

    // when
    payments.recordNoCharge("o-9");

    // then
    assertThat(stored.get().method()).isEqualTo("NO_CHARGE");
    assertThat(stored.get().amount()).isEqualByComparingTo("0");
    assertThat(stored.get().status()).isEqualTo(PaymentStatus.NO_CHARGE);
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(orders).recordPaymentStatus(any(), any(), detail.capture());
    assertThat(detail.getValue()).contains("Free replacement for order ORD-ORIG2345", "RMA-77", "nothing is charged");
    verify(orders).paymentAuthorized("o-9");
    verifyNoInteractions(gateway, movementRepository);
  }

  @Test
  @DisplayName("a job delivered again changes nothing")
  void repeated() {
    when(orders.summary("o-9")).thenReturn(replacement("NO_CHARGE", "0.00"));

    payments.recordNoCharge("o-9");
    payments.recordNoCharge("o-9");

    verify(paymentRepository, times(1)).saveAndFlush(any());
    verify(orders, times(1)).paymentAuthorized("o-9");
    verify(orders, times(1)).recordPaymentStatus(any(), any(), any());
  }

  @Test
  @DisplayName("refuses an order that is paid by another method, or on which something is due")
  void onlyForFreeOrders() {
    when(orders.summary("o-9")).thenReturn(replacement("CARD", "0.00"));
    assertThatThrownBy(() -> payments.recordNoCharge("o-9")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("paid by CARD");

    when(orders.summary("o-9")).thenReturn(replacement("NO_CHARGE", "12.50"));
    assertThatThrownBy(() -> payments.recordNoCharge("o-9")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("12.50 EUR is due");
    verify(orders, never()).paymentAuthorized(any());
  }
}
