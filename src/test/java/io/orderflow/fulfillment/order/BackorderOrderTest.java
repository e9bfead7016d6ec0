package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.PlannedParcel;
import io.orderflow.fulfillment.order.OrderService.ShipmentQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A backorder order")
class BackorderOrderTest {

  private static final Instant PLACED_AT = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant DECIDED_AT = PLACED_AT.plusSeconds(3_600);
  private static final Instant ARRIVED_AT = PLACED_AT.plusSeconds(86_400 * 10);
  private static final Instant QUOTE_END = ARRIVED_AT.plusSeconds(1_800);

  /** 2 T-shirts (both there) and 3 prints (one there): the customer ships what is there and waits for 2 prints. */
  private static CustomerOrder originalWithBackorder() {
    CustomerOrder original = new CustomerOrder("order-1", "ORD-ORIG2345",
        new Customer("Ana García", "ana@example.com", "+34 600 000 000"),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), "CARD", "pm_card_visa",
        new OrderService.Delivery(DeliveryMethod.EXPRESS, null, LocalDate.of(2026, 3, 3), "09:00-13:00", true,
            "For you", true, "Ring twice"), true, "pl", PLACED_AT);
    original.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"));
    original.addLine("PRINT-LIMITED", "Limited art print (signed)", 3, new BigDecimal("250.00"));
    original.stockReserved("Madrid holds what is there", List.of(new PlannedParcel("madrid", new BigDecimal("3.2"), 700)),
        Map.of("PRINT-LIMITED", 2), PLACED_AT);
    original.backorderUnavailable(DECIDED_AT);
    return original;
  }

  private static CustomerOrder backorder() {
    return CustomerOrder.backorderFor(originalWithBackorder(), "order-2", "ORD-BACK2345", DECIDED_AT);
  }

  private static void allocate(CustomerOrder backorder) {
    backorder.stockReserved("Madrid has both prints now",
        List.of(new PlannedParcel("madrid", new BigDecimal("3.2"), 600)), Map.of(), ARRIVED_AT);
  }

  @Test
  @DisplayName("holds the unavailable units at their original prices, for the same customer, address, delivery and card, and waits for stock")
  void copiesTheOriginal() {
    CustomerOrder backorder = backorder();

    assertThat(backorder.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(backorder.lines()).extracting(OrderLine::sku, OrderLine::productName, OrderLine::quantity,
        OrderLine::unitPrice, OrderLine::unavailableQuantity)
        .containsExactly(tuple("PRINT-LIMITED", "Limited art print (signed)", 2, new BigDecimal("250.00"), 0));
    assertThat(backorder.totalAmount()).isEqualByComparingTo("500.00");
    assertThat(backorder.customerName()).isEqualTo("Ana García");
    assertThat(backorder.customerEmail()).isEqualTo("ana@example.com");
    assertThat(backorder.customerPhone()).isEqualTo("+34 600 000 000");
    assertThat(backorder.address()).isEqualTo(new Address("Calle Mayor 1", "28013", "Madrid", "ES"));
    assertThat(backorder.language()).isEqualTo("pl");
    assertThat(backorder.marketingConsent()).isTrue();
    assertThat(backorder.currency()).isEqualTo(Currency.getInstance("EUR"));
    assertThat(backorder.delivery()).as("the first parcel's slot is over; the rest of the delivery stays")
        .isEqualTo(new OrderService.Delivery(DeliveryMethod.EXPRESS, null, null, null, true, "For you", true,
            "Ring twice"));
    assertThat(backorder.paymentMethod()).isEqualTo("CARD");
    assertThat(backorder.paymentReference()).as("the card's payment method, authorized again for this order")
        .isEqualTo("pm_card_visa");
    assertThat(backorder.chargesCustomer()).isTrue();
    assertThat(backorder.isBackorder()).isTrue();
    assertThat(backorder.isReplacement()).isFalse();
    assertThat(backorder.backorderForOrderId()).isEqualTo("order-1");
    assertThat(backorder.backorderForOrderNumber()).isEqualTo("ORD-ORIG2345");
    assertThat(backorder.placedAt()).isEqualTo(DECIDED_AT);
    assertThat(backorder.awaitsStock()).isTrue();
    assertThat(backorder.stockAllocatedAt()).isNull();
    assertThat(backorder.milestones()).extracting(OrderMilestone::milestone)
        .containsExactly("ORDER_PLACED", "ORDER_AWAITING_STOCK");
  }

  @Test
  @DisplayName("is refused for an order whose customer did not choose to wait, or that has nothing unavailable")
  void onlyForABackorderedOrder() {
    CustomerOrder undecided = new CustomerOrder("order-3", "ORD-UNDC2345", new Customer("Bo", "bo@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), "CARD", "pm_card_visa",
        OrderService.Delivery.standard(), false, PLACED_AT);
    undecided.addLine("PRINT-LIMITED", "Limited art print (signed)", 3, new BigDecimal("250.00"));
    undecided.stockReserved("Madrid", List.of(new PlannedParcel("madrid", BigDecimal.ONE, 300)),
        Map.of("PRINT-LIMITED", 2), PLACED_AT);

    assertThatThrownBy(() -> CustomerOrder.backorderFor(undecided, "order-4", "ORD-BACK3456", DECIDED_AT))
        .isInstanceOf(IllegalOrderStateException.class).hasMessageContaining("ORD-UNDC2345");
  }

  @Test
  @DisplayName("is reserved only whole: the allocation is recorded and the order moves to STOCK_RESERVED; a partial plan is refused")
  void allocatedWhole() {
    CustomerOrder partly = backorder();
    assertThatThrownBy(() -> partly.stockReserved("one of two", List.of(new PlannedParcel("madrid", BigDecimal.ONE,
        300)), Map.of("PRINT-LIMITED", 1), ARRIVED_AT)).isInstanceOf(IllegalOrderStateException.class);
    assertThat(partly.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
    assertThat(partly.shipments()).isEmpty();

    CustomerOrder backorder = backorder();
    allocate(backorder);

    assertThat(backorder.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
    assertThat(backorder.stockAllocatedAt()).isEqualTo(ARRIVED_AT);
    assertThat(backorder.awaitsStock()).isFalse();
    assertThat(backorder.shipments()).extracting(OrderShipment::warehouseId).containsExactly("madrid");
    allocate(backorder);
    assertThat(backorder.stockAllocatedAt()).as("a repeat changes nothing").isEqualTo(ARRIVED_AT);
  }

  @Test
  @DisplayName("is quoted with no shipping cost (the shop pays for the second parcel) but its goods are charged, and is accepted without the customer")
  void freeShippingChargedGoods() {
    CustomerOrder backorder = backorder();
    allocate(backorder);

    backorder.quoted(Map.of(1, new ShipmentQuote(new BigDecimal("6.90"), 1)), QUOTE_END, ARRIVED_AT);

    assertThat(backorder.shippingCost()).isEqualTo(new BigDecimal("0.00"));
    assertThat(backorder.shipments()).singleElement().satisfies(s -> {
      assertThat(s.shippingCost()).isEqualByComparingTo("0");
      assertThat(s.transitDays()).isEqualTo(1);
    });
    assertThat(backorder.amountDue()).isEqualTo(new BigDecimal("500.00"));
    backorder.acceptQuote(ARRIVED_AT);
    backorder.paymentAuthorized(ARRIVED_AT);
    assertThat(backorder.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
  }

  @Test
  @DisplayName("can be cancelled while it waits: the customer's request cancels the whole order and stops the allocation")
  void cancelledWhileWaiting() {
    CustomerOrder requested = backorder();
    assertThat(requested.requestCancellation("Found it elsewhere", "ana.customer", ARRIVED_AT))
        .as("the whole order, not parcels").isEmpty();
    assertThat(requested.awaitsStock()).as("no stock is given to an order being cancelled").isFalse();
    requested.cancel(null, ARRIVED_AT);
    assertThat(requested.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(requested.cancellationReason()).isEqualTo("Found it elsewhere");

    CustomerOrder timedOut = backorder();
    timedOut.cancel("The backordered goods did not arrive within 30 days", ARRIVED_AT);
    assertThat(timedOut.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(timedOut.awaitsStock()).isFalse();
    assertThatThrownBy(() -> allocate(timedOut)).isInstanceOf(IllegalOrderStateException.class);
  }

  @Test
  @DisplayName("an ordinary order is no backorder order and never waits for stock")
  void ordinaryOrder() {
    CustomerOrder original = originalWithBackorder();

    assertThat(original.isBackorder()).isFalse();
    assertThat(original.awaitsStock()).isFalse();
    assertThat(original.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
  }
}
