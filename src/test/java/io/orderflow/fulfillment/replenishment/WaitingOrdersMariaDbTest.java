package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.BackorderSettings;
import io.orderflow.fulfillment.order.Backorders;
import io.orderflow.fulfillment.order.OrderProcessStarter;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.PlannedParcel;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.routing.ShipmentPlanner;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backorder orders (V21) and the allocation of arrived stock on MariaDB, in committed transactions: one backorder order
 * per order even for concurrent placements, the link's constraints, and concurrent rounds of resuming that never
 * allocate an order twice (the order's row is the guard).
 */
@MariaDbJpaTest
@Import({WaitingOrders.class, Backorders.class, OrderService.class, io.orderflow.fulfillment.order.OrderPlacement.class,
    Inventory.class, Catalog.class, Geocoder.class, io.orderflow.fulfillment.order.DeliveryOptions.class,
    ShipmentPlanner.class})
@EnableConfigurationProperties(BackorderSettings.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Backorder orders and waiting orders on MariaDB")
class WaitingOrdersMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @MockitoBean ProcessMessages messages;
  @MockitoBean OrderProcessStarter starter;
  @Autowired WaitingOrders waitingOrders;
  @Autowired Backorders backorders;
  @Autowired OrderService orders;
  @Autowired Inventory inventory;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("a backorder order is stored with its link, once per order even when placed concurrently; the database guards the link")
  void oneBackorderOrderPerOrder() throws Exception {
    // given an order whose 2 prints are in no warehouse
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenReturn(77L);
    String sku = newProduct();
    OrderSummary original = originalWaitingFor(sku, 2, Instant.now());

    // when the record-backorder job runs four times at once
    List<Backorders.Backorder> placed = concurrently(4, () -> backorders.backorderUnavailable(original.id()));

    // then there is one backorder order, with its link, its process started
    assertThat(placed).extracting(Backorders.Backorder::orderId).containsOnly(placed.get(0).orderId());
    String backorderId = placed.get(0).orderId();
    assertThat(jdbc.queryForObject("select count(*) from customer_order where backorder_for_order_id = ?",
        Integer.class, original.id())).isOne();
    OrderSummary read = orders.summary(backorderId);
    assertThat(read.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(read.backorderFor()).isEqualTo(new OrderService.BackorderFor(original.id(), original.orderNumber()));
    assertThat(read.paymentReference()).isEqualTo("pm_card_visa");
    assertThat(read.lines()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualTo(2);
      assertThat(l.unitPrice()).isEqualByComparingTo("40.00");
    });
    assertThat(read.processInstanceKey()).isEqualTo(77L);
    assertThat(orders.backordersOf(original.id())).singleElement()
        .satisfies(b -> assertThat(b.orderId()).isEqualTo(backorderId));

    // and the database refuses a second backorder order of the order, a link to no order, an allocation elsewhere
    OrderSummary other = orders.place(new PlaceOrder(new Customer("Ana", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), List.of(new RequestedLine("MUG-CERAMIC", 1)), "CARD",
        "pm_card_visa"));
    assertThatThrownBy(() -> jdbc.update("update customer_order set backorder_for_order_id = ?, "
        + "backorder_for_order_number = ? where id = ?", original.id(), original.orderNumber(), other.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update customer_order set backorder_for_order_id = 'no-such-order' "
        + "where id = ?", backorderId)).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update customer_order set stock_allocated_at = current_timestamp(6) "
        + "where id = ?", other.id())).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> orders.lockAwaitingStock(backorderId))
        .as("the lock only makes sense in the allocating transaction").isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  @DisplayName("concurrent rounds of resuming give the two oldest orders their stock once, and the youngest none")
  void concurrentRounds() throws Exception {
    // given three backorder orders waiting for 2 units each, and 4 units in Madrid
    String sku = newProduct();
    Instant now = Instant.now();
    String youngest = waitingBackorder(sku, 2, now.minus(Duration.ofHours(1)));
    String oldest = waitingBackorder(sku, 2, now.minus(Duration.ofHours(3)));
    String middle = waitingBackorder(sku, 2, now.minus(Duration.ofHours(2)));
    inventory.receivePurchased("PO-DB-" + sku + "/R1/L1", "madrid", sku, 4);

    // when four rounds run at once
    List<List<String>> rounds = concurrently(4, () -> waitingOrders.resume(sku));

    // then each of the two oldest was allocated by exactly one round, and nothing more was reserved
    List<String> resumed = rounds.stream().flatMap(List::stream).toList();
    assertThat(resumed).containsExactlyInAnyOrder(number(oldest), number(middle));
    assertThat(jdbc.queryForObject("select reserved from stock where sku = ? and warehouse_id = 'madrid'",
        Integer.class, sku)).isEqualTo(4);
    for (String orderId : List.of(oldest, middle)) {
      assertThat(orders.summary(orderId).status()).isEqualTo(OrderStatus.STOCK_RESERVED);
      assertThat(jdbc.queryForObject("select count(*) from stock_reservation where order_id = ?", Integer.class,
          orderId)).isOne();
      assertThat(jdbc.queryForObject("select count(*) from stock_movement where order_id = ? and "
          + "movement_type = 'RESERVED'", Integer.class, orderId)).isOne();
    }
    assertThat(orders.summary(youngest).status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(jdbc.queryForObject("select count(*) from stock_reservation where order_id = ?", Integer.class,
        youngest)).isZero();

    // and their processes were told, each by its own message id (the engine drops a repeat of one)
    ArgumentCaptor<String> messageIds = ArgumentCaptor.forClass(String.class);
    verify(messages, atLeastOnce()).publish(eq("backorder-stock-allocated"), anyString(), messageIds.capture(),
        eq(Duration.ofDays(1)), eq(Map.of()));
    assertThat(messageIds.getAllValues()).containsOnly("backorder-stock-allocated-" + oldest,
        "backorder-stock-allocated-" + middle).contains("backorder-stock-allocated-" + oldest,
        "backorder-stock-allocated-" + middle);
  }

  /** An order of a mug and the units (in no warehouse) whose customer chose to wait; placed at the given time. */
  private OrderSummary originalWaitingFor(String sku, int units, Instant placedAt) {
    OrderSummary original = orders.place(new PlaceOrder(new Customer("Ana García", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
        List.of(new RequestedLine("MUG-CERAMIC", 1), new RequestedLine(sku, units)), "CARD", "pm_card_visa"));
    orders.stockReserved(original.id(), "Madrid has the mug",
        List.of(new PlannedParcel("madrid", new BigDecimal("3.2"), 350)), Map.of(sku, units));
    jdbc.update("update customer_order set placed_at = ? where id = ?", Timestamp.from(placedAt), original.id());
    return original;
  }

  /** The backorder order (without process or allocation) of an original placed at the given time. */
  private String waitingBackorder(String sku, int units, Instant originalPlacedAt) {
    OrderSummary original = originalWaitingFor(sku, units, originalPlacedAt);
    orders.backorderUnavailable(original.id());
    return orders.placeBackorder(original.id()).id();
  }

  private String number(String orderId) {
    return orders.summary(orderId).orderNumber();
  }

  private String newProduct() {
    String sku = "BO-DB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Backorder test article', 'art', null, 40.00, 'EUR', 300, false)",
        sku, sku);
    return sku;
  }

  /** Runs the call on n threads released at once; their results in thread order. */
  private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
