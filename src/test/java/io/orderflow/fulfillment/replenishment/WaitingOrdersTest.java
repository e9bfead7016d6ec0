package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.PlannedParcel;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.replenishment.worker.ResumeWaitingOrdersWorker;
import io.orderflow.fulfillment.testsupport.DemoUser;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer orders waiting for goods get the stock that arrives, oldest first, on the embedded runtime (the API tests'
 * context). The waiting orders are made through the order service without a process, so only what resuming does is
 * seen: reservations, the allocation on the order, and the message published for its process. Each test has SKUs of its
 * own, so no other test's orders wait for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Waiting orders resumed when stock arrives")
class WaitingOrdersTest {

  private static final Instant NOW = Instant.now();

  @Autowired WaitingOrders waitingOrders;
  @Autowired ResumeWaitingOrdersWorker worker;
  @Autowired OrderService orders;
  @Autowired Inventory inventory;
  @Autowired JdbcTemplate jdbc;
  @Autowired ZeebeTestEngine engine;
  @Autowired PlatformTransactionManager txManager;

  @Test
  @DisplayName("Three orders wait for 2 units each; 5 arrive: the two oldest get them, the youngest waits; a repeat does nothing; 1 more unit: the third goes on")
  void oldestFirst() {
    // given: three backorder orders of 2 units each, placed (as originals) 3, 2 and 1 hours ago; the youngest is made first
    String sku = newProduct();
    OrderSummary youngest = waitingBackorder(Map.of(sku, 2), NOW.minus(Duration.ofHours(1)));
    OrderSummary oldest = waitingBackorder(Map.of(sku, 2), NOW.minus(Duration.ofHours(3)));
    OrderSummary middle = waitingBackorder(Map.of(sku, 2), NOW.minus(Duration.ofHours(2)));
    assertThat(List.of(oldest, middle, youngest)).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.AWAITING_STOCK));

    // when 5 units arrive in Madrid and the replenishment's step resumes the waiting orders
    inventory.receivePurchased("PO-TEST-" + sku + "/R1/L1", "madrid", sku, 5);
    Map<String, Object> result = worker.resumeWaitingOrders(sku, "madrid");

    // then the two oldest are reserved and their processes told; the youngest keeps waiting
    assertThat(result).containsEntry("resumedOrders", List.of(oldest.orderNumber(), middle.orderNumber()));
    assertAllocated(oldest, sku, 2);
    assertAllocated(middle, sku, 2);
    assertWaiting(youngest);
    assertThat(reserved(sku, "madrid")).isEqualTo(4);
    awaitAllocationMessage(oldest.id());
    awaitAllocationMessage(middle.id());

    // when the job is delivered again
    Map<String, Object> repeat = worker.resumeWaitingOrders(sku, "madrid");

    // then nothing is allocated twice, and no second message reaches the engine
    assertThat(repeat).containsEntry("resumedOrders", List.of());
    assertThat(reserved(sku, "madrid")).isEqualTo(4);
    assertThat(reservationsOf(oldest.id())).isEqualTo(1);
    assertWaiting(youngest);
    assertThat(allocationMessages(oldest.id())).hasSize(1);
    assertThat(allocationMessages(youngest.id())).isEmpty();

    // when one more unit arrives (the one left over plus this one make the youngest order's two)
    inventory.receivePurchased("PO-TEST-" + sku + "/R2/L1", "madrid", sku, 1);

    // then the third order goes on too
    assertThat(waitingOrders.resume(sku)).containsExactly(youngest.orderNumber());
    assertAllocated(youngest, sku, 2);
    assertThat(reserved(sku, "madrid")).isEqualTo(6);
    awaitAllocationMessage(youngest.id());
    assertThat(allocationMessages(youngest.id())).containsExactly("backorder-stock-allocated-" + youngest.id());
  }

  @Test
  @DisplayName("An older order short of the arrived SKU stops the round (a younger one must not take its units); one short only of another SKU is passed over")
  void strictOrderButNoBlockingByOtherSkus() {
    // given: the oldest order waits for 3 of the SKU, a younger one for 1; only 2 arrive
    String sku = newProduct();
    OrderSummary older = waitingBackorder(Map.of(sku, 3), NOW.minus(Duration.ofHours(5)));
    OrderSummary younger = waitingBackorder(Map.of(sku, 1), NOW.minus(Duration.ofHours(4)));
    inventory.receivePurchased("PO-TEST-" + sku + "/R1/L1", "sofia", sku, 2);

    // when / then: the younger order does not get the units the older one waits for
    assertThat(waitingOrders.resume(sku)).isEmpty();
    assertWaiting(older);
    assertWaiting(younger);
    assertThat(reserved(sku, "sofia")).isZero();

    // given: the oldest order of another SKU also waits for a third SKU that has not arrived
    String shirt = newProduct();
    String cap = newProduct();
    OrderSummary needsBoth = waitingBackorder(orderedMap(shirt, 2, cap, 1), NOW.minus(Duration.ofHours(5)));
    OrderSummary needsShirt = waitingBackorder(Map.of(shirt, 1), NOW.minus(Duration.ofHours(4)));
    inventory.receivePurchased("PO-TEST-" + shirt + "/R1/L1", "warsaw", shirt, 3);

    // when
    List<String> resumed = waitingOrders.resume(shirt);

    // then the order short only of the cap is passed over, nothing of it is reserved, and the younger one goes on
    assertThat(resumed).containsExactly(needsShirt.orderNumber());
    assertWaiting(needsBoth);
    assertThat(reservationsOf(needsBoth.id())).isZero();
    assertAllocated(needsShirt, shirt, 1);
    assertThat(reserved(shirt, "warsaw")).isEqualTo(1);

    // when the cap arrives: the waiting order gets both, from two warehouses
    inventory.receivePurchased("PO-TEST-" + cap + "/R1/L1", "madrid", cap, 1);
    assertThat(waitingOrders.resume(cap)).containsExactly(needsBoth.orderNumber());
    assertThat(orders.summary(needsBoth.id()).shipments()).extracting(OrderService.ShipmentSummary::warehouseId)
        .containsExactlyInAnyOrder("madrid", "warsaw");
    assertAllocated(needsBoth, shirt, 2);
  }

  @Test
  @DisplayName("A cancelled or cancelling order gets no stock; resuming inside a transaction is refused")
  void noStockForCancelledOrders() {
    String sku = newProduct();
    OrderSummary cancelling = waitingBackorder(Map.of(sku, 1), NOW.minus(Duration.ofHours(3)));
    OrderSummary cancelled = waitingBackorder(Map.of(sku, 1), NOW.minus(Duration.ofHours(2)));
    OrderSummary waiting = waitingBackorder(Map.of(sku, 1), NOW.minus(Duration.ofHours(1)));
    assertThat(orders.requestCancellation(cancelling.id(), "Found it elsewhere", "ana.customer").wholeOrder()).isTrue();
    orders.cancel(cancelled.id(), "The backordered goods did not arrive within 30 days");
    inventory.receivePurchased("PO-TEST-" + sku + "/R1/L1", "madrid", sku, 3);

    assertThat(waitingOrders.resume(sku)).containsExactly(waiting.orderNumber());
    assertThat(orders.summary(cancelling.id()).status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(orders.summary(cancelled.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(reserved(sku, "madrid")).isEqualTo(1);
    assertThatThrownBy(() -> new TransactionTemplate(txManager).executeWithoutResult(s -> waitingOrders.resume(sku)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("Reserve if complete: writes nothing and names the SKUs short, or reserves like the routing and moves the order on")
  void reserveIfComplete() {
    String sku = newProduct();
    String other = newProduct();
    OrderSummary order = waitingBackorder(orderedMap(sku, 2, other, 1), NOW);
    inventory.receivePurchased("PO-TEST-" + sku + "/R1/L1", "madrid", sku, 2);

    Inventory.CompleteReservation shortOfOther = inventory.reserveIfComplete(order.id());

    assertThat(shortOfOther).isEqualTo(new Inventory.CompleteReservation.Incomplete(Map.of(other, 1)));
    assertThat(reserved(sku, "madrid")).isZero();
    assertThat(orders.summary(order.id()).status()).isEqualTo(OrderStatus.AWAITING_STOCK);

    inventory.receivePurchased("PO-TEST-" + other + "/R1/L1", "madrid", other, 1);
    Inventory.CompleteReservation reserved = inventory.reserveIfComplete(order.id());

    assertThat(reserved).isInstanceOfSatisfying(Inventory.CompleteReservation.Reserved.class, r -> {
      assertThat(r.reservation().complete()).isTrue();
      assertThat(r.reservation().warehouseId()).isEqualTo("madrid");
    });
    assertThat(inventory.reserveIfComplete(order.id())).as("a repeat returns the reservation").isEqualTo(reserved);
    assertThat(inventory.reserveForOrder(order.id())).as("reserve-stock finds it").isEqualTo(
        ((Inventory.CompleteReservation.Reserved) reserved).reservation());
    assertThat(reserved(sku, "madrid")).isEqualTo(2);
    assertThat(orders.summary(order.id()).status()).isEqualTo(OrderStatus.STOCK_RESERVED);
  }

  /**
   * A backorder order of the given units, without a process: an original order of a mug plus these units (none in
   * stock) is reserved for the mug, its customer chooses to wait, and its placing time is set to {@code originalPlacedAt}.
   */
  private OrderSummary waitingBackorder(Map<String, Integer> units, Instant originalPlacedAt) {
    List<RequestedLine> lines = new ArrayList<>();
    lines.add(new RequestedLine("MUG-CERAMIC", 1));
    units.forEach((sku, quantity) -> lines.add(new RequestedLine(sku, quantity)));
    OrderSummary original = orders.place(new PlaceOrder(new Customer("Ana García", DemoUser.ANA.email(), null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), lines, "CARD", "pm_card_visa"));
    orders.stockReserved(original.id(), "Madrid has the mug", List.of(new PlannedParcel("madrid",
        new BigDecimal("3.2"), 350)), units);
    orders.backorderUnavailable(original.id());
    OrderSummary backorder = orders.placeBackorder(original.id());
    jdbc.update("update customer_order set placed_at = ? where id = ?", Timestamp.from(originalPlacedAt),
        original.id());
    return backorder;
  }

  /** A product of its own (no stock anywhere yet), so that only this test's orders wait for it. */
  private String newProduct() {
    String sku = "BO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Backorder test article', 'home', null, 40.00, 'EUR', 200, false)",
        sku, sku);
    return sku;
  }

  private static Map<String, Integer> orderedMap(String first, int firstUnits, String second, int secondUnits) {
    Map<String, Integer> units = new LinkedHashMap<>();
    units.put(first, firstUnits);
    units.put(second, secondUnits);
    return units;
  }

  private void assertAllocated(OrderSummary backorder, String sku, int units) {
    OrderSummary now = orders.summary(backorder.id());
    assertThat(now.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
    assertThat(now.lines()).filteredOn(l -> l.sku().equals(sku)).singleElement()
        .satisfies(l -> assertThat(l.quantity()).isEqualTo(units));
    assertThat(jdbc.queryForObject("select stock_allocated_at from customer_order where id = ?", Timestamp.class,
        backorder.id())).isNotNull();
    assertThat(jdbc.queryForObject("select coalesce(sum(quantity), 0) from stock_reservation where order_id = ? "
        + "and sku = ? and status = 'ACTIVE'", Integer.class, backorder.id(), sku)).isEqualTo(units);
  }

  private void assertWaiting(OrderSummary backorder) {
    assertThat(orders.summary(backorder.id()).status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(jdbc.queryForObject("select stock_allocated_at from customer_order where id = ?", Timestamp.class,
        backorder.id())).isNull();
    assertThat(reservationsOf(backorder.id())).isZero();
  }

  private int reservationsOf(String orderId) {
    return jdbc.queryForObject("select count(*) from stock_reservation where order_id = ?", Integer.class, orderId);
  }

  private int reserved(String sku, String warehouseId) {
    return jdbc.queryForObject("select coalesce(sum(reserved), 0) from stock where sku = ? and warehouse_id = ?",
        Integer.class, sku, warehouseId);
  }

  private void awaitAllocationMessage(String orderId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !allocationMessages(orderId).isEmpty());
  }

  /** The ids of the backorder-stock-allocated messages the engine accepted for the order. */
  private List<String> allocationMessages(String orderId) {
    // the engine appends to its record list while we read: read up to the size seen now, by index
    List<?> all = (List<?>) engine.getRecordStreamSource().getRecords();
    int size = all.size();
    return java.util.stream.IntStream.range(0, size)
        .mapToObj(i -> (io.camunda.zeebe.protocol.record.Record<?>) all.get(i))
        .filter(r -> r.getValueType() == ValueType.MESSAGE && r.getIntent() == MessageIntent.PUBLISHED)
        .map(r -> (MessageRecordValue) r.getValue())
        .filter(m -> "backorder-stock-allocated".equals(m.getName()) && orderId.equals(m.getCorrelationKey()))
        .map(MessageRecordValue::getMessageId).toList();
  }
}
