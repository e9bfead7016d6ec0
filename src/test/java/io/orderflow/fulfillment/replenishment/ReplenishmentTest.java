package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.replenishment.Replenishment.ReceiptLine;
import io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Replenishment")
class ReplenishmentTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  final ReorderPolicyRepository policies = mock(ReorderPolicyRepository.class);
  final SupplierRepository suppliers = mock(SupplierRepository.class);
  final PurchaseOrderRepository purchaseOrders = mock(PurchaseOrderRepository.class);
  final GapFreeNumbers numbering = mock(GapFreeNumbers.class);
  final SupplierGateway gateway = mock(SupplierGateway.class);
  final Inventory inventory = mock(Inventory.class);
  final Catalog catalog = mock(Catalog.class);
  final Notifications notifications = mock(Notifications.class);
  Replenishment replenishment;

  @BeforeEach
  void setUp() {
    replenishment = new Replenishment(policies, suppliers, purchaseOrders, numbering, gateway, inventory, catalog,
        new PurchasingNotices(notifications, catalog, mock(Transfers.class)), ReplenishmentSettings.defaults(),
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
    when(policies.findById(new ReorderPolicy.Key("MUG-CERAMIC", "madrid"))).thenReturn(Optional.of(
        new ReorderPolicy("MUG-CERAMIC", "madrid", 5, 20, "casa-goods", new BigDecimal("5.40"))));
    when(suppliers.findById("casa-goods")).thenReturn(Optional.of(
        new Supplier("casa-goods", "Casa & Home Goods EOOD", "orders@casa-goods.example", 5, "EUR")));
    when(purchaseOrders.findByOpenKey(anyString())).thenReturn(Optional.empty());
    when(purchaseOrders.saveAndFlush(any())).thenAnswer(i -> i.getArgument(0));
    when(numbering.next("PO", 2026)).thenReturn(7);
    when(inventory.putAwayBin(anyString(), anyString())).thenReturn("D-03-1");
  }

  void available(int onHand, int reserved) {
    when(inventory.stockIn("MUG-CERAMIC", "madrid")).thenReturn(Optional.of(new Inventory.WarehouseStock("MUG-CERAMIC",
        "madrid", onHand, reserved, onHand - reserved, "D-03-1")));
  }

  @Test
  @DisplayName("a SKU whose available stock (on hand − reserved) is below its reorder point needs its order quantity")
  void belowReorderPoint() {
    available(10, 6);
    assertThat(replenishment.check("MUG-CERAMIC", "madrid"))
        .contains(new ReplenishmentNeed("MUG-CERAMIC", "madrid", 4, 5, 20, "casa-goods"));
  }

  @Test
  @DisplayName("a days-of-cover policy orders back to the reorder point plus 14 days of the last 28 days' sales, at "
      + "least its minimum order")
  void daysOfCover() {
    // given: 14 days of cover, reorder point 5, minimum order 20; 3 available
    when(policies.findById(new ReorderPolicy.Key("MUG-CERAMIC", "madrid"))).thenReturn(Optional.of(
        new ReorderPolicy("MUG-CERAMIC", "madrid", 5, 20, "casa-goods", new BigDecimal("5.40"), 14)));
    available(3, 0);
    Instant since = NOW.minus(java.time.Duration.ofDays(28));

    // when 70 were shipped in the last 28 days (2.5 a day): 5 + ceil(2.5 x 14) = 40 wanted, 3 there → 37
    when(inventory.issuedSince("MUG-CERAMIC", "madrid", since)).thenReturn(70);
    // then
    assertThat(replenishment.check("MUG-CERAMIC", "madrid")).map(ReplenishmentNeed::proposedQuantity).contains(37);

    // when only 14 were shipped (0.5 a day): 5 + 7 - 3 = 9, below the minimum order → 20
    when(inventory.issuedSince("MUG-CERAMIC", "madrid", since)).thenReturn(14);
    assertThat(replenishment.check("MUG-CERAMIC", "madrid")).map(ReplenishmentNeed::proposedQuantity).contains(20);
  }

  @Test
  @DisplayName("at the reorder point, without a policy, or with a purchase order open for it, nothing is needed")
  void noNeed() {
    available(10, 5);
    assertThat(replenishment.check("MUG-CERAMIC", "madrid")).isEmpty();
    assertThat(replenishment.check("YOGA-MAT", "madrid")).as("no policy").isEmpty();

    available(3, 0);
    PurchaseOrder open = PurchaseOrderTest.draft("MUG-CERAMIC", 20, "5.40");
    when(purchaseOrders.findByOpenKey("MUG-CERAMIC@madrid")).thenReturn(Optional.of(open));
    assertThat(replenishment.check("MUG-CERAMIC", "madrid")).as("one open replenishment").isEmpty();
  }

  @Test
  @DisplayName("proposes a numbered draft at the policy's cost, expected after the supplier's lead time")
  void propose() {
    var po = replenishment.propose(new ReplenishmentNeed("MUG-CERAMIC", "madrid", 4, 5, 20, "casa-goods"));
    assertThat(po.number()).isEqualTo("PO-2026-000007");
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
    assertThat(po.value()).isEqualByComparingTo("108.00");
    assertThat(po.expectedDate()).isEqualTo(LocalDate.parse("2026-11-28"));
    assertThat(po.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("MUG-CERAMIC");
      assertThat(l.orderedQuantity()).isEqualTo(20);
    });
    verify(numbering).prepareYear("PO", 2026);
  }

  @Test
  @DisplayName("the same need again returns the open purchase order, no second one")
  void proposeTwice() {
    PurchaseOrder open = PurchaseOrderTest.draft("MUG-CERAMIC", 20, "5.40");
    when(purchaseOrders.findByOpenKey("MUG-CERAMIC@madrid")).thenReturn(Optional.of(open));
    var po = replenishment.propose(new ReplenishmentNeed("MUG-CERAMIC", "madrid", 4, 5, 20, "casa-goods"));
    assertThat(po.id()).isEqualTo(open.id());
    verify(purchaseOrders, never()).saveAndFlush(any());
    verify(numbering, never()).next(org.mockito.ArgumentMatchers.anyString(), anyInt());
  }

  @Test
  @DisplayName("a concurrent proposal that loses on the open-line key returns the winner's purchase order")
  void concurrentProposal() {
    PurchaseOrder winner = PurchaseOrderTest.draft("MUG-CERAMIC", 20, "5.40");
    when(purchaseOrders.findByOpenKey("MUG-CERAMIC@madrid")).thenReturn(Optional.empty(), Optional.of(winner));
    when(purchaseOrders.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("uq_purchase_order_line_open"));
    var po = replenishment.propose(new ReplenishmentNeed("MUG-CERAMIC", "madrid", 4, 5, 20, "casa-goods"));
    assertThat(po.id()).isEqualTo(winner.id());
  }

  @Test
  @DisplayName("approval is needed only above the threshold (1000 EUR): 1000.00 goes out, 1000.01 waits")
  void threshold() {
    PurchaseOrder atThreshold = PurchaseOrderTest.draft("SMARTWATCH-S2", 10, "100.00");
    when(purchaseOrders.findById("at")).thenReturn(Optional.of(atThreshold));
    assertThat(replenishment.needsApproval("at")).isFalse();
    assertThat(atThreshold.status()).isEqualTo(PurchaseOrderStatus.DRAFT);

    PurchaseOrder above = PurchaseOrderTest.draft("SMARTWATCH-S2", 1, "1000.01");
    when(purchaseOrders.findById("above")).thenReturn(Optional.of(above));
    assertThat(replenishment.needsApproval("above")).isTrue();
    assertThat(above.status()).isEqualTo(PurchaseOrderStatus.AWAITING_APPROVAL);
  }

  @Test
  @DisplayName("sending goes through the supplier port once; a repeat sends nothing")
  void sendOnce() {
    PurchaseOrder po = PurchaseOrderTest.draft("MUG-CERAMIC", 20, "5.40");
    when(purchaseOrders.findById("po-1")).thenReturn(Optional.of(po));
    assertThat(replenishment.send("po-1").status()).isEqualTo(PurchaseOrderStatus.SENT);
    replenishment.send("po-1");
    verify(gateway).send(any());
  }

  @Test
  @DisplayName("a receipt puts only accepted units on hand, by PO/receipt/line reference; a repeated delivery note changes nothing")
  void receiptToStock() {
    PurchaseOrder po = PurchaseOrderTest.sent("MUG-CERAMIC", 10, "5.40");
    when(purchaseOrders.findById("po-1")).thenReturn(Optional.of(po));

    var first = replenishment.receive("po-1", "DN-1", "picker.madrid",
        List.of(new ReceiptLine("MUG-CERAMIC", 6, 2, List.of("LOT-A"))));
    assertThat(first.receipt().lines().get(0).discrepancies()).containsExactly("DAMAGED 2", "SHORT 6");
    assertThat(first.receipt().lines().get(0).binLocation()).isEqualTo("D-03-1");
    verify(inventory).receivePurchased("PO-2026-000001/R1/L1", "madrid", "MUG-CERAMIC", 4);

    var again = replenishment.receive("po-1", "DN-1", "picker.madrid",
        List.of(new ReceiptLine("MUG-CERAMIC", 6, 2, List.of("LOT-A"))));
    assertThat(again.receipt().receiptNo()).isEqualTo(1);

    var second = replenishment.receive("po-1", "DN-2", "picker.madrid",
        List.of(new ReceiptLine("MUG-CERAMIC", 8, 0, List.of())));
    assertThat(second.receipt().lines().get(0).discrepancies()).containsExactly("OVER 2");
    assertThat(second.purchaseOrder().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    verify(inventory).receivePurchased("PO-2026-000001/R2/L1", "madrid", "MUG-CERAMIC", 6);
    verify(inventory, never()).receivePurchased(anyString(), anyString(), anyString(), eq(8));
  }

  @Test
  @DisplayName("reads the receipt form's lines: numbers as the engine sends them, lots split, a missing damaged count "
      + "0, a missing received count refused by its field")
  void countedLines() {
    java.util.Map<String, Object> line = new java.util.HashMap<>();
    line.put("lineNo", 1L);
    line.put("sku", "MUG-CERAMIC");
    line.put("receivedQuantity", 6.0);
    line.put("lotOrSerials", "LOT-A, LOT-B;LOT-C\n LOT-D ");
    java.util.Map<String, Object> second = new java.util.HashMap<>(Map.of("sku", "YOGA-MAT", "receivedQuantity", "2",
        "damagedQuantity", 1L));

    assertThat(Replenishment.countedLines(List.of(line, second))).containsExactly(
        new ReceiptLine("MUG-CERAMIC", 6, 0, List.of("LOT-A", "LOT-B", "LOT-C", "LOT-D")),
        new ReceiptLine("YOGA-MAT", 2, 1, List.of()));
    line.remove("receivedQuantity");
    assertThatThrownBy(() -> Replenishment.countedLines(List.of(second, line)))
        .isInstanceOf(io.orderflow.fulfillment.shared.InvalidRequestException.class)
        .hasMessageContaining("receivedLines[1].receivedQuantity");
    line.put("receivedQuantity", 2.5);
    assertThatThrownBy(() -> Replenishment.countedLines(List.of(line)))
        .hasMessageContaining("receivedLines[0].receivedQuantity");
  }

  @Test
  @DisplayName("checks a counted delivery against the purchase order, naming each wrong line's field, without recording it")
  void checkDelivery() {
    PurchaseOrder po = PurchaseOrderTest.sent("MUG-CERAMIC", 10, "5.40");
    when(purchaseOrders.findById("po-1")).thenReturn(Optional.of(po));

    assertThatThrownBy(() -> replenishment.checkDelivery("po-1", List.of(new ReceiptLine("MUG-CERAMIC", 2, 3, null),
        new ReceiptLine("YOGA-MAT", -1, 0, null))))
        .isInstanceOfSatisfying(io.orderflow.fulfillment.shared.InvalidRequestException.class, e -> assertThat(
            e.problems()).extracting(io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem::field)
            .containsExactly("lines[0].damagedQuantity", "lines[1].sku", "lines[1].receivedQuantity"));
    replenishment.checkDelivery("po-1", List.of(new ReceiptLine("MUG-CERAMIC", 2, 1, null)));
    assertThat(po.receipts()).isEmpty();
  }

  @Test
  @DisplayName("the next delivery: the lines still open with their product names, reminded at the end of the expected date")
  void expectedDelivery() {
    PurchaseOrder po = PurchaseOrderTest.sent("MUG-CERAMIC", 10, "5.40", "YOGA-MAT", 4, "15.30");
    po.receive(List.of(PurchaseOrderTest.delivered("YOGA-MAT", 4, 0)), null, "p", NOW);
    when(purchaseOrders.findById("po-1")).thenReturn(Optional.of(po));
    when(catalog.bySku(List.of("MUG-CERAMIC"))).thenReturn(Map.of("MUG-CERAMIC", new io.orderflow.fulfillment.catalog
        .Product("MUG-CERAMIC", "MUG", "Ceramic mug", "home", null, new BigDecimal("12.00"),
            java.util.Currency.getInstance("EUR"), 350, false)));

    Replenishment.ExpectedDelivery expected = replenishment.expectedDelivery("po-1");

    assertThat(expected.lines()).containsExactly(new Replenishment.ExpectedLine(1, "MUG-CERAMIC", "Ceramic mug", 10));
    assertThat(expected.remindAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-12-02T00:00:00Z"));
  }
}
