package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseStock;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Stock transfers")
class TransfersTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  final StockTransferRepository records = mock(StockTransferRepository.class);
  final ReorderPolicyRepository policies = mock(ReorderPolicyRepository.class);
  final GapFreeNumbers numbering = mock(GapFreeNumbers.class);
  final Inventory inventory = mock(Inventory.class);
  Transfers transfers;

  @BeforeEach
  void setUp() {
    transfers = new Transfers(records, new TransferSources(policies, inventory), numbering, inventory,
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
    when(records.findByOpenKey(anyString())).thenReturn(Optional.empty());
    when(records.saveAndFlush(any())).thenAnswer(i -> i.getArgument(0));
    when(numbering.next("TR", 2026)).thenReturn(1, 2, 3);
    // Sofia keeps 5 + 10 of the yoga mats; 19 available there
    when(policies.findById(new ReorderPolicy.Key("YOGA-MAT", "sofia"))).thenReturn(Optional.of(
        new ReorderPolicy("YOGA-MAT", "sofia", 5, 10, "casa-goods", new BigDecimal("15.30"))));
    available("sofia", 19);
    when(inventory.sendOnTransfer(anyString(), anyString(), anyString(), anyInt(), anyInt())).thenReturn(true);
  }

  void available(String warehouseId, int available) {
    when(inventory.stockIn("YOGA-MAT", warehouseId)).thenReturn(Optional.of(
        new WarehouseStock("YOGA-MAT", warehouseId, available, 0, available, "F-03-3")));
  }

  @Test
  @DisplayName("ordering sends min(needed, surplus) off the source's hand (TRANSFER_OUT by TR-…/OUT), keeping its reorder point + order quantity")
  void order() {
    // when
    Transfers.TransferView transfer = transfers.order("YOGA-MAT", "warsaw", "sofia", 10);

    // then
    assertThat(transfer.number()).isEqualTo("TR-2026-000001");
    assertThat(transfer.quantity()).as("surplus 19 − 15").isEqualTo(4);
    assertThat(transfer.status()).isEqualTo(StockTransferStatus.IN_TRANSIT);
    assertThat(transfer.fromWarehouseId()).isEqualTo("sofia");
    assertThat(transfer.toWarehouseId()).isEqualTo("warsaw");
    verify(numbering).prepareYear("TR", 2026);
    verify(inventory).sendOnTransfer("TR-2026-000001/OUT", "sofia", "YOGA-MAT", 4, 15);
  }

  @Test
  @DisplayName("the same order again returns the open transfer of the SKU to the warehouse, nothing more leaves")
  void orderTwice() {
    // given
    Transfers.TransferView first = transfers.order("YOGA-MAT", "warsaw", "sofia", 3);
    StockTransfer open = new StockTransfer(first.id(), first.number(), "YOGA-MAT", "sofia", "warsaw", 3, NOW);
    when(records.findByOpenKey("YOGA-MAT@warsaw")).thenReturn(Optional.of(open));

    // when
    Transfers.TransferView again = transfers.order("YOGA-MAT", "warsaw", "sofia", 3);

    // then
    assertThat(again.id()).isEqualTo(first.id());
    verify(records, times(1)).saveAndFlush(any());
    verify(inventory, times(1)).sendOnTransfer(anyString(), anyString(), anyString(), anyInt(), anyInt());
  }

  @Test
  @DisplayName("no surplus left at the source: TransferNotPossibleException, no transfer, no stock moved")
  void noSurplus() {
    // given
    available("sofia", 15);

    // when / then
    assertThatThrownBy(() -> transfers.order("YOGA-MAT", "warsaw", "sofia", 10))
        .isInstanceOf(TransferNotPossibleException.class).hasMessageContaining("sofia");
    verify(records, never()).saveAndFlush(any());
    verify(numbering, never()).next(anyString(), anyInt());
    verify(inventory, never()).sendOnTransfer(anyString(), anyString(), anyString(), anyInt(), anyInt());
  }

  @Test
  @DisplayName("surplus taken between the check and the update: checked again, and the smaller surplus is sent")
  void surplusTakenMeanwhile() {
    // given: the first conditional update fails, the source then has 17 available
    when(inventory.stockIn("YOGA-MAT", "sofia")).thenReturn(
        Optional.of(new WarehouseStock("YOGA-MAT", "sofia", 19, 0, 19, "F-03-3")),
        Optional.of(new WarehouseStock("YOGA-MAT", "sofia", 19, 2, 17, "F-03-3")));
    when(inventory.sendOnTransfer("TR-2026-000001/OUT", "sofia", "YOGA-MAT", 4, 15)).thenReturn(false);

    // when
    Transfers.TransferView transfer = transfers.order("YOGA-MAT", "warsaw", "sofia", 10);

    // then
    assertThat(transfer.quantity()).isEqualTo(2);
    verify(inventory).sendOnTransfer(anyString(), eq("sofia"), eq("YOGA-MAT"), eq(2), eq(15));
  }

  @Test
  @DisplayName("a concurrent order that loses on the open key returns the winner's transfer")
  void concurrentOrder() {
    // given
    StockTransfer winner = new StockTransfer("tr-w", "TR-2026-000009", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findByOpenKey("YOGA-MAT@warsaw")).thenReturn(Optional.empty(), Optional.of(winner));
    when(records.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("uq_stock_transfer_open"));

    // when / then
    assertThat(transfers.order("YOGA-MAT", "warsaw", "sofia", 10).id()).isEqualTo("tr-w");
  }

  @Test
  @DisplayName("receiving with damage puts only the good units on hand at the destination (TRANSFER_IN by TR-…/IN); twice, once")
  void receiveWithDamage() {
    // given
    StockTransfer transfer = new StockTransfer("tr-1", "TR-2026-000001", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findById("tr-1")).thenReturn(Optional.of(transfer));

    // when
    Transfers.TransferView received = transfers.receive("tr-1", 4, 1, " corner crushed ", "picker.warsaw");
    Transfers.TransferView again = transfers.receive("tr-1", 4, 1, "corner crushed", "picker.warsaw");

    // then
    assertThat(received.status()).isEqualTo(StockTransferStatus.RECEIVED);
    assertThat(received.acceptedQuantity()).isEqualTo(3);
    assertThat(received.damagedQuantity()).isEqualTo(1);
    assertThat(received.shortQuantity()).isZero();
    assertThat(received.discrepancies()).containsExactly("DAMAGED 1");
    assertThat(received.notes()).isEqualTo("corner crushed");
    assertThat(received.receivedBy()).isEqualTo("picker.warsaw");
    assertThat(again).isEqualTo(received);
    verify(inventory, times(1)).receiveTransferred("TR-2026-000001/IN", "warsaw", "YOGA-MAT", 3);
  }

  @Test
  @DisplayName("short, over and all-damaged counts: accepted never exceeds what was sent, nothing on hand when nothing is good")
  void shortOverAndDamaged() {
    StockTransfer shortOne = new StockTransfer("s", "TR-2026-000001", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findById("s")).thenReturn(Optional.of(shortOne));
    assertThat(transfers.receive("s", 3, 0, null, null)).satisfies(t -> {
      assertThat(t.acceptedQuantity()).isEqualTo(3);
      assertThat(t.discrepancies()).containsExactly("SHORT 1");
      assertThat(t.receivedBy()).isEqualTo("system");
    });

    StockTransfer overOne = new StockTransfer("o", "TR-2026-000002", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findById("o")).thenReturn(Optional.of(overOne));
    assertThat(transfers.receive("o", 6, 1, null, null)).satisfies(t -> {
      assertThat(t.acceptedQuantity()).isEqualTo(4);
      assertThat(t.discrepancies()).containsExactly("DAMAGED 1", "OVER 2");
    });

    StockTransfer broken = new StockTransfer("b", "TR-2026-000003", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findById("b")).thenReturn(Optional.of(broken));
    assertThat(transfers.receive("b", 4, 4, null, null).acceptedQuantity()).isZero();

    verify(inventory).receiveTransferred("TR-2026-000001/IN", "warsaw", "YOGA-MAT", 3);
    verify(inventory).receiveTransferred("TR-2026-000002/IN", "warsaw", "YOGA-MAT", 4);
    verify(inventory, never()).receiveTransferred(eq("TR-2026-000003/IN"), anyString(),
        anyString(), anyInt());
  }

  @Test
  @DisplayName("a count without a received quantity, or with more damaged than received, is refused and changes nothing")
  void invalidCount() {
    StockTransfer transfer = new StockTransfer("tr-1", "TR-2026-000001", "YOGA-MAT", "sofia", "warsaw", 4, NOW);
    when(records.findById("tr-1")).thenReturn(Optional.of(transfer));

    assertThatThrownBy(() -> transfers.receive("tr-1", null, 0, null, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("transferReceivedQuantity");
    assertThatThrownBy(() -> transfers.receive("tr-1", 2, 3, null, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("transferDamagedQuantity");
    assertThat(transfer.status()).isEqualTo(StockTransferStatus.IN_TRANSIT);
    verify(inventory, never()).receiveTransferred(anyString(), anyString(), anyString(), anyInt());
  }
}
