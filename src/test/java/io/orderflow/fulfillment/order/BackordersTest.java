package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.Backorders.Backorder;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlannedParcel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;

@DisplayName("Backordering the unavailable items")
class BackordersTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  private final OrderRepository repository = mock(OrderRepository.class);
  private final OrderProcessStarter starter = mock(OrderProcessStarter.class);
  private final WaitingOrderResumption waitingOrders = mock(WaitingOrderResumption.class);
  private final OrderService orders = new OrderService(repository, mock(Catalog.class),
      mock(io.orderflow.fulfillment.routing.Geocoder.class),
      new DeliveryOptions(Clock.fixed(NOW, ZoneOffset.UTC), java.time.ZoneId.of("Europe/Madrid")),
      Clock.fixed(NOW, ZoneOffset.UTC));
  private final OrderPlacement placement = new OrderPlacement(orders, starter, BackorderSettings.defaults());
  @SuppressWarnings("unchecked")
  private final ObjectProvider<WaitingOrderResumption> resumption = mock(ObjectProvider.class);
  private final Backorders backorders = new Backorders(orders, placement, resumption);

  /** The stored orders by id, as the repository finds them. */
  private final Map<String, CustomerOrder> stored = new HashMap<>();

  /** 1 T-shirt and 3 prints ordered; the T-shirt and one print are reserved, 2 prints are in no warehouse. */
  private final CustomerOrder original = new CustomerOrder("order-1", "ORD-ORIG2345",
      new Customer("Ana García", "ana@example.com", null), new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
      Currency.getInstance("EUR"), "CARD", "pm_card_mastercard", OrderService.Delivery.standard(), true, "es",
      NOW.minusSeconds(3_600));

  @BeforeEach
  void anOrderWithUnavailableItems() {
    original.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("19.90"));
    original.addLine("PRINT-LIMITED", "Limited art print (signed)", 3, new BigDecimal("250.00"));
    original.stockReserved("Madrid", List.of(new PlannedParcel("madrid", new BigDecimal("3.2"), 600)),
        Map.of("PRINT-LIMITED", 2), NOW.minusSeconds(3_000));
    stored.put(original.id(), original);
    when(repository.findWithLinesById(anyString()))
        .thenAnswer(i -> Optional.ofNullable(stored.get(i.<String>getArgument(0))));
    when(repository.findByBackorderForOrderId(anyString())).thenAnswer(i -> stored.values().stream()
        .filter(o -> i.getArgument(0).equals(o.backorderForOrderId())).findFirst());
    when(repository.saveAndFlush(any(CustomerOrder.class))).thenAnswer(i -> {
      CustomerOrder order = i.getArgument(0);
      stored.put(order.id(), order);
      return order;
    });
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenReturn(4711L);
    org.mockito.Mockito.doAnswer(i -> {
      i.<java.util.function.Consumer<WaitingOrderResumption>>getArgument(0).accept(waitingOrders);
      return null;
    }).when(resumption).ifAvailable(any());
  }

  @Test
  @DisplayName("records the choice, places the backorder order of the missing units and starts its process with backorder=true")
  void placesAndStarts() {
    // when
    Backorder backorder = backorders.backorderUnavailable("order-1");

    // then the original ships what is there, and the backorder order holds the rest at the original price
    assertThat(original.backorderDecision()).isEqualTo("BACKORDER");
    assertThat(backorder.originalOrderId()).isEqualTo("order-1");
    assertThat(backorder.skus()).containsExactly("PRINT-LIMITED");
    assertThat(backorder.orderNumber()).matches("ORD-[2-9A-HJ-NP-Z]{8}").isNotEqualTo("ORD-ORIG2345");
    OrderSummary placed = orders.summary(backorder.orderId());
    assertThat(placed.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(placed.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("PRINT-LIMITED");
      assertThat(l.quantity()).isEqualTo(2);
      assertThat(l.unitPrice()).isEqualByComparingTo("250.00");
    });
    assertThat(placed.paymentMethod()).isEqualTo("CARD");
    assertThat(placed.paymentReference()).isEqualTo("pm_card_mastercard");
    assertThat(placed.language()).isEqualTo("es");
    assertThat(placed.marketingConsent()).isTrue();
    assertThat(placed.chargeCustomer()).isTrue();
    assertThat(placed.isBackorder()).isTrue();
    assertThat(placed.backorderFor()).isEqualTo(new OrderService.BackorderFor("order-1", "ORD-ORIG2345"));
    assertThat(placed.processInstanceKey()).isEqualTo(4711L);
    assertThat(orders.backordersOf("order-1")).containsExactly(new OrderService.BackorderOrder(backorder.orderId(),
        backorder.orderNumber(), OrderStatus.AWAITING_STOCK));
    assertThat(orders.summary("order-1").backorderFor()).isNull();

    // and its process waits for the goods, at most the configured time, and skips the quote acceptance
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> inputs = ArgumentCaptor.forClass(Map.class);
    verify(starter).startOrderProcess(eq(backorder.orderId()), eq(backorder.orderNumber()), inputs.capture());
    assertThat(inputs.getValue()).containsEntry("backorder", true).containsEntry("backorderMaxWait", "P30D")
        .containsEntry("chargeCustomer", true).containsEntry("paymentMethod", "CARD");
    // and stock that arrived meanwhile is offered to the waiting orders of its SKU
    verify(waitingOrders).resume("PRINT-LIMITED");
  }

  @Test
  @DisplayName("a repeated job returns the same backorder order and starts no second process")
  void placedOnce() {
    Backorder first = backorders.backorderUnavailable("order-1");

    Backorder again = backorders.backorderUnavailable("order-1");

    assertThat(again).isEqualTo(first);
    verify(repository, times(1)).saveAndFlush(any());
    verify(starter, times(1)).startOrderProcess(anyString(), anyString(), anyMap());
    assertThat(orders.backordersOf("order-1")).hasSize(1);
  }

  @Test
  @DisplayName("a concurrent repeat that lost the race on the unique link returns the winner's backorder order and starts no process")
  void concurrentRepeat() {
    // given: another call commits the backorder order while this one is storing its own
    CustomerOrder winner = CustomerOrder.backorderFor(originalDecided(), "order-won", "ORD-WONN2345", NOW);
    when(repository.saveAndFlush(any(CustomerOrder.class))).thenAnswer(i -> {
      stored.put(winner.id(), winner);
      throw new DataIntegrityViolationException("uq_customer_order_backorder_for");
    });

    // when
    Backorder backorder = backorders.backorderUnavailable("order-1");

    // then
    assertThat(backorder.orderId()).isEqualTo("order-won");
    assertThat(stored.values()).filteredOn(o -> "order-1".equals(o.backorderForOrderId())).hasSize(1);
    verify(starter, never()).startOrderProcess(anyString(), anyString(), anyMap());
  }

  @Test
  @DisplayName("a process the first call could not start (the engine was unreachable) is started by the retry of orders without process, not by a repeat")
  void missingProcessStartedByTheRetry() {
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenThrow(new IllegalStateException("down"))
        .thenReturn(99L);
    Backorder first = backorders.backorderUnavailable("order-1");
    assertThat(stored.get(first.orderId()).processInstanceKey()).isNull();

    backorders.backorderUnavailable("order-1");
    verify(starter, times(1)).startOrderProcess(anyString(), anyString(), anyMap());
    when(repository.findWithoutProcess(eq(OrderStatus.PLACED),
        eq(List.of(OrderStatus.AWAITING_STOCK, OrderStatus.STOCK_RESERVED)), any(), any()))
        .thenReturn(List.of(stored.get(first.orderId())));
    placement.startStrandedOrders();

    assertThat(stored.get(first.orderId()).processInstanceKey()).isEqualTo(99L);
  }

  @Test
  @DisplayName("every other order starts with backorder=false and the same maximum wait; the retry of stranded orders finds waiting backorder orders")
  void ordinaryOrdersStartWithBackorderFalse() {
    Backorder backorder;
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenThrow(new IllegalStateException("down"));
    backorder = backorders.backorderUnavailable("order-1");
    when(repository.findWithoutProcess(eq(OrderStatus.PLACED), any(), any(), any()))
        .thenReturn(List.of(stored.get(backorder.orderId()), original));

    placement.startStrandedOrders();

    verify(starter).startOrderProcess(eq("order-1"), anyString(), org.mockito.ArgumentMatchers.argThat(
        m -> Boolean.FALSE.equals(m.get("backorder")) && "P30D".equals(m.get("backorderMaxWait"))));
    verify(starter, times(2)).startOrderProcess(eq(backorder.orderId()), anyString(),
        org.mockito.ArgumentMatchers.argThat(m -> Boolean.TRUE.equals(m.get("backorder"))));
  }

  @Test
  @DisplayName("is refused with 409 when the order has nothing unavailable or no longer waits for the customer's choice")
  void refusedWithoutUnavailableItems() {
    CustomerOrder complete = new CustomerOrder("order-5", "ORD-COMP2345", new Customer("Bo", "bo@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), "CARD", "pm_card_visa",
        OrderService.Delivery.standard(), false, NOW);
    complete.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("19.90"));
    complete.stockReserved("Madrid", List.of(new PlannedParcel("madrid", BigDecimal.ONE, 200)), Map.of(), NOW);
    stored.put(complete.id(), complete);
    original.cancel("Customer changed their mind", NOW);

    assertThatThrownBy(() -> backorders.backorderUnavailable("order-5")).isInstanceOf(IllegalOrderStateException.class);
    assertThatThrownBy(() -> backorders.backorderUnavailable("order-1")).isInstanceOf(IllegalOrderStateException.class);
    verify(repository, never()).saveAndFlush(any());
    verify(starter, never()).startOrderProcess(anyString(), anyString(), anyMap());
  }

  @Test
  @DisplayName("the maximum wait reaches the process as an ISO duration, in days when whole days")
  void maxWait() {
    assertThat(new BackorderSettings(Duration.ofDays(14)).maxWaitIso()).isEqualTo("P14D");
    assertThat(new BackorderSettings(Duration.ofHours(36)).maxWaitIso()).isEqualTo("PT36H");
    assertThatThrownBy(() -> new BackorderSettings(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  private CustomerOrder originalDecided() {
    original.backorderUnavailable(NOW);
    return original;
  }
}
