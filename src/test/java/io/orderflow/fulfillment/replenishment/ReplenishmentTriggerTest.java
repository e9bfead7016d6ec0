package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.StockDecreased;
import io.orderflow.fulfillment.inventory.StockDecreased.Position;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Starting replenishment")
class ReplenishmentTriggerTest {

  final Replenishment replenishment = mock(Replenishment.class);
  final ReorderPolicyRepository policies = mock(ReorderPolicyRepository.class);
  final ProcessMessages messages = mock(ProcessMessages.class);
  final ReplenishmentTrigger trigger = new ReplenishmentTrigger(replenishment, policies, messages,
      mock(PlatformTransactionManager.class));

  @BeforeEach
  void nothingNeeded() {
    when(replenishment.check(anyString(), anyString())).thenReturn(Optional.empty());
  }

  void below(String sku, String warehouse) {
    when(replenishment.check(sku, warehouse)).thenReturn(Optional.of(new ReplenishmentNeed(sku, warehouse, 3, 5, 20,
        "casa-goods")));
  }

  static ReorderPolicy policy(String sku, String warehouse) {
    return new ReorderPolicy(sku, warehouse, 5, 20, "casa-goods", new BigDecimal("5.40"));
  }

  @Test
  @DisplayName("a reservation taking a SKU below its reorder point publishes replenishment-needed once, keyed by SKU "
      + "and warehouse, with time to live zero; SKUs still above publish nothing")
  void belowReorderPoint() {
    below("MUG-CERAMIC", "madrid");

    int signalled = trigger.stockDecreased(new StockDecreased("reservation of order o-1", List.of(
        new Position("MUG-CERAMIC", "madrid"), new Position("YOGA-MAT", "madrid")), Set.of()));

    assertThat(signalled).isEqualTo(1);
    verify(messages).publish(eq("replenishment-needed"), eq("MUG-CERAMIC@madrid"), anyString(), eq(Duration.ZERO),
        eq(Map.of("sku", "MUG-CERAMIC", "warehouseId", "madrid")));
    verify(messages, never()).publish(any(), eq("YOGA-MAT@madrid"), any(), any(), any());
  }

  @Test
  @DisplayName("stock still at or above the reorder point publishes nothing")
  void aboveReorderPoint() {
    assertThat(trigger.stockDecreased(new StockDecreased("issue of order o-1 from madrid",
        List.of(new Position("MUG-CERAMIC", "madrid")), Set.of()))).isZero();
    verify(messages, never()).publish(any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("a SKU no warehouse had is checked in every warehouse with a policy for it")
  void unavailableEverywhere() {
    when(policies.findBySkuOrderByWarehouseId("LAMP-DESK-LED")).thenReturn(List.of(policy("LAMP-DESK-LED", "madrid"),
        policy("LAMP-DESK-LED", "sofia"), policy("LAMP-DESK-LED", "warsaw")));
    below("LAMP-DESK-LED", "sofia");
    below("LAMP-DESK-LED", "warsaw");

    assertThat(trigger.stockDecreased(new StockDecreased("reservation of order o-2", List.of(),
        Set.of("LAMP-DESK-LED")))).isEqualTo(2);

    verify(replenishment).check("LAMP-DESK-LED", "madrid");
    verify(messages).publish(eq("replenishment-needed"), eq("LAMP-DESK-LED@sofia"), anyString(), eq(Duration.ZERO),
        any());
    verify(messages).publish(eq("replenishment-needed"), eq("LAMP-DESK-LED@warsaw"), anyString(), eq(Duration.ZERO),
        any());
  }

  @Test
  @DisplayName("an engine that cannot be reached is logged, not thrown: the reservation stands, the other SKUs are "
      + "still checked")
  void publishingFails() {
    below("MUG-CERAMIC", "madrid");
    below("YOGA-MAT", "madrid");
    doThrow(new IllegalStateException("engine unreachable")).when(messages).publish(any(), eq("MUG-CERAMIC@madrid"),
        any(), any(), any());

    assertThat(trigger.stockDecreased(new StockDecreased("reservation of order o-3", List.of(
        new Position("MUG-CERAMIC", "madrid"), new Position("YOGA-MAT", "madrid")), Set.of()))).isEqualTo(1);
    when(replenishment.check("COFFEE-BEANS-1KG", "madrid")).thenThrow(new IllegalStateException("database down"));
    assertThat(trigger.checkAndSignal("COFFEE-BEANS-1KG", "madrid")).isFalse();
  }

  @Test
  @DisplayName("the sweep checks every reorder policy")
  void sweep() {
    when(policies.findAllByOrderBySkuAscWarehouseIdAsc()).thenReturn(List.of(policy("MUG-CERAMIC", "madrid"),
        policy("MUG-CERAMIC", "sofia"), policy("YOGA-MAT", "warsaw")));
    below("YOGA-MAT", "warsaw");

    assertThat(trigger.sweep()).isEqualTo(1);

    verify(replenishment).check("MUG-CERAMIC", "madrid");
    verify(replenishment).check("MUG-CERAMIC", "sofia");
    verify(messages).publish(eq("replenishment-needed"), eq("YOGA-MAT@warsaw"), anyString(), eq(Duration.ZERO), any());
  }
}
