package io.orderflow.fulfillment.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservedLine;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.StaffTaskPort;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Picking service: scans of a pick task and its completion guard")
class PickingTest {

  private final StaffTaskPort tasks = mock(StaffTaskPort.class);
  private final Inventory inventory = mock(Inventory.class);
  private final Catalog catalog = mock(Catalog.class);
  private final OrderService orders = mock(OrderService.class);
  private final PickScanRepository scans = mock(PickScanRepository.class);
  private final Picking picking = new Picking(tasks, inventory, catalog, orders, scans,
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  private final PickCompletionGuard guard = new PickCompletionGuard(picking);
  private final List<PickScan> stored = new ArrayList<>();
  private final Map<String, Object> variables = Map.of("orderId", "o-1", "shipmentNo", 1, "warehouseCode", "madrid");

  private static StaffTask task(long key, String elementId, StaffTask.State state) {
    return new StaffTask(key, "Pick parcel", elementId, "order-fulfillment", 1L, "pick-order",
        List.of("warehouse"), List.of(), null, state, null, Instant.EPOCH, null, null, "o-1");
  }

  @BeforeEach
  void parcel() {
    when(tasks.find(5L)).thenReturn(Optional.of(task(5L, "UserTask_PickOrder", StaffTask.State.CREATED)));
    when(tasks.variables(anyLong())).thenReturn(variables);
    when(inventory.reservedLines("o-1", "madrid")).thenReturn(List.of(new ReservedLine("YOGA-MAT", 1, "F-03-3"),
        new ReservedLine("HEADPHONES-BT", 1, "A-03-1")));
    when(catalog.bySku(anyList())).thenReturn(Map.of(
        "YOGA-MAT", new Product("YOGA-MAT", "YOGA-MAT", "Yoga mat 6 mm", "sport", null, BigDecimal.TEN,
            Currency.getInstance("EUR"), 1500, false),
        "HEADPHONES-BT", new Product("HEADPHONES-BT", "HEADPHONES-BT", "Wireless headphones", "electronics", null,
            BigDecimal.TEN, Currency.getInstance("EUR"), 280, true)));
    OrderSummary order = mock(OrderSummary.class);
    when(order.orderNumber()).thenReturn("ORD-1001");
    when(orders.summary("o-1")).thenReturn(order);
    when(scans.findByOrderIdAndShipmentNoOrderById("o-1", 1)).thenAnswer(i -> List.copyOf(stored));
    when(scans.saveAndFlush(any())).thenAnswer(i -> {
      stored.add(i.getArgument(0));
      return i.getArgument(0);
    });
  }

  @Test
  @DisplayName("the pick list shows the parcel's lines by bin with names, serialized flags and scans so far")
  void pickList() {
    Picking.PickList list = picking.scan(5L, "HEADPHONES-BT", "SN-1");

    assertThat(list.orderNumber()).isEqualTo("ORD-1001");
    assertThat(list.unitsToScan()).isEqualTo(1);
    assertThat(list.lines()).containsExactly(
        new Picking.PickLine("HEADPHONES-BT", "Wireless headphones", 1, "A-03-1", true, 1, List.of("SN-1")),
        new Picking.PickLine("YOGA-MAT", "Yoga mat 6 mm", 1, "F-03-3", false, 0, List.of()));
  }

  @Test
  @DisplayName("a serial number already scanned for the SKU in another order is refused and nothing is stored")
  void serialTakenElsewhere() {
    when(scans.findBySkuAndSerialNumber("HEADPHONES-BT", "SN-9"))
        .thenReturn(Optional.of(new PickScan("o-2", 1, "HEADPHONES-BT", 1, "SN-9", Instant.EPOCH)));

    assertThatThrownBy(() -> picking.scan(5L, "HEADPHONES-BT", "SN-9")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Serial number SN-9 of HEADPHONES-BT was already scanned");
    verify(scans, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("the same serial scanned twice on its line stores one unit")
  void rescan() {
    picking.scan(5L, "HEADPHONES-BT", "SN-1");
    when(scans.findBySkuAndSerialNumber("HEADPHONES-BT", "SN-1")).thenReturn(Optional.of(stored.get(0)));

    assertThat(picking.scan(5L, "HEADPHONES-BT", "SN-1").lines().get(0).scannedQuantity()).isEqualTo(1);
    assertThat(stored).hasSize(1);
  }

  @Test
  @DisplayName("an unknown task and a task that is not a pick task have no pick list; a completed pick task takes no scans")
  void notAPickTask() {
    when(tasks.find(6L)).thenReturn(Optional.of(task(6L, "UserTask_PackOrder", StaffTask.State.CREATED)));
    when(tasks.find(7L)).thenReturn(Optional.of(task(7L, "UserTask_PickOrder", StaffTask.State.COMPLETED)));
    when(tasks.find(8L)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> picking.pickList(6L)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("is not a pick task");
    assertThatThrownBy(() -> picking.scan(7L, "YOGA-MAT", null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("takes no more scans");
    assertThatThrownBy(() -> picking.pickList(8L)).isInstanceOf(io.orderflow.fulfillment.shared.NotFoundException.class);
  }

  @Test
  @DisplayName("the guard refuses completing the pick task until every unit is scanned, then records the picked units")
  void completionGuard() {
    StaffTask pick = task(5L, "UserTask_PickOrder", StaffTask.State.CREATED);
    assertThat(guard.guards(pick)).isTrue();
    assertThat(guard.guards(task(6L, "UserTask_PackOrder", StaffTask.State.CREATED))).isFalse();

    picking.scan(5L, "YOGA-MAT", null);
    assertThatThrownBy(() -> guard.checkCompletion(pick, variables)).isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("1 unit(s) not scanned yet: 1 x HEADPHONES-BT (A-03-1)");

    picking.scan(5L, "HEADPHONES-BT", "SN-1");
    guard.checkCompletion(pick, variables);
    verify(scans, never()).markPicked(anyString(), anyInt(), any());
    guard.completed(pick, variables);
    verify(scans).markPicked("o-1", 1, Instant.parse("2026-11-23T10:00:00Z"));
  }
}
