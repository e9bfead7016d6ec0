package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseLocation;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseStock;
import io.orderflow.fulfillment.replenishment.ReplenishmentAssessment.Assessment;
import io.orderflow.fulfillment.routing.GeoPoint;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Assessing a replenishment need")
class ReplenishmentAssessmentTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final String SKU = "YOGA-MAT";

  final ReorderPolicyRepository policies = mock(ReorderPolicyRepository.class);
  final PurchaseOrderRepository purchaseOrders = mock(PurchaseOrderRepository.class);
  final StockTransferRepository transferRecords = mock(StockTransferRepository.class);
  final Inventory inventory = mock(Inventory.class);
  final List<WarehouseStock> stock = new ArrayList<>();
  ReplenishmentAssessment assessment;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PlatformTransactionManager txManager = mock(PlatformTransactionManager.class);
    Replenishment replenishment = new Replenishment(policies, mock(SupplierRepository.class), purchaseOrders,
        mock(GapFreeNumbers.class), mock(SupplierGateway.class), inventory, ReplenishmentSettings.defaults(),
        txManager, clock);
    TransferSources sources = new TransferSources(policies, inventory);
    Transfers transfers = new Transfers(transferRecords, sources, mock(GapFreeNumbers.class), inventory, txManager,
        clock);
    assessment = new ReplenishmentAssessment(replenishment, policies, transfers, sources, inventory);

    when(policies.findById(any())).thenReturn(Optional.empty());
    when(purchaseOrders.findByOpenKey(anyString())).thenReturn(Optional.empty());
    when(transferRecords.findByOpenKey(anyString())).thenReturn(Optional.empty());
    when(inventory.warehouseLocations()).thenReturn(List.of(
        new WarehouseLocation("madrid", "Madrid central warehouse", new GeoPoint(40.4168, -3.7038)),
        new WarehouseLocation("sofia", "Sofia warehouse", new GeoPoint(42.6977, 23.3219)),
        new WarehouseLocation("warsaw", "Warsaw warehouse", new GeoPoint(52.2297, 21.0122))));
    when(inventory.stockOf(List.of(SKU))).thenReturn(stock);
    when(inventory.stockIn(anyString(), anyString())).thenReturn(Optional.empty());
  }

  /** A reorder policy of the SKU in the warehouse. */
  void policy(String warehouseId, int reorderPoint, int orderQuantity) {
    when(policies.findById(new ReorderPolicy.Key(SKU, warehouseId))).thenReturn(Optional.of(
        new ReorderPolicy(SKU, warehouseId, reorderPoint, orderQuantity, "casa-goods", new BigDecimal("15.30"))));
  }

  void stock(String warehouseId, int onHand, int reserved) {
    WarehouseStock row = new WarehouseStock(SKU, warehouseId, onHand, reserved, onHand - reserved, "F-03-3");
    stock.add(row);
    when(inventory.stockIn(SKU, warehouseId)).thenReturn(Optional.of(row));
  }

  @Test
  @DisplayName("without a reorder policy nothing is needed")
  void noPolicy() {
    // given
    stock("warsaw", 0, 0);
    stock("sofia", 30, 0);

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed).isEqualTo(new Assessment(SKU, "warsaw", false, 0, 0, null, null, 0, null,
        "no reorder policy"));
  }

  @Test
  @DisplayName("at or above the reorder point nothing is needed, whatever other warehouses have")
  void atOrAbovePoint() {
    // given
    policy("warsaw", 5, 10);
    stock("warsaw", 9, 4);
    stock("sofia", 30, 0);

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed.needed()).isFalse();
    assertThat(assessed.available()).isEqualTo(5);
    assertThat(assessed.reorderPoint()).isEqualTo(5);
    assertThat(assessed.transferSourceWarehouseId()).isNull();
  }

  @Test
  @DisplayName("below the reorder point with no surplus elsewhere: needed, no transfer candidate (null, 0, null)")
  void belowWithoutSurplus() {
    // given: Sofia and Madrid hold exactly what they keep (reorder point + order quantity)
    policy("warsaw", 5, 10);
    stock("warsaw", 3, 1);
    policy("sofia", 5, 10);
    stock("sofia", 17, 2);
    policy("madrid", 4, 8);
    stock("madrid", 12, 0);

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then: the policy's proposed quantity, max(order quantity, reorder point − available)
    assertThat(assessed.needed()).isTrue();
    assertThat(assessed.neededQuantity()).isEqualTo(10);
    assertThat(assessed.available()).isEqualTo(2);
    assertThat(assessed.reorderPoint()).isEqualTo(5);
    assertThat(assessed.transferSourceWarehouseId()).isNull();
    assertThat(assessed.transferableQuantity()).isZero();
    assertThat(assessed.transferDistanceKm()).isNull();
  }

  @Test
  @DisplayName("below the reorder point with a surplus in a nearer and a farther warehouse: the nearer one, even with less")
  void nearestSurplus() {
    // given: Sofia (1073.9 km from Warsaw) keeps 15 of 19 available; Madrid (2289.8 km) has no policy, all 40 spare
    policy("warsaw", 5, 10);
    stock("warsaw", 1, 0);
    policy("sofia", 5, 10);
    stock("sofia", 20, 1);
    stock("madrid", 40, 0);

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed.needed()).isTrue();
    assertThat(assessed.neededQuantity()).isEqualTo(10);
    assertThat(assessed.transferSourceWarehouseId()).isEqualTo("sofia");
    assertThat(assessed.transferableQuantity()).isEqualTo(4);
    assertThat(assessed.transferDistanceKm()).isEqualByComparingTo("1073.9");
  }

  @Test
  @DisplayName("a warehouse without a policy for the SKU offers all it has available")
  void noPolicyElsewhereOffersEverything() {
    // given: Sofia has nothing to spare, Madrid holds 7 without a policy (2 of them reserved)
    policy("warsaw", 5, 10);
    stock("warsaw", 0, 0);
    policy("sofia", 5, 10);
    stock("sofia", 15, 0);
    stock("madrid", 7, 2);

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed.transferSourceWarehouseId()).isEqualTo("madrid");
    assertThat(assessed.transferableQuantity()).isEqualTo(5);
    assertThat(assessed.transferDistanceKm()).isEqualByComparingTo("2289.8");
  }

  @Test
  @DisplayName("below the reorder point with a purchase order open for the SKU and warehouse: not needed again")
  void openPurchaseOrder() {
    // given
    policy("warsaw", 5, 10);
    stock("warsaw", 1, 0);
    stock("madrid", 40, 0);
    when(purchaseOrders.findByOpenKey("YOGA-MAT@warsaw"))
        .thenReturn(Optional.of(PurchaseOrderTest.draft(SKU, 10, "15.30")));

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed.needed()).isFalse();
    assertThat(assessed.neededQuantity()).isZero();
    assertThat(assessed.transferSourceWarehouseId()).isNull();
  }

  @Test
  @DisplayName("below the reorder point with a transfer on its way to the warehouse: not needed again")
  void openTransfer() {
    // given
    policy("warsaw", 5, 10);
    stock("warsaw", 1, 0);
    stock("madrid", 40, 0);
    when(transferRecords.findByOpenKey("YOGA-MAT@warsaw")).thenReturn(Optional.of(
        new StockTransfer("tr-1", "TR-2026-000001", SKU, "madrid", "warsaw", 10, NOW)));

    // when
    Assessment assessed = assessment.assess(SKU, "warsaw");

    // then
    assertThat(assessed.needed()).isFalse();
    assertThat(assessed.reason()).contains("TR-2026-000001");
  }
}
