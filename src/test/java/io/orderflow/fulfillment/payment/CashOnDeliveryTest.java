package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.CashOnDelivery.CashReport;
import io.orderflow.fulfillment.payment.CashOnDelivery.CollectionResult;
import io.orderflow.fulfillment.payment.CashOnDelivery.Outcome;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("Cash on delivery")
class CashOnDeliveryTest {

  private final CashCollectionRepository collections = mock(CashCollectionRepository.class);
  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final OrderService orders = mock(OrderService.class);
  private final ProcessMessages messages = mock(ProcessMessages.class);
  private final MoneyMovementRepository movementRepository =
      org.mockito.Mockito.mock(MoneyMovementRepository.class);
  private final PaymentLedger ledger = new PaymentLedger(payments, orders,
      new MoneyMovements(movementRepository, CLOCK), PaymentFixtures.transactions(), CLOCK);
  private final CashOnDelivery cashOnDelivery = new CashOnDelivery(collections, ledger, orders, messages,
      PaymentFixtures.transactions(), CLOCK);

  private final Map<String, CashCollection> stored = new HashMap<>();
  private Payment payment;

  @BeforeEach
  void aCashOnDeliveryOrder() {
    OrderSummary order = PaymentFixtures.order("o-2", "ORD-CCCC3333", "CASH_ON_DELIVERY", null, "64.90");
    when(orders.summary("o-2")).thenReturn(order);
    when(orders.orderIdByTrackingNumber("SX643681112ES")).thenReturn(Optional.of("o-2"));
    when(orders.orderIdByNumber("ORD-CCCC3333")).thenReturn(Optional.of("o-2"));
    when(orders.orderIdByNumber("ORD-NOPE")).thenReturn(Optional.empty());
    payment = PaymentFixtures.payment(order);
    when(payments.findByOrderId("o-2")).thenReturn(Optional.of(payment));
    when(collections.findByCollectionId(anyString()))
        .thenAnswer(call -> Optional.ofNullable(stored.get(call.<String>getArgument(0))));
    when(collections.findByOrderId("o-2"))
        .thenAnswer(call -> stored.values().stream().filter(c -> c.orderId().equals("o-2")).findFirst());
    when(collections.saveAndFlush(any())).thenAnswer(call -> {
      CashCollection collection = call.getArgument(0);
      stored.put(collection.collectionId(), collection);
      return collection;
    });
  }

  @Test
  @DisplayName("registers the payment as collected on delivery and lets the order ship, once")
  void register() {
    // when
    cashOnDelivery.register("o-2");
    cashOnDelivery.register("o-2");

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.COLLECT_ON_DELIVERY);
    verify(orders, times(1)).paymentAuthorized("o-2");
    verify(orders, times(1)).recordPaymentStatus("o-2", PaymentStatus.COLLECT_ON_DELIVERY,
        "The courier collects 64.90 EUR on delivery");
  }

  @Test
  @DisplayName("takes the courier's report of the amount due by tracking number and passes it on to the settlement")
  void amountAsDue() {
    // given
    cashOnDelivery.register("o-2");

    // when
    CollectionResult result = cashOnDelivery.recordCollection(report("COL-1", "SX643681112ES", null, "64.90"));

    // then
    assertThat(result).isEqualTo(new CollectionResult("COL-1", Outcome.MATCHED, "ORD-CCCC3333",
        "The amount due was collected"));
    verify(messages).publish("cash-collected", "o-2", "cash-collected-COL-1", Duration.ofDays(30),
        Map.of("receivedAmount", new BigDecimal("64.90"), "amountDue", new BigDecimal("64.90"), "currency", "EUR",
            "amountMatches", true));
    assertThat(stored.get("COL-1").publishedAt()).isNotNull();
    ArgumentCaptor<MoneyMovement> moved = ArgumentCaptor.forClass(MoneyMovement.class);
    verify(movementRepository).saveAndFlush(moved.capture());
    assertThat(moved.getValue().kind()).isEqualTo(MoneyMovements.Kind.COLLECTED);
    assertThat(moved.getValue().amount()).isEqualByComparingTo("64.90");
    assertThat(moved.getValue().reference()).isEqualTo("COL-1");
  }

  @Test
  @DisplayName("passes another amount on as a mismatch for finance to reconcile, and shows it on the order")
  void amountDiffers() {
    // given
    cashOnDelivery.register("o-2");

    // when
    CollectionResult result = cashOnDelivery.recordCollection(report("COL-2", null, "ORD-CCCC3333", "60.00"));

    // then
    assertThat(result.outcome()).isEqualTo(Outcome.AMOUNT_MISMATCH);
    assertThat(payment.status()).isEqualTo(PaymentStatus.AMOUNT_MISMATCH);
    verify(messages).publish("cash-collected", "o-2", "cash-collected-COL-2", Duration.ofDays(30),
        Map.of("receivedAmount", new BigDecimal("60.00"), "amountDue", new BigDecimal("64.90"), "currency", "EUR",
            "amountMatches", false));
  }

  @Test
  @DisplayName("recognises a report sent again by its collection id: DUPLICATE, nothing passed on twice")
  void duplicate() {
    // given
    cashOnDelivery.register("o-2");
    cashOnDelivery.recordCollection(report("COL-1", "SX643681112ES", null, "64.90"));

    // when
    CollectionResult again = cashOnDelivery.recordCollection(report("COL-1", "SX643681112ES", null, "64.90"));

    // then
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    verify(messages, times(1)).publish(anyString(), anyString(), anyString(), any(), any());
  }

  @Test
  @DisplayName("refuses a second report for the same order under another collection id (409)")
  void secondReport() {
    // given
    cashOnDelivery.register("o-2");
    cashOnDelivery.recordCollection(report("COL-1", "SX643681112ES", null, "64.90"));

    // when / then
    assertThatThrownBy(() -> cashOnDelivery.recordCollection(report("COL-9", null, "ORD-CCCC3333", "64.90")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("COL-1");
  }

  @Test
  @DisplayName("answers 404 for an unknown order and 409 for an order not paid cash on delivery")
  void unknownOrWrongOrder() {
    assertThatThrownBy(() -> cashOnDelivery.recordCollection(report("COL-3", null, "ORD-NOPE", "1.00")))
        .isInstanceOf(NotFoundException.class);
    OrderSummary card = PaymentFixtures.order("o-3", "ORD-DDDD4444", "CARD", "pm_card_visa", "10.00");
    when(orders.orderIdByNumber("ORD-DDDD4444")).thenReturn(Optional.of("o-3"));
    when(orders.summary("o-3")).thenReturn(card);
    when(payments.findByOrderId("o-3")).thenReturn(Optional.of(PaymentFixtures.payment(card)));
    assertThatThrownBy(() -> cashOnDelivery.recordCollection(report("COL-4", null, "ORD-DDDD4444", "10.00")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not paid cash on delivery");
    verifyNoInteractions(messages);
  }

  @Test
  @DisplayName("records the cash as paid, with finance's settled amount and note when they reconciled a difference")
  void recordPaid() {
    // given
    cashOnDelivery.register("o-2");
    cashOnDelivery.recordCollection(report("COL-2", null, "ORD-CCCC3333", "60.00"));

    // when
    cashOnDelivery.recordPaid("o-2", new BigDecimal("60.00"), new BigDecimal("64.90"), "Courier paid the rest");

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payment.receivedAmount()).isEqualByComparingTo("64.90");
    verify(orders).recordPaymentStatus("o-2", PaymentStatus.PAID,
        "Cash on delivery settled by finance: 64.90 EUR received (Courier paid the rest)");
  }

  private static CashReport report(String id, String trackingNumber, String orderNumber, String amount) {
    return new CashReport(id, trackingNumber, orderNumber, new BigDecimal(amount), "EUR");
  }
}
