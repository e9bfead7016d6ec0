package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
import io.orderflow.fulfillment.payment.PaymentGateway.RefundRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundResult;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Refunding returns. The order: 2 T-shirts at 19.90 and a hoodie at 49.00 plus 12.00 shipping, 100.80 in all,
 * delivered; Ana (Ana@Example.com) sends back one T-shirt (RMA-1, 19.90) and later the hoodie (RMA-2, 49.00).
 */
@DisplayName("Refunding returns")
class ReturnRefundsTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private final PaymentRepository paymentRepository = mock(PaymentRepository.class);
  private final PaymentAuthorizationRepository authorizations = mock(PaymentAuthorizationRepository.class);
  private final PaymentCaptureRepository captures = mock(PaymentCaptureRepository.class);
  private final PaymentCancellationRepository cancellations = mock(PaymentCancellationRepository.class);
  private final InvoiceRepository invoices = mock(InvoiceRepository.class);
  private final ReturnRefundEntryRepository refundRepository = mock(ReturnRefundEntryRepository.class);
  private final StoreCreditRepository creditRepository = mock(StoreCreditRepository.class);
  private final MoneyMovementRepository movementRepository = mock(MoneyMovementRepository.class);
  private final PaymentGateway gateway = mock(PaymentGateway.class);
  private final OrderService orders = mock(OrderService.class);
  private final Inventory inventory = mock(Inventory.class);
  private final PaymentLedger ledger = new PaymentLedger(paymentRepository, orders,
      new MoneyMovements(movementRepository, CLOCK), PaymentFixtures.transactions(), CLOCK);
  private final StoreCredits storeCredits = new StoreCredits(creditRepository, CLOCK);
  private final ReturnRefunds returns = new ReturnRefunds(refundRepository, captures, invoices, storeCredits, ledger,
      gateway, orders, PaymentFixtures.transactions(), CLOCK);
  private final Payments payments = new Payments(authorizations, captures, cancellations, ledger, gateway, orders,
      inventory, mock(ProcessMessages.class), PaymentFixtures.transactions(), CLOCK);

  /** The return_refund table: one row per order and RMA, as the unique constraint keeps it. */
  private final Map<String, ReturnRefundEntry> stored = new ConcurrentHashMap<>();
  private final List<StoreCredit> credits = new ArrayList<>();
  private Payment payment;

  @BeforeEach
  void aDeliveredOrder() {
    order("CARD");
    when(refundRepository.findByOrderIdAndRmaNumber(anyString(), anyString()))
        .thenAnswer(call -> Optional.ofNullable(stored.get(call.getArgument(0) + "/" + call.getArgument(1))));
    when(refundRepository.saveAndFlush(any())).thenAnswer(call -> {
      ReturnRefundEntry entry = call.getArgument(0);
      stored.put(entry.orderId() + "/" + entry.rmaNumber(), entry);
      return entry;
    });
    when(refundRepository.existsByOrderIdAndStatus(anyString(), any())).thenAnswer(call -> stored.values().stream()
        .anyMatch(e -> e.orderId().equals(call.getArgument(0)) && e.status() == call.getArgument(1)));
    when(refundRepository.findByOrderIdOrderById("o-1")).thenAnswer(call -> List.copyOf(stored.values()));
    when(creditRepository.findBySourceOrderIdAndSourceRmaNumber(anyString(), anyString())).thenReturn(Optional.empty());
    when(creditRepository.saveAndFlush(any())).thenAnswer(call -> {
      credits.add(call.getArgument(0));
      return call.getArgument(0);
    });
    when(captures.findByOrderId("o-1")).thenReturn(Optional.empty());
    when(invoices.findByOrderId("o-1")).thenReturn(Optional.empty());
    when(cancellations.findByOrderIdAndShipmentNo(anyString(), anyInt())).thenReturn(Optional.empty());
    when(cancellations.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
  }

  private void order(String method) {
    OrderSummary base = PaymentFixtures.order("o-1", "ORD-AAAA2222", method, "CARD".equals(method) ? "pm_card_visa"
        : null, "100.80");
    OrderSummary order = new OrderSummary(base.id(), base.orderNumber(), OrderStatus.DELIVERED, base.customer(),
        base.shippingAddress(), base.currency(), new BigDecimal("100.80"), method, base.paymentReference(), "madrid",
        null, null, 1L, NOW, NOW, List.of(
            new LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"),
                new BigDecimal("39.80"), 0),
            new LineSummary(2, "HOODIE-ZIP-M", "Zip hoodie (Size M)", 1, new BigDecimal("49.00"),
                new BigDecimal("49.00"), 0)),
        base.delivery(), false, null, List.of(
            new ShipmentSummary(1, "madrid", new BigDecimal("3.2"), 1030, new BigDecimal("12.00"), 1, "DELIVERED",
                "T1")),
        base.quote(), null, PaymentStatus.PAID, null, null);
    when(orders.summary("o-1")).thenReturn(order);
    when(inventory.shipmentContents("o-1", "madrid")).thenReturn(Map.of("TSHIRT-ORG-M", 2, "HOODIE-ZIP-M", 1));
  }

  private void paidBy(String method) {
    order(method);
    payment = new Payment("o-1", method, new BigDecimal("100.80"), "EUR", "CARD".equals(method) ? "pm_card_visa" : null,
        NOW);
    when(paymentRepository.findByOrderId("o-1")).thenReturn(Optional.of(payment));
  }

  private void captured() {
    paidBy("CARD");
    when(captures.findByOrderId("o-1")).thenReturn(Optional.of(new PaymentCapture("o-1", 1, 1,
        new BigDecimal("100.80"), "EUR", "cap_1", NOW)));
  }

  private List<MoneyMovement> movements() {
    ArgumentCaptor<MoneyMovement> recorded = ArgumentCaptor.forClass(MoneyMovement.class);
    verify(movementRepository, org.mockito.Mockito.atLeast(0)).saveAndFlush(recorded.capture());
    return recorded.getAllValues();
  }

  @Test
  @DisplayName("card captured: the returned goods go back to the card through the provider, once per RMA")
  void cardRefund() {
    // given
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"));

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    verify(gateway).refund(new RefundRequest("refund:o-1:rma:RMA-1", "cap_1", new BigDecimal("19.90"), EUR));
    assertThat(refund).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.CARD_REFUNDED,
        new BigDecimal("19.90"), "EUR", "re_1"));
    assertThat(payment.refundedAmount()).isEqualByComparingTo("19.90");
    assertThat(payment.status()).as("most of the payment stays taken").isEqualTo(PaymentStatus.PENDING);
    verify(orders).recordPaymentStatus(eq("o-1"), any(), eq("Return RMA-1: 19.90 EUR refunded to the card"));
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString(), MoneyMovement::reference)
        .containsExactly(tuple(MoneyMovements.Kind.REFUNDED, "19.90", "re_1"));
    assertThat(movements()).singleElement().satisfies(m -> assertThat(m.businessKey()).isEqualTo("REFUNDED:o-1:rma:RMA-1"));
  }

  @Test
  @DisplayName("a repeated job gets the first outcome: the provider is not asked again, nothing is recorded twice")
  void repeat() {
    // given
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"));
    ReturnRefund first = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // when: repeated, even with another amount or choice
    ReturnRefund again = returns.refundReturn("o-1", "RMA-1", new BigDecimal("49.00"), RefundChoice.STORE_CREDIT);

    // then
    assertThat(again).isEqualTo(first);
    verify(gateway, times(1)).refund(any());
    assertThat(payment.refundedAmount()).isEqualByComparingTo("19.90");
    assertThat(credits).isEmpty();
    assertThat(returns.returnRefunds("o-1")).containsExactly(first);
  }

  @Test
  @DisplayName("a concurrent duplicate that stored the refund first wins: its outcome is returned, nothing refunded twice")
  void concurrentDuplicate() {
    // given: the other job's row appears when ours hits the unique constraint
    paidBy("BANK_TRANSFER");
    payment.received(new BigDecimal("100.80"), NOW);
    ReturnRefundEntry theirs = ReturnRefundEntry.payoutDue("o-1", "RMA-1", RefundChoice.ORIGINAL_METHOD,
        new BigDecimal("19.90"), new BigDecimal("19.90"), "EUR", NOW);
    org.mockito.Mockito.doAnswer(call -> {
      stored.put("o-1/RMA-1", theirs);
      throw new org.springframework.dao.DataIntegrityViolationException("uq_return_refund");
    }).when(refundRepository).saveAndFlush(any());

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    assertThat(refund).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.BANK_PAYOUT_DUE,
        new BigDecimal("19.90"), "EUR", null));
  }

  @Test
  @DisplayName("the provider does not answer: the error goes to the worker (retry); the retry refunds with the same key")
  void providerUnavailableThenRetried() {
    // given
    captured();
    when(gateway.refund(any())).thenThrow(new PaymentProviderUnavailableException("timeout"))
        .thenReturn(new RefundResult.Refunded("re_1"));

    // when
    assertThatThrownBy(() -> returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"),
        RefundChoice.ORIGINAL_METHOD)).isInstanceOf(PaymentProviderUnavailableException.class);
    ReturnRefund retried = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    ArgumentCaptor<RefundRequest> requests = ArgumentCaptor.forClass(RefundRequest.class);
    verify(gateway, times(2)).refund(requests.capture());
    assertThat(requests.getAllValues()).extracting(RefundRequest::idempotencyKey)
        .containsOnly("refund:o-1:rma:RMA-1");
    assertThat(retried.action()).isEqualTo(ReturnRefundAction.CARD_REFUNDED);
    assertThat(retried.reference()).isEqualTo("re_1");
    assertThat(payment.refundedAmount()).as("counted once").isEqualByComparingTo("19.90");
    assertThat(movements()).hasSize(1);
  }

  @Test
  @DisplayName("the provider refuses: PaymentReversalRefusedException, nothing recorded as refunded in the ledger")
  void providerRefuses() {
    // given
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refused("amount_too_large", "Too much"));

    // when / then
    assertThatThrownBy(() -> returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"),
        RefundChoice.ORIGINAL_METHOD)).isInstanceOf(PaymentReversalRefusedException.class)
        .hasMessageContaining("RMA-1").hasMessageContaining("amount_too_large");
    assertThat(movements()).isEmpty();
  }

  @Test
  @DisplayName("never more than was taken: a return after a cancelled parcel's refund gets only what is left")
  void capAcrossCancellationsAndReturns() {
    // given: 100.80 captured; a parcel share of 60.00 was refunded on cancellation, RMA-1 took 19.90 more
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"), new RefundResult.Refunded("re_2"));
    payment.refunded(new BigDecimal("60.00"), NOW);
    returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // when: the hoodie (49.00) comes back, but only 20.90 is left
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-2", new BigDecimal("49.00"), RefundChoice.ORIGINAL_METHOD);

    // then
    assertThat(refund.amount()).isEqualByComparingTo("20.90");
    verify(gateway).refund(new RefundRequest("refund:o-1:rma:RMA-2", "cap_1", new BigDecimal("20.90"), EUR));
    assertThat(payment.refundedAmount()).isEqualByComparingTo("100.80");
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);

    // and a third return finds nothing left to refund
    ReturnRefund third = returns.refundReturn("o-1", "RMA-3", new BigDecimal("19.90"), RefundChoice.STORE_CREDIT);
    assertThat(third.action()).isEqualTo(ReturnRefundAction.NOTHING);
    assertThat(third.amount()).isEqualByComparingTo("0");
    verify(gateway, times(2)).refund(any());
    assertThat(credits).isEmpty();
  }

  @Test
  @DisplayName("a cancellation after a return refunds only what the return left")
  void cancellationAfterReturn() {
    // given
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"), new RefundResult.Refunded("re_2"));
    returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // when
    Payments.Cancellation cancellation = payments.cancelPayment("o-1", "Customer cancelled the rest");

    // then
    assertThat(cancellation.amount()).isEqualByComparingTo("80.90");
    assertThat(payment.refundedAmount()).isEqualByComparingTo("100.80");
  }

  @Test
  @DisplayName("store credit chosen: a credit with an SC code for the customer's e-mail, whatever the method; the card "
      + "is not touched")
  void storeCredit() {
    // given
    captured();

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.STORE_CREDIT);

    // then
    verifyNoInteractions(gateway);
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.STORE_CREDIT);
    assertThat(refund.amount()).isEqualByComparingTo("19.90");
    assertThat(refund.reference()).matches("SC-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(credits).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo(refund.reference());
      assertThat(c.customerEmail()).isEqualTo("ana@example.com");
      assertThat(c.amount()).isEqualByComparingTo("19.90");
      assertThat(c.currency()).isEqualTo("EUR");
      assertThat(c.sourceRmaNumber()).isEqualTo("RMA-1");
    });
    assertThat(payment.refundedAmount()).as("counts against what can be refunded").isEqualByComparingTo("19.90");
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString(), MoneyMovement::reference)
        .containsExactly(tuple(MoneyMovements.Kind.STORE_CREDIT, "19.90", refund.reference()));
    verify(orders).recordPaymentStatus(eq("o-1"), any(), eq("Return RMA-1: 19.90 EUR as store credit "
        + refund.reference()));
  }

  @Test
  @DisplayName("store credit for an order paid by bank transfer, too")
  void storeCreditForATransfer() {
    // given
    paidBy("BANK_TRANSFER");
    payment.received(new BigDecimal("100.80"), NOW);

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("49.00"), RefundChoice.STORE_CREDIT);

    // then
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.STORE_CREDIT);
    assertThat(credits).hasSize(1);
    assertThat(movements()).extracting(MoneyMovement::kind).containsExactly(MoneyMovements.Kind.STORE_CREDIT);
  }

  @Test
  @DisplayName("bank transfer received: the refund is due, finance pays it out and records the payout once")
  void transferPayout() {
    // given
    paidBy("BANK_TRANSFER");
    payment.received(new BigDecimal("100.80"), NOW);

    // when
    ReturnRefund due = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    verifyNoInteractions(gateway);
    assertThat(due).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.BANK_PAYOUT_DUE,
        new BigDecimal("19.90"), "EUR", null));
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_DUE);
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString())
        .containsExactly(tuple(MoneyMovements.Kind.REFUND_DUE, "19.90"));

    // when finance paid it out (and the job is repeated)
    ReturnRefund paidOut = returns.recordReturnPayout("o-1", "RMA-1", "SEPA-2026-0042");
    ReturnRefund again = returns.recordReturnPayout("o-1", "RMA-1", "SEPA-2026-0042");

    // then
    assertThat(paidOut).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.BANK_PAYOUT_DUE,
        new BigDecimal("19.90"), "EUR", "SEPA-2026-0042"));
    assertThat(again).isEqualTo(paidOut);
    assertThat(returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD))
        .isEqualTo(paidOut);
    assertThat(payment.status()).as("the rest stays paid").isEqualTo(PaymentStatus.PAID);
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString(), MoneyMovement::reference)
        .containsExactly(tuple(MoneyMovements.Kind.REFUND_DUE, "19.90", null),
            tuple(MoneyMovements.Kind.REFUNDED, "19.90", "SEPA-2026-0042"));
    assertThatThrownBy(() -> returns.recordReturnPayout("o-1", "RMA-1", "SEPA-OTHER"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("SEPA-2026-0042");
  }

  @Test
  @DisplayName("recording a payout: 404 for an unknown return, 409 when the return was not refunded by payout")
  void payoutErrors() {
    // given
    captured();
    when(gateway.refund(any())).thenReturn(new RefundResult.Refunded("re_1"));
    returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // when / then
    assertThatThrownBy(() -> returns.recordReturnPayout("o-1", "RMA-9", "SEPA-1"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> returns.recordReturnPayout("o-1", "RMA-1", "SEPA-1"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("CARD_REFUNDED");
  }

  @Test
  @DisplayName("cash on delivery collected: the refund is due and paid out by finance")
  void cashOnDeliveryCollected() {
    // given
    paidBy("CASH_ON_DELIVERY");
    payment.received(new BigDecimal("100.80"), NOW);

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("49.00"), RefundChoice.ORIGINAL_METHOD);

    // then
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.BANK_PAYOUT_DUE);
    assertThat(refund.amount()).isEqualByComparingTo("49.00");
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_DUE);
  }

  @Test
  @DisplayName("invoice paid (the bank statement matched it): the refund is due and paid out by finance")
  void invoicePaid() {
    // given
    paidBy("INVOICE");
    Invoice invoice = new Invoice("o-1", 2026, 7, "ana@example.com", new BigDecimal("100.80"), "EUR",
        LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 4), NOW);
    invoice.paid(NOW);
    when(invoices.findByOrderId("o-1")).thenReturn(Optional.of(invoice));

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.BANK_PAYOUT_DUE);
    assertThat(invoice.amount()).as("a paid invoice is not changed").isEqualByComparingTo("100.80");
  }

  @Test
  @DisplayName("invoice not paid yet: it asks for that much less (the bank match expects the new amount), nothing is "
      + "owed back, also when store credit was chosen")
  void unpaidInvoiceReduced() {
    // given
    paidBy("INVOICE");
    Invoice invoice = new Invoice("o-1", 2026, 7, "ana@example.com", new BigDecimal("100.80"), "EUR",
        LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 4), NOW);
    when(invoices.findByOrderId("o-1")).thenReturn(Optional.of(invoice));

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);
    ReturnRefund second = returns.refundReturn("o-1", "RMA-2", new BigDecimal("49.00"), RefundChoice.STORE_CREDIT);

    // then
    assertThat(refund).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.REDUCED,
        new BigDecimal("19.90"), "EUR", "INV-2026-000007"));
    assertThat(second.action()).isEqualTo(ReturnRefundAction.REDUCED);
    assertThat(invoice.amount()).isEqualByComparingTo("31.90");
    assertThat(payment.amountDue()).isEqualByComparingTo("31.90");
    assertThat(payment.refundedAmount()).isEqualByComparingTo("0");
    assertThat(credits).isEmpty();
    verifyNoInteractions(gateway);
    assertThat(movements()).extracting(MoneyMovement::kind, m -> m.amount().toPlainString(), MoneyMovement::reference)
        .containsExactly(tuple(MoneyMovements.Kind.REDUCED, "19.90", "INV-2026-000007"),
            tuple(MoneyMovements.Kind.REDUCED, "49.00", "INV-2026-000007"));
    verify(orders).recordPaymentStatus(eq("o-1"), any(),
        eq("Return RMA-1: 19.90 EUR less to pay; invoice INV-2026-000007 now asks for 80.90 EUR"));
  }

  @Test
  @DisplayName("cash on delivery not collected yet: the courier's collection asks for less")
  void cashNotCollectedReduced() {
    // given
    paidBy("CASH_ON_DELIVERY");

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);

    // then
    assertThat(refund.action()).isEqualTo(ReturnRefundAction.REDUCED);
    assertThat(refund.reference()).isNull();
    assertThat(payment.amountDue()).isEqualByComparingTo("80.90");
  }

  @Test
  @DisplayName("a free replacement order (NO_CHARGE): nothing to refund, no payment touched")
  void noCharge() {
    // given
    order(io.orderflow.fulfillment.process.PaymentProcess.Methods.NO_CHARGE);
    when(paymentRepository.findByOrderId("o-1")).thenReturn(Optional.empty());

    // when
    ReturnRefund refund = returns.refundReturn("o-1", "RMA-1", new BigDecimal("19.90"), RefundChoice.STORE_CREDIT);

    // then
    assertThat(refund).isEqualTo(new ReturnRefund("o-1", "RMA-1", ReturnRefundAction.NOTHING,
        new BigDecimal("0.00"), "EUR", null));
    verifyNoInteractions(gateway);
    assertThat(credits).isEmpty();
    assertThat(movements()).isEmpty();
    verify(orders, never()).recordPaymentStatus(any(), any(), any());
  }

  @Test
  @DisplayName("an amount of zero (or less): nothing to refund")
  void zero() {
    // given
    captured();

    // when
    ReturnRefund zero = returns.refundReturn("o-1", "RMA-1", BigDecimal.ZERO, RefundChoice.ORIGINAL_METHOD);
    ReturnRefund negative = returns.refundReturn("o-1", "RMA-2", new BigDecimal("-5"), RefundChoice.STORE_CREDIT);

    // then
    assertThat(zero.action()).isEqualTo(ReturnRefundAction.NOTHING);
    assertThat(negative.action()).isEqualTo(ReturnRefundAction.NOTHING);
    verifyNoInteractions(gateway);
    assertThat(payment.refundedAmount()).isEqualByComparingTo("0");
    assertThat(movements()).isEmpty();
  }

  @Test
  @DisplayName("an unknown order is a 404")
  void unknownOrder() {
    when(orders.summary("nope")).thenThrow(new NotFoundException("Order", "nope"));
    assertThatThrownBy(() -> returns.refundReturn("nope", "RMA-1", BigDecimal.TEN, RefundChoice.ORIGINAL_METHOD))
        .isInstanceOf(NotFoundException.class);
  }
}
