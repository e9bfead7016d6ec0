package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureResult;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundResult;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidResult;
import io.orderflow.fulfillment.payment.Payments.Cancellation;
import io.orderflow.fulfillment.payment.Payments.CancellationAction;
import io.orderflow.fulfillment.process.ProcessMessages;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Undoing payments when an order, or one parcel of a split order, is cancelled. The order: parcel 1 (2 T-shirts at
 * 19.90 + 4.90 shipping = 44.70) and parcel 2 (a hoodie at 49.00 + 7.10 shipping = 56.10); 100.80 due.
 */
@DisplayName("Cancelling payments")
class PaymentCancellationTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private final PaymentRepository paymentRepository = mock(PaymentRepository.class);
  private final PaymentAuthorizationRepository authorizations = mock(PaymentAuthorizationRepository.class);
  private final PaymentCaptureRepository captures = mock(PaymentCaptureRepository.class);
  private final PaymentCancellationRepository cancellations = mock(PaymentCancellationRepository.class);
  private final MoneyMovementRepository movementRepository = mock(MoneyMovementRepository.class);
  private final PaymentGateway gateway = mock(PaymentGateway.class);
  private final OrderService orders = mock(OrderService.class);
  private final Inventory inventory = mock(Inventory.class);
  private final PaymentLedger ledger = new PaymentLedger(paymentRepository, orders,
      new MoneyMovements(movementRepository, CLOCK), PaymentFixtures.transactions(), CLOCK);
  private final Payments payments = new Payments(authorizations, captures, cancellations, ledger, gateway, orders,
      inventory, mock(ProcessMessages.class), PaymentFixtures.transactions(), CLOCK);

  private Payment payment;

  @BeforeEach
  void aSplitOrder() {
    OrderSummary base = PaymentFixtures.order("o-1", "ORD-AAAA2222", "CARD", "pm_card_visa", "100.80");
    OrderSummary order = new OrderSummary(base.id(), base.orderNumber(), OrderStatus.PAYMENT_AUTHORIZED,
        base.customer(), base.shippingAddress(), base.currency(), new BigDecimal("87.80"), base.paymentMethod(),
        base.paymentReference(), "madrid", null, null, 1L, NOW, NOW, List.of(
            new LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"),
                new BigDecimal("39.80"), 0),
            new LineSummary(2, "HOODIE-ZIP-M", "Zip hoodie (Size M)", 1, new BigDecimal("49.00"),
                new BigDecimal("49.00"), 0)),
        base.delivery(), false, null, List.of(
            new ShipmentSummary(1, "madrid", new BigDecimal("3.2"), 380, new BigDecimal("4.90"), 1, "SHIPPED", "T1"),
            new ShipmentSummary(2, "warsaw", new BigDecimal("2010.7"), 650, new BigDecimal("7.10"), 3, "PLANNED",
                null)),
        base.quote(), null, PaymentStatus.PENDING, null, null);
    when(orders.summary("o-1")).thenReturn(order);
    when(inventory.shipmentContents("o-1", "madrid")).thenReturn(Map.of("TSHIRT-ORG-M", 2));
    when(inventory.shipmentContents("o-1", "warsaw")).thenReturn(Map.of("HOODIE-ZIP-M", 1));
    when(cancellations.findByOrderIdAndShipmentNo(anyString(), anyInt())).thenReturn(Optional.empty());
    when(cancellations.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
    when(captures.findByOrderId("o-1")).thenReturn(Optional.empty());
    when(authorizations.findFirstByOrderIdAndStatusOrderByAttemptNoDesc(any(), any())).thenReturn(Optional.empty());
  }

  private void paidBy(String method) {
    payment = new Payment("o-1", method, new BigDecimal("100.80"), "EUR", "CARD".equals(method) ? "pm_card_visa" : null,
        NOW);
    when(paymentRepository.findByOrderId("o-1")).thenReturn(Optional.of(payment));
  }

  private void authorized() {
    when(authorizations.findFirstByOrderIdAndStatusOrderByAttemptNoDesc("o-1", PaymentAuthorization.Status.AUTHORIZED))
        .thenReturn(Optional.of(PaymentAuthorization.approved("o-1", 1, new BigDecimal("100.80"), "EUR", "auth_1",
            NOW)));
  }

  private void captured() {
    authorized();
    when(captures.findByOrderId("o-1")).thenReturn(Optional.of(new PaymentCapture("o-1", 1, 1,
        new BigDecimal("100.80"), "EUR", "cap_1", NOW)));
  }

  private List<MoneyMovement> movements() {
    ArgumentCaptor<MoneyMovement> recorded = ArgumentCaptor.forClass(MoneyMovement.class);
    verify(movementRepository, org.mockito.Mockito.atLeast(0)).saveAndFlush(recorded.capture());
    return recorded.getAllValues();
  }

  @Test
  @DisplayName("card authorized, not captured: the authorization is voided, nothing charged")
  void voidsAnAuthorization() {
    // given
    paidBy("CARD");
    authorized();
    when(gateway.voidAuthorization(any())).thenReturn(new VoidResult.Voided("void_1"));

    // when
    Cancellation cancellation = payments.cancelPayment("o-1", "Customer changed their mind");

    // then
    verify(gateway).voidAuthorization(new VoidRequest("void:o-1", "auth_1"));
    verify(gateway, never()).refund(any());
    assertThat(cancellation.action()).isEqualTo(CancellationAction.VOIDED);
    assertThat(cancellation.amount()).isEqualByComparingTo("100.80");
    assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(payment.amountDue()).isEqualByComparingTo("0");
    verify(orders).recordPaymentStatus(eq("o-1"), eq(PaymentStatus.VOIDED), any());
    assertThat(movements()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MoneyMovements.Kind.VOIDED);
      assertThat(m.amount()).isEqualByComparingTo("100.80");
      assertThat(m.reference()).isEqualTo("void_1");
    });
  }

  @Test
  @DisplayName("card captured: what was captured goes back to the card, less what was refunded for a parcel before")
  void refundsACapture() {
    // given: parcel 2 was cancelled after the capture and refunded (56.10)
    paidBy("CARD");
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"), new RefundResult.Refunded("re_2"));
    payments.cancelShipment("o-1", 2, "Parcel lost in the warehouse");

    // when
    Cancellation cancellation = payments.cancelPayment("o-1", "Customer cancelled");

    // then
    ArgumentCaptor<RefundRequest> requests = ArgumentCaptor.forClass(RefundRequest.class);
    verify(gateway, org.mockito.Mockito.times(2)).refund(requests.capture());
    assertThat(requests.getAllValues()).containsExactly(
        new RefundRequest("refund:o-1:shipment:2", "cap_1", new BigDecimal("56.10"), EUR),
        new RefundRequest("refund:o-1:order", "cap_1", new BigDecimal("44.70"), EUR));
    assertThat(cancellation.action()).isEqualTo(CancellationAction.REFUNDED);
    assertThat(cancellation.amount()).isEqualByComparingTo("44.70");
    assertThat(payment.refundedAmount()).isEqualByComparingTo("100.80");
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    verify(gateway, never()).voidAuthorization(any());
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString(), MoneyMovement::reference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MoneyMovements.Kind.REFUNDED, "56.10", "re_1"),
            org.assertj.core.groups.Tuple.tuple(MoneyMovements.Kind.REFUNDED, "44.70", "re_2"));
  }

  @Test
  @DisplayName("bank transfer received: the amount is recorded as owed back to the payer, no provider involved")
  void bankTransferReceived() {
    // given
    paidBy("BANK_TRANSFER");
    payment.received(new BigDecimal("100.80"), NOW);

    // when
    Cancellation cancellation = payments.cancelPayment("o-1", "Customer cancelled");

    // then
    assertThat(cancellation.action()).isEqualTo(CancellationAction.REFUND_DUE);
    assertThat(cancellation.amount()).isEqualByComparingTo("100.80");
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_DUE);
    verifyNoInteractions(gateway);
    assertThat(movements()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MoneyMovements.Kind.REFUND_DUE);
      assertThat(m.amount()).isEqualByComparingTo("100.80");
    });
  }

  @Test
  @DisplayName("bank transfer not yet received, cash on delivery not collected, invoice not issued: nothing to return")
  void nothingReceived() {
    for (String method : List.of("BANK_TRANSFER", "CASH_ON_DELIVERY", "INVOICE")) {
      // given
      paidBy(method);

      // when
      Cancellation cancellation = payments.cancelPayment("o-1", "Customer cancelled");

      // then
      assertThat(cancellation.action()).as(method).isEqualTo(CancellationAction.NOTHING);
      assertThat(payment.amountDue()).as(method).isEqualByComparingTo("0");
      assertThat(payment.status()).as(method).isEqualTo(PaymentStatus.VOIDED);
    }
    verifyNoInteractions(gateway);
    assertThat(movements()).isEmpty();
  }

  @Test
  @DisplayName("no payment opened yet: nothing happens")
  void noPaymentYet() {
    when(paymentRepository.findByOrderId("o-1")).thenReturn(Optional.empty());

    Cancellation cancellation = payments.cancelPayment("o-1", "Out of stock");

    assertThat(cancellation.action()).isEqualTo(CancellationAction.NOTHING);
    verifyNoInteractions(gateway);
    verify(cancellations, never()).saveAndFlush(any());
    verify(orders, never()).recordPaymentStatus(any(), any(), any());
  }

  @Test
  @DisplayName("a repeated job finds the cancellation done and asks the provider nothing")
  void repeated() {
    paidBy("CARD");
    captured();
    when(cancellations.findByOrderIdAndShipmentNo("o-1", 0)).thenReturn(Optional.of(new PaymentCancellation("o-1", 0,
        CancellationAction.REFUNDED, new BigDecimal("100.80"), "EUR", "re_1", "Customer cancelled", NOW)));

    Cancellation cancellation = payments.cancelPayment("o-1", "Customer cancelled");

    assertThat(cancellation).isEqualTo(new Cancellation("o-1", 0, CancellationAction.REFUNDED,
        new BigDecimal("100.80"), "EUR", "re_1"));
    verifyNoInteractions(gateway);
    verify(cancellations, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("a provider outage leaves nothing recorded, so the retried job refunds then")
  void providerDown() {
    paidBy("CARD");
    captured();
    when(gateway.refund(any())).thenThrow(new PaymentProviderUnavailableException("timeout"));

    assertThatThrownBy(() -> payments.cancelPayment("o-1", "Customer cancelled"))
        .isInstanceOf(PaymentProviderUnavailableException.class);
    verify(cancellations, never()).saveAndFlush(any());
    assertThat(payment.refundedAmount()).isEqualByComparingTo("0");
  }

  @Test
  @DisplayName("one parcel cancelled before the capture: the capture later takes only the rest")
  void shipmentCancelledBeforeCapture() {
    // given
    paidBy("CARD");
    authorized();
    when(gateway.capture(any())).thenReturn(new CaptureResult.Captured("cap_1"));
    when(captures.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    // when
    Cancellation cancellation = payments.cancelShipment("o-1", 2, "Out of stock in Warsaw");
    Payments.Capture capture = payments.capture("o-1", 1);

    // then
    assertThat(cancellation.action()).isEqualTo(CancellationAction.REDUCED);
    assertThat(cancellation.amount()).isEqualByComparingTo("56.10");
    verify(gateway).capture(new CaptureRequest("capture:o-1", "auth_1", new BigDecimal("44.70"), EUR));
    assertThat(capture.amount()).isEqualByComparingTo("44.70");
    assertThat(movements()).extracting(MoneyMovement::kind).containsExactly(MoneyMovements.Kind.CAPTURED);
  }

  @Test
  @DisplayName("one parcel cancelled after the capture: its goods and shipping go back to the card, once")
  void shipmentCancelledAfterCapture() {
    // given
    paidBy("CARD");
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"));

    // when
    Cancellation cancellation = payments.cancelShipment("o-1", 1, "Damaged in the warehouse");

    // then: 2 × 19.90 + 4.90
    verify(gateway).refund(new RefundRequest("refund:o-1:shipment:1", "cap_1", new BigDecimal("44.70"), EUR));
    assertThat(cancellation.action()).isEqualTo(CancellationAction.REFUNDED);
    assertThat(payment.amountDue()).isEqualByComparingTo("56.10");
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING); // unchanged: the rest stays captured
  }

  @Test
  @DisplayName("one parcel cancelled, cash on delivery or invoice: the amount still expected is lower by its share")
  void shipmentCancelledForCashOrInvoice() {
    for (String method : List.of("CASH_ON_DELIVERY", "INVOICE", "BANK_TRANSFER")) {
      paidBy(method);

      Cancellation cancellation = payments.cancelShipment("o-1", 2, "Out of stock");

      assertThat(cancellation.action()).as(method).isEqualTo(CancellationAction.REDUCED);
      assertThat(payment.amountDue()).as(method).isEqualByComparingTo("44.70");
      assertThat(payment.money()).as(method).isEqualTo("44.70 EUR");
    }
    verifyNoInteractions(gateway);
  }

  @Test
  @DisplayName("one parcel cancelled after the bank transfer arrived: its share is owed back to the payer")
  void shipmentCancelledAfterTransfer() {
    paidBy("BANK_TRANSFER");
    payment.received(new BigDecimal("100.80"), NOW);

    Cancellation cancellation = payments.cancelShipment("o-1", 2, "Out of stock");

    assertThat(cancellation.action()).isEqualTo(CancellationAction.REFUND_DUE);
    assertThat(cancellation.amount()).isEqualByComparingTo("56.10");
    assertThat(payment.refundedAmount()).isEqualByComparingTo("56.10");
  }

  @Test
  @DisplayName("refuses a parcel the order does not have")
  void unknownParcel() {
    paidBy("CARD");
    assertThatThrownBy(() -> payments.cancelShipment("o-1", 3, "?"))
        .isInstanceOf(io.orderflow.fulfillment.shared.NotFoundException.class);
  }
}
