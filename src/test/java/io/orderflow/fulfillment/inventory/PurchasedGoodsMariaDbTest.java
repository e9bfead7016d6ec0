package io.orderflow.fulfillment.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.routing.ShipmentPlanner;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/** Goods received from a supplier on MariaDB: on hand once per reference, into the SKU's bin, a new row if need be. */
@MariaDbJpaTest
@DisplayName("Purchased goods put away on MariaDB")
class PurchasedGoodsMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @Autowired StockRepository stock;
  @Autowired StockReservationRepository reservations;
  @Autowired StockMovementRepository movements;
  @Autowired WarehouseRepository warehouses;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;
  Inventory inventory;

  @BeforeEach
  void setUp() {
    inventory = new Inventory(stock, reservations, movements, warehouses, mock(OrderService.class),
        mock(Geocoder.class), mock(Catalog.class), mock(ShipmentPlanner.class), txManager,
        Clock.fixed(Instant.parse("2030-03-02T10:00:00Z"), ZoneOffset.UTC), event -> {});
  }

  int onHand(String sku, String warehouse) {
    return jdbc.queryForObject("select on_hand from stock where sku = ? and warehouse_id = ?", Integer.class, sku,
        warehouse);
  }

  @Test
  @DisplayName("accepted units go on hand in the SKU's bin with a RECEIVED movement; the same reference again adds nothing")
  void existingRow() {
    int before = onHand("MUG-CERAMIC", "madrid");
    assertThat(inventory.receivePurchased("PO-2030-000001/R1/L1", "madrid", "MUG-CERAMIC", 3))
        .isEqualTo(new Inventory.PutAway("D-03-1", true));
    assertThat(inventory.receivePurchased("PO-2030-000001/R1/L1", "madrid", "MUG-CERAMIC", 3).applied()).isFalse();
    assertThat(onHand("MUG-CERAMIC", "madrid")).isEqualTo(before + 3);
    assertThat(inventory.movementsOf("MUG-CERAMIC", 5)).first().satisfies(m -> {
      assertThat(m.type()).isEqualTo("RECEIVED");
      assertThat(m.quantity()).isEqualTo(3);
      assertThat(m.onHandAfter()).isEqualTo(before + 3);
    });
  }

  @Test
  @DisplayName("a SKU new to the warehouse gets a stock row in its bin elsewhere, or in RECEIVING when it has none")
  void newRow() {
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values ('MUG-TRAVEL', 'MUG-TRAVEL', 'Travel mug', 'home', null, 18.00, 'EUR', 300, "
        + "false)");
    assertThat(inventory.receivePurchased("PO-2030-000002/R1/L1", "sofia", "MUG-TRAVEL", 6).binLocation())
        .isEqualTo("RECEIVING");
    assertThat(onHand("MUG-TRAVEL", "sofia")).isEqualTo(6);

    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values ('MUG-TRAVEL-L', 'MUG-TRAVEL', 'Travel mug', 'home', 'L', 19.00, 'EUR', 350, "
        + "false)");
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values ('MUG-TRAVEL-L', "
        + "'sofia', 0, 0, 'Z-09-9')");
    assertThat(inventory.receivePurchased("PO-2030-000003/R1/L1", "warsaw", "MUG-TRAVEL-L", 2).binLocation())
        .isEqualTo("Z-09-9");
    assertThat(inventory.receivePurchased("PO-2030-000004/R1/L1", "madrid", "MUG-TRAVEL", 1).binLocation())
        .as("a RECEIVING bin elsewhere is no bin to copy").isEqualTo("RECEIVING");
    assertThat(onHand("MUG-TRAVEL-L", "warsaw")).isEqualTo(2);
  }
}
