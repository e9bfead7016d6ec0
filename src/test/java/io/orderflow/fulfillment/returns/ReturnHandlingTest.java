package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.payment.RefundChoice;
import io.orderflow.fulfillment.payment.ReturnRefundAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shipping.Shipping;
import io.orderflow.fulfillment.testsupport.OrderSummaries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("The steps of a return")
class ReturnHandlingTest {

  static final Instant NOW = ReturnRequestTest.NOW;

  final ReturnRequestRepository repository = mock(ReturnRequestRepository.class);
  final ReturnShippingRefundRepository claims = mock(ReturnShippingRefundRepository.class);
  final OrderService orders = mock(OrderService.class);
  final DeliveredGoods delivered = mock(DeliveredGoods.class);
  final Inventory inventory = mock(Inventory.class);
  final Shipping shipping = mock(Shipping.class);
  final ReturnRefundPort money = mock(ReturnRefundPort.class);
  final ReplacementPort replacements = mock(ReplacementPort.class);
  final List<ReturnShippingRefund> claimed = new ArrayList<>();
  ReturnHandling handling;

  @BeforeEach
  void setUp() {
    handling = new ReturnHandling(repository, claims, orders, delivered, inventory, shipping, mock(Notifications.class),
        money, replacements, ReturnSettings.defaults(), "https://shop.example/", mock(PlatformTransactionManager.class),
        Clock.fixed(NOW, ZoneOffset.UTC));
    when(orders.summary("order-1")).thenReturn(OrderSummaries.order("order-1", OrderStatus.DELIVERED, false,
        List.of(OrderSummaries.line(1, "TSHIRT-ORG-M", 2, "19.90", 0)), List.of(), OrderSummaries.noQuote()));
    when(delivered.of(any())).thenReturn(List.of(new DeliveredGoods.Parcel(1, "madrid",
        Map.of("TSHIRT-ORG-M", 2, "MUG-CERAMIC", 1), new BigDecimal("4.90"), NOW)));
    when(claims.findByOrderId("order-1")).thenAnswer(i -> List.copyOf(claimed));
    when(claims.saveAndFlush(any())).thenAnswer(i -> {
      claimed.add(i.getArgument(0));
      return i.getArgument(0);
    });
    when(money.refundReturn(anyString(), anyString(), any(), any())).thenAnswer(i -> new ReturnRefundPort.Refund(
        ReturnRefundAction.CARD_REFUNDED, i.getArgument(2), "EUR", "re_" + i.getArgument(1)));
  }

  ReturnRequest inspected(String id, ReturnKind kind, ReturnReason reason, int received) {
    ReturnRequest r = new ReturnRequest(id, "RMA-2026-00000" + id.length(), "order-1", kind, reason, null, null, "ana",
        "madrid", 2, NOW);
    r.addLine(1, "TSHIRT-ORG-M", "T-shirt", "apparel", 2, new BigDecimal("19.90"));
    r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE), Map.of(), NOW);
    r.labelIssued("Simulated Express", "SX1" + id + "ES", NOW);
    r.inspected("", Map.of(1, received), received > 0 ? Map.of(1, ItemCondition.AS_NEW) : Map.of(), Map.of(), Map.of(),
        NOW);
    when(repository.findById(id)).thenReturn(Optional.of(r));
    return r;
  }

  @Test
  @DisplayName("a change of mind refunds the received units minus the label fee, once, with a credit note")
  void changeOfMind() {
    ReturnRequest r = inspected("r1", ReturnKind.RETURN, ReturnReason.CHANGED_MIND, 1);

    ReturnHandling.RefundResult first = handling.refund("r1");
    ReturnHandling.RefundResult again = handling.refund("r1");

    assertThat(first.route()).isEqualTo(ReturnHandling.RefundRoute.DONE);
    assertThat(first.amount()).isEqualByComparingTo("15.95");
    assertThat(again).isEqualTo(first);
    verify(money, times(1)).refundReturn("order-1", r.rmaNumber(), new BigDecimal("15.95"), RefundChoice.ORIGINAL_METHOD);
    verify(money, times(1)).creditNote(eq("order-1"), eq(r.rmaNumber()), eq(Map.of("TSHIRT-ORG-M", 1)),
        eq(new BigDecimal("0.00")));
    assertThat(r.status()).isEqualTo(ReturnStatus.REFUNDED);
  }

  @Test
  @DisplayName("the shop's fault refunds the parcel's shipping with the first RMA only; a bank payout waits for finance")
  void shippingOnceAndPayout() {
    inspected("r1", ReturnKind.COMPLAINT, ReturnReason.DAMAGED, 1);
    ReturnRequest second = inspected("r22", ReturnKind.RETURN, ReturnReason.DEFECTIVE, 1);
    when(money.refundReturn(eq("order-1"), eq(second.rmaNumber()), any(), any()))
        .thenReturn(new ReturnRefundPort.Refund(ReturnRefundAction.BANK_PAYOUT_DUE, new BigDecimal("19.90"), "EUR", null));

    assertThat(handling.refund("r1").amount()).isEqualByComparingTo("24.80");
    ReturnHandling.RefundResult payout = handling.refund("r22");

    assertThat(payout.route()).isEqualTo(ReturnHandling.RefundRoute.BANK_PAYOUT);
    verify(money).refundReturn("order-1", second.rmaNumber(), new BigDecimal("19.90"), RefundChoice.ORIGINAL_METHOD);
    assertThat(claimed).singleElement().satisfies(c -> assertThat(c.returnId()).isEqualTo("r1"));
    assertThat(second.status()).isEqualTo(ReturnStatus.REFUND_PENDING);
    handling.recordPayout("r22", "PO-1");
    handling.recordPayout("r22", "PO-1");
    verify(money, times(1)).recordPayout("order-1", second.rmaNumber(), "PO-1");
    assertThat(second.status()).isEqualTo(ReturnStatus.REFUNDED);
  }

  @Test
  @DisplayName("nothing received refunds nothing without asking the payment provider")
  void nothingReceived() {
    ReturnRequest r = inspected("r1", ReturnKind.RETURN, ReturnReason.CHANGED_MIND, 0);
    assertThat(handling.refund("r1").route()).isEqualTo(ReturnHandling.RefundRoute.DONE);
    assertThat(r.refundAction()).isEqualTo(ReturnRefundAction.NOTHING);
    verify(money, never()).refundReturn(any(), any(), any(), any());
    verify(money, never()).creditNote(any(), any(), any(), any());
  }

  @Test
  @DisplayName("returned goods go where the outcome says, keyed by RMA line, the same on a repeat")
  void putAway() {
    ReturnRequest r = inspected("r1", ReturnKind.RETURN, ReturnReason.CHANGED_MIND, 2);
    List<ReturnHandling.LineOutcome> outcomes = List.of(new ReturnHandling.LineOutcome(1, "SCRAP", "worn"));
    handling.putAway("r1", outcomes);
    handling.putAway("r1", List.of(new ReturnHandling.LineOutcome(1, "RESTOCK", "changed")));
    verify(inventory, times(2)).putAwayReturned(r.rmaNumber() + "/1", "order-1", "madrid", "TSHIRT-ORG-M", 2,
        Inventory.ReturnedGoodsOutcome.SCRAP);
    assertThat(r.lines().get(0).outcome()).isEqualTo(ReturnLine.Outcome.SCRAP);
    assertThatThrownBy(() -> handling.putAway("r1", List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no outcome for line 1");
  }

  @Test
  @DisplayName("an inspection with units received but no condition is refused naming the line")
  void inspectionNeedsCondition() {
    ReturnRequest r = new ReturnRequest("r3", "RMA-2026-000003", "order-1", ReturnKind.RETURN, ReturnReason.WRONG_SIZE,
        null, null, "ana", "madrid", 2, NOW);
    r.addLine(1, "TSHIRT-ORG-M", "T-shirt", "apparel", 2, new BigDecimal("19.90"));
    r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE), Map.of(), NOW);
    r.labelIssued("C", "T3", NOW);
    when(repository.findById("r3")).thenReturn(Optional.of(r));

    assertThatThrownBy(() -> handling.checkInspection("r3", "tshirt-org-m",
        List.of(new ReturnHandling.InspectedLine(1, null, null)))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("inspectedLines[0].condition").hasMessageContaining("line 1 (TSHIRT-ORG-M): 1 unit(s)");
    handling.checkInspection("r3", "", List.of(new ReturnHandling.InspectedLine(1, null, null)));

    ReturnHandling.Inspection inspection = handling.recordInspection("r3", "TSHIRT-ORG-M\nTSHIRT-ORG-M\nTSHIRT-ORG-M",
        List.of(new ReturnHandling.InspectedLine(1, "opened", "box torn")));
    assertThat(inspection.anythingReceived()).isTrue();
    assertThat(inspection.receivedLines()).singleElement().satisfies(l -> assertThat(l)
        .containsEntry("receivedQuantity", 2).containsEntry("condition", "OPENED").containsEntry("category", "apparel"));
    assertThat(r.extraItems()).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(1));
    assertThat(handling.recordInspection("r3", "", List.of()).receivedLines()).hasSize(1);
  }

  @Test
  @DisplayName("the approval mail carries the RMA number and the label link")
  void approvalDetail() {
    ReturnRequest r = inspected("r1", ReturnKind.RETURN, ReturnReason.CHANGED_MIND, 1);
    assertThat(handling.detail(r, "RETURN_APPROVED")).contains(r.rmaNumber(),
        "https://shop.example/api/returns/r1/label.pdf", "fee of 3.95");
  }
}
