package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.replenishment.PurchaseOrder.Delivered;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A purchase order")
class PurchaseOrderTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final LocalDate EXPECTED = LocalDate.parse("2026-12-01");
  static final BigDecimal THRESHOLD = new BigDecimal("1000");

  static PurchaseOrder draft(Object... skuQuantityCost) {
    PurchaseOrder po = new PurchaseOrder("po-1", "PO-2026-000001", "casa-goods", "madrid", "EUR", EXPECTED, NOW);
    for (int i = 0; i < skuQuantityCost.length; i += 3) {
      po.addLine((String) skuQuantityCost[i], (Integer) skuQuantityCost[i + 1], new BigDecimal((String) skuQuantityCost[i + 2]));
    }
    return po;
  }

  static PurchaseOrder sent(Object... skuQuantityCost) {
    PurchaseOrder po = draft(skuQuantityCost);
    po.markSent(NOW);
    return po;
  }

  static Delivered delivered(String sku, int received, int damaged) {
    return new Delivered(sku, received, damaged, null, "D-03-1");
  }

  @Test
  @DisplayName("is worth the sum of quantity × unit cost; above the threshold it waits for approval, else it may be sent")
  void valueAndApproval() {
    PurchaseOrder cheap = draft("MUG-CERAMIC", 20, "5.40", "YOGA-MAT", 10, "15.30");
    assertThat(cheap.totalValue()).isEqualByComparingTo("261.00");
    assertThat(cheap.requireApprovalAbove(THRESHOLD, NOW)).isFalse();
    assertThat(cheap.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
    assertThat(cheap.sendable()).isTrue();

    PurchaseOrder dear = draft("SMARTWATCH-S2", 15, "80.55");
    assertThat(dear.requireApprovalAbove(THRESHOLD, NOW)).isTrue();
    assertThat(dear.status()).isEqualTo(PurchaseOrderStatus.AWAITING_APPROVAL);
    assertThat(dear.sendable()).isFalse();
    assertThatThrownBy(() -> dear.markSent(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("not approved");
    assertThat(dear.requireApprovalAbove(THRESHOLD, NOW)).as("asked again").isTrue();

    dear.approve("buyer.purchasing", "ok", NOW);
    dear.approve("buyer.purchasing", "ok", NOW);
    dear.markSent(NOW);
    assertThat(dear.status()).isEqualTo(PurchaseOrderStatus.SENT);
    assertThat(dear.approvedBy()).isEqualTo("buyer.purchasing");
  }

  @Test
  @DisplayName("refused by purchasing is cancelled and frees its SKU; a draft cannot be approved")
  void refused() {
    PurchaseOrder po = draft("SMARTWATCH-S2", 15, "80.55");
    assertThatThrownBy(() -> po.approve("buyer", null, NOW)).isInstanceOf(ConflictException.class);
    po.requireApprovalAbove(THRESHOLD, NOW);
    assertThat(po.lines().get(0).openKey()).isEqualTo("SMARTWATCH-S2@madrid");
    po.refuse("buyer", "too dear", NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
    assertThat(po.lines().get(0).openKey()).isNull();
    assertThatThrownBy(() -> po.markSent(NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("confirmed for fewer units than ordered (or a SKU left out) is PARTIALLY_CONFIRMED; the same answer twice changes nothing, another is refused")
  void partialConfirmation() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40", "YOGA-MAT", 10, "15.30");
    po.confirm(Map.of("MUG-CERAMIC", 12), EXPECTED, NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_CONFIRMED);
    assertThat(po.line("MUG-CERAMIC").orElseThrow().expectedQuantity()).isEqualTo(12);
    assertThat(po.line("YOGA-MAT").orElseThrow().expectedQuantity()).isZero();
    assertThat(po.line("YOGA-MAT").orElseThrow().openKey()).as("nothing coming: reorderable").isNull();

    po.confirm(Map.of("MUG-CERAMIC", 12), EXPECTED, NOW);
    assertThatThrownBy(() -> po.confirm(Map.of("MUG-CERAMIC", 20), EXPECTED, NOW)).isInstanceOf(ConflictException.class);

    PurchaseOrder full = sent("MUG-CERAMIC", 20, "5.40");
    full.confirm(Map.of("MUG-CERAMIC", 20), EXPECTED, NOW);
    assertThat(full.status()).isEqualTo(PurchaseOrderStatus.CONFIRMED);
  }

  @Test
  @DisplayName("refuses a confirmation above the ordered quantity, of an unknown SKU, of nothing, or before it was sent")
  void invalidConfirmations() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    assertThatThrownBy(() -> po.confirm(Map.of("MUG-CERAMIC", 21), EXPECTED, NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[MUG-CERAMIC].quantity");
    assertThatThrownBy(() -> po.confirm(Map.of("YOGA-MAT", 1), EXPECTED, NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[YOGA-MAT].sku");
    assertThatThrownBy(() -> po.confirm(Map.of("MUG-CERAMIC", 0), EXPECTED, NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reject");
    assertThatThrownBy(() -> po.confirm(Map.of("MUG-CERAMIC", 5), null, NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("expectedDate");
    assertThatThrownBy(() -> draft("MUG-CERAMIC", 20, "5.40").confirm(Map.of("MUG-CERAMIC", 5), EXPECTED, NOW))
        .isInstanceOf(ConflictException.class).hasMessageContaining("DRAFT");
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.SENT);
  }

  @Test
  @DisplayName("rejected by the supplier is closed and frees its SKU; no goods can be received on it")
  void supplierRejection() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    po.supplierRejected("discontinued", NOW);
    po.supplierRejected("discontinued", NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.REJECTED);
    assertThat(po.rejectionReason()).isEqualTo("discontinued");
    assertThat(po.lines().get(0).openKey()).isNull();
    assertThatThrownBy(() -> po.receive(List.of(delivered("MUG-CERAMIC", 1, 0)), null, "picker", NOW))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> po.confirm(Map.of("MUG-CERAMIC", 1), EXPECTED, NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("two partial receipts add only their own units (OFBiz #930): 8 then 12 of 20 accepted, then RECEIVED")
  void repeatedPartialReceipts() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    po.confirm(Map.of("MUG-CERAMIC", 20), EXPECTED, NOW);

    GoodsReceipt first = po.receive(List.of(delivered("MUG-CERAMIC", 8, 0)), "DN-1", "picker", NOW);
    assertThat(first.lines().get(0).acceptedQuantity()).isEqualTo(8);
    assertThat(first.lines().get(0).shortQuantity()).isEqualTo(12);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    assertThat(po.line("MUG-CERAMIC").orElseThrow().openKey()).isEqualTo("MUG-CERAMIC@madrid");

    GoodsReceipt second = po.receive(List.of(delivered("MUG-CERAMIC", 12, 0)), "DN-2", "picker", NOW);
    assertThat(second.receiptNo()).isEqualTo(2);
    assertThat(second.lines().get(0).acceptedQuantity()).isEqualTo(12);
    PurchaseOrderLine line = po.line("MUG-CERAMIC").orElseThrow();
    assertThat(line.receivedQuantity()).isEqualTo(20);
    assertThat(line.acceptedQuantity()).isEqualTo(20);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThat(po.closedAt()).isEqualTo(NOW);
    assertThat(line.openKey()).isNull();
    assertThat(po.receiptWithReference("DN-1")).contains(first);
  }

  @Test
  @DisplayName("receiving one line in full does not close the other open lines (OFBiz #932)")
  void fullLineDoesNotCloseOthers() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40", "YOGA-MAT", 10, "15.30");
    po.receive(List.of(delivered("MUG-CERAMIC", 20, 0)), null, "picker", NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    assertThat(po.line("MUG-CERAMIC").orElseThrow().complete()).isTrue();
    assertThat(po.line("MUG-CERAMIC").orElseThrow().openKey()).isNull();
    assertThat(po.line("YOGA-MAT").orElseThrow().stillOpen()).isEqualTo(10);
    assertThat(po.line("YOGA-MAT").orElseThrow().openKey()).isEqualTo("YOGA-MAT@madrid");

    po.receive(List.of(delivered("YOGA-MAT", 10, 0)), null, "picker", NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
  }

  @Test
  @DisplayName("over-delivery: only what is still open is accepted, the rest is a discrepancy; damaged units are not accepted and stay open")
  void overShortAndDamaged() {
    PurchaseOrder po = sent("MUG-CERAMIC", 10, "5.40");
    po.confirm(Map.of("MUG-CERAMIC", 10), EXPECTED, NOW);

    GoodsReceipt damaged = po.receive(List.of(delivered("MUG-CERAMIC", 6, 2)), null, "picker", NOW);
    GoodsReceiptLine d = damaged.lines().get(0);
    assertThat(d.acceptedQuantity()).isEqualTo(4);
    assertThat(d.damagedQuantity()).isEqualTo(2);
    assertThat(d.shortQuantity()).isEqualTo(6);
    assertThat(po.line("MUG-CERAMIC").orElseThrow().stillOpen()).isEqualTo(6);

    GoodsReceipt over = po.receive(List.of(delivered("MUG-CERAMIC", 9, 0)), null, "picker", NOW);
    GoodsReceiptLine o = over.lines().get(0);
    assertThat(o.acceptedQuantity()).isEqualTo(6);
    assertThat(o.overQuantity()).isEqualTo(3);
    assertThat(o.shortQuantity()).isZero();
    PurchaseOrderLine line = po.line("MUG-CERAMIC").orElseThrow();
    assertThat(line.receivedQuantity()).isEqualTo(15);
    assertThat(line.damagedQuantity()).isEqualTo(2);
    assertThat(line.acceptedQuantity()).isEqualTo(10);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThatThrownBy(() -> po.receive(List.of(delivered("MUG-CERAMIC", 1, 0)), null, "picker", NOW))
        .as("closed").isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("a partly confirmed line is complete at its confirmed quantity; an unconfirmed one at its ordered quantity")
  void closingRule() {
    PurchaseOrder partly = sent("MUG-CERAMIC", 20, "5.40");
    partly.confirm(Map.of("MUG-CERAMIC", 5), EXPECTED, NOW);
    GoodsReceipt r = partly.receive(List.of(delivered("MUG-CERAMIC", 7, 0)), null, "picker", NOW);
    assertThat(r.lines().get(0).acceptedQuantity()).isEqualTo(5);
    assertThat(r.lines().get(0).overQuantity()).isEqualTo(2);
    assertThat(partly.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);

    PurchaseOrder unconfirmed = sent("MUG-CERAMIC", 20, "5.40");
    unconfirmed.receive(List.of(delivered("MUG-CERAMIC", 19, 0)), null, "picker", NOW);
    assertThat(unconfirmed.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
  }

  @Test
  @DisplayName("refuses a receipt naming a SKU not on the order, a SKU twice, or more damaged than received, and changes nothing")
  void invalidReceipts() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    assertThatThrownBy(() -> po.receive(List.of(delivered("YOGA-MAT", 1, 0)), null, "p", NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[0].sku");
    assertThatThrownBy(() -> po.receive(List.of(delivered("MUG-CERAMIC", 1, 0), delivered("MUG-CERAMIC", 1, 0)), null,
        "p", NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[1].sku");
    assertThatThrownBy(() -> po.receive(List.of(delivered("MUG-CERAMIC", 1, 2)), null, "p", NOW))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[0].damagedQuantity");
    assertThat(po.receipts()).isEmpty();
    assertThat(po.line("MUG-CERAMIC").orElseThrow().receivedQuantity()).isZero();
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.SENT);
  }

  @Test
  @DisplayName("can be cancelled until goods arrive, not after")
  void cancellation() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    po.cancel("supplier silent", NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
    PurchaseOrder receiving = sent("MUG-CERAMIC", 20, "5.40");
    receiving.receive(List.of(delivered("MUG-CERAMIC", 1, 0)), null, "p", NOW);
    assertThatThrownBy(() -> receiving.cancel("late", NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("is driven by one process instance: the same one again is accepted, another one is refused")
  void drivenByOneProcess() {
    PurchaseOrder po = draft("MUG-CERAMIC", 20, "5.40");
    po.drivenBy(7L, NOW);
    po.drivenBy(7L, NOW);
    assertThat(po.processInstanceKey()).isEqualTo(7L);
    assertThatThrownBy(() -> po.drivenBy(8L, NOW)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("process instance 7");
    assertThat(po.events()).extracting(PurchaseOrderEvent::step).containsExactly("PROPOSED", "PROCESS_STARTED");
  }

  @Test
  @DisplayName("reminds the supplier once per expected date, again for a new date, never once nothing is expected")
  void reminders() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    assertThat(po.remind(NOW)).isTrue();
    assertThat(po.remind(NOW)).as("the same date").isFalse();
    po.confirm(Map.of("MUG-CERAMIC", 20), EXPECTED.plusDays(3), NOW);
    assertThat(po.remind(NOW)).as("the date the supplier confirmed").isTrue();
    assertThat(po.remindedFor()).isEqualTo(EXPECTED.plusDays(3));
    po.receive(List.of(delivered("MUG-CERAMIC", 20, 0)), null, "p", NOW);
    po.confirm(Map.of("MUG-CERAMIC", 20), EXPECTED.plusDays(3), NOW);
    assertThat(po.remind(NOW)).as("received").isFalse();
    assertThat(draft("MUG-CERAMIC", 20, "5.40").remind(NOW)).as("not sent").isFalse();
    assertThat(po.events()).extracting(PurchaseOrderEvent::step).filteredOn("SUPPLIER_REMINDED"::equals).hasSize(2);
  }

  @Test
  @DisplayName("closes short on the supplier's last delivery: RECEIVED, the units never delivered in its history, the "
      + "SKU free for the next replenishment")
  void lastDeliveryClosesShort() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40", "YOGA-MAT", 10, "15.30");
    po.receive(List.of(delivered("MUG-CERAMIC", 8, 1)), "R1", "DN-1", "p", false, NOW);
    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);

    GoodsReceipt last = po.receive(List.of(delivered("MUG-CERAMIC", 5, 0), delivered("YOGA-MAT", 0, 0)), "R2", "DN-2",
        "p", true, NOW);

    assertThat(po.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThat(po.closedAt()).isEqualTo(NOW);
    assertThat(po.unitsNeverDelivered()).isEqualTo(18);
    assertThat(last.deliveryNote()).isEqualTo("DN-2");
    assertThat(po.events()).last().satisfies(e -> {
      assertThat(e.step()).isEqualTo("CLOSED_SHORT");
      assertThat(e.detail()).contains("18 unit(s) never delivered: MUG-CERAMIC 8 YOGA-MAT 10");
    });
    assertThat(po.lines()).extracting(PurchaseOrderLine::openKey).containsOnlyNulls();
    assertThatThrownBy(() -> po.receive(List.of(delivered("MUG-CERAMIC", 1, 0)), null, "p", NOW))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("a complete last delivery is simply RECEIVED")
  void completeLastDelivery() {
    PurchaseOrder po = sent("MUG-CERAMIC", 20, "5.40");
    po.receive(List.of(delivered("MUG-CERAMIC", 20, 0)), "R1", null, "p", true, NOW);
    assertThat(po.events()).last().extracting(PurchaseOrderEvent::step).isEqualTo("RECEIVED");
  }
}
