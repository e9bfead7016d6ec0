package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An order")
class CustomerOrderTest {

  private static final Instant PLACED_AT = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant LATER = PLACED_AT.plusSeconds(60);
  private static final Instant EVEN_LATER = PLACED_AT.plusSeconds(120);

  private static CustomerOrder newOrder() {
    return new CustomerOrder("order-1", "ORD-ABCD2345", new Customer("Ana García", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), "CARD", "pm_card_visa",
        OrderService.Delivery.standard(), false, PLACED_AT);
  }

  private static final Instant QUOTE_END = PLACED_AT.plusSeconds(1800);

  private static void reserve(CustomerOrder order, Instant now) {
    order.stockReserved("nearest", List.of(new OrderService.PlannedParcel("MAD", new BigDecimal("5.0"), 1000)),
        Map.of(), now);
  }

  private static CustomerOrder orderIn(OrderStatus status) {
    CustomerOrder order = newOrder();
    if (status == OrderStatus.CANCELLED) {
      order.cancel("Customer changed their mind", LATER);
      return order;
    }
    if (status.compareTo(OrderStatus.STOCK_RESERVED) >= 0) {
      reserve(order, LATER);
    }
    if (status.compareTo(OrderStatus.QUOTED) >= 0) {
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2)), QUOTE_END, LATER);
    }
    if (status.compareTo(OrderStatus.QUOTE_ACCEPTED) >= 0) {
      order.acceptQuote(LATER);
    }
    if (status.compareTo(OrderStatus.PAYMENT_AUTHORIZED) >= 0) {
      order.paymentAuthorized(LATER);
    }
    if (status.compareTo(OrderStatus.SHIPPED) >= 0) {
      order.shipmentShipped(1, "SX473124829ES", LATER);
    }
    if (status.compareTo(OrderStatus.DELIVERED) >= 0) {
      order.delivered(LATER);
    }
    assertThat(order.status()).isEqualTo(status);
    return order;
  }

  @Nested
  @DisplayName("moving through fulfilment")
  class HappyPath {

    @Test
    @DisplayName("is placed, then reserved, paid, shipped and delivered")
    void followsTheFulfilmentSteps() {
      // given
      CustomerOrder order = newOrder();
      assertThat(order.status()).isEqualTo(OrderStatus.PLACED);

      // when
      reserve(order, LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
      assertThat(order.warehouseId()).isEqualTo("MAD");

      // when
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2)), QUOTE_END, LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.QUOTED);
      assertThat(order.shippingCost()).isEqualByComparingTo("4.90");

      // when
      order.acceptQuote(LATER);
      order.paymentAuthorized(LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);

      // when
      order.shipmentShipped(1, "SX473124829ES", LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
      assertThat(order.trackingNumber()).isEqualTo("SX473124829ES");

      // when
      order.delivered(EVEN_LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
      assertThat(order.placedAt()).isEqualTo(PLACED_AT);
      assertThat(order.updatedAt()).isEqualTo(EVEN_LATER);
    }
  }

  @Nested
  @DisplayName("when a step is reported twice (a job delivered again)")
  class RepeatedSteps {

    @Test
    @DisplayName("keeps the reservation in the same warehouse")
    void stockReservedTwice() {
      // given
      CustomerOrder order = orderIn(OrderStatus.STOCK_RESERVED);

      // when
      reserve(order, EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
      assertThat(order.warehouseId()).isEqualTo("MAD");
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("keeps the first plan when another plan is reported for it")
    void stockReservedElsewhere() {
      // given
      CustomerOrder order = orderIn(OrderStatus.STOCK_RESERVED);

      // when
      order.stockReserved("other", List.of(new OrderService.PlannedParcel("WAW", BigDecimal.ONE, 1)), Map.of(),
          EVEN_LATER);

      // then
      assertThat(order.warehouseId()).isEqualTo("MAD");
      assertThat(order.shipments()).hasSize(1);
    }

    @Test
    @DisplayName("stays paid when the payment is reported again")
    void paymentAuthorizedTwice() {
      // given
      CustomerOrder order = orderIn(OrderStatus.PAYMENT_AUTHORIZED);

      // when
      order.paymentAuthorized(EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("keeps the tracking number when the same shipment is reported again")
    void shippedTwice() {
      // given
      CustomerOrder order = orderIn(OrderStatus.SHIPPED);

      // when
      order.shipmentShipped(1, "SX473124829ES", EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
      assertThat(order.trackingNumber()).isEqualTo("SX473124829ES");
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("refuses a second shipment with another tracking number")
    void shippedWithAnotherTrackingNumber() {
      // given
      CustomerOrder order = orderIn(OrderStatus.SHIPPED);

      // when / then
      assertThatThrownBy(() -> order.shipmentShipped(1, "SX123456785ES", EVEN_LATER))
          .isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.trackingNumber()).isEqualTo("SX473124829ES");
    }

    @Test
    @DisplayName("stays delivered when the delivery is reported again")
    void deliveredTwice() {
      // given
      CustomerOrder order = orderIn(OrderStatus.DELIVERED);

      // when
      order.delivered(EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("keeps the first cancellation reason when cancelled again")
    void cancelledTwice() {
      // given
      CustomerOrder order = orderIn(OrderStatus.CANCELLED);

      // when
      order.cancel("Another reason", EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(order.cancellationReason()).isEqualTo("Customer changed their mind");
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }
  }

  @Nested
  @DisplayName("refuses a step out of order")
  class IllegalMoves {

    @Test
    @DisplayName("cannot be shipped before stock and payment")
    void shippedFromPlaced() {
      // given
      CustomerOrder order = newOrder();

      // when / then
      assertThatThrownBy(() -> order.shipmentShipped(1, "SX473124829ES", LATER))
          .isInstanceOf(IllegalOrderStateException.class)
          .hasMessageContaining("ORD-ABCD2345")
          .hasMessageContaining("PLACED");
      assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
      assertThat(order.trackingNumber()).isNull();
    }

    @Test
    @DisplayName("cannot be marked paid before its stock is reserved")
    void paidFromPlaced() {
      // given
      CustomerOrder order = newOrder();

      // when / then
      assertThatThrownBy(() -> order.paymentAuthorized(LATER)).isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    @DisplayName("cannot be delivered before it is shipped")
    void deliveredFromPaymentAuthorized() {
      // given
      CustomerOrder order = orderIn(OrderStatus.PAYMENT_AUTHORIZED);

      // when / then
      assertThatThrownBy(() -> order.delivered(EVEN_LATER))
          .isInstanceOf(IllegalOrderStateException.class)
          .hasMessageContaining("PAYMENT_AUTHORIZED");
      assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"SHIPPED", "DELIVERED"})
    @DisplayName("cannot be cancelled once the parcel has left the warehouse")
    void cancelAfterShipping(OrderStatus status) {
      // given
      CustomerOrder order = orderIn(status);

      // when / then
      assertThatThrownBy(() -> order.cancel("Too late", EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.status()).isEqualTo(status);
      assertThat(order.cancellationReason()).isNull();
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"CANCELLED"})
    @DisplayName("cannot have stock reserved once cancelled")
    void reservedLate(OrderStatus status) {
      // given
      CustomerOrder order = orderIn(status);

      // when / then
      assertThatThrownBy(() -> order.stockReserved("nearest", List.of(new OrderService.PlannedParcel("MAD", BigDecimal.ONE, 1)), Map.of(), EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.status()).isEqualTo(status);
    }

    @Test
    @DisplayName("a cancelled order is not shipped")
    void shippedAfterCancel() {
      // given
      CustomerOrder order = orderIn(OrderStatus.CANCELLED);

      // when / then
      assertThatThrownBy(() -> order.shipmentShipped(1, "SX473124829ES", EVEN_LATER))
          .isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }
  }

  @Nested
  @DisplayName("when cancelled")
  class Cancellation {

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED"})
    @DisplayName("records the reason before the parcel leaves")
    void recordsReason(OrderStatus status) {
      // given
      CustomerOrder order = orderIn(status);

      // when
      order.cancel("Out of stock: TSHIRT-M (ordered 2, at most 1 in one warehouse)", EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(order.cancellationReason()).isEqualTo("Out of stock: TSHIRT-M (ordered 2, at most 1 in one warehouse)");
      assertThat(order.updatedAt()).isEqualTo(EVEN_LATER);
    }

    @ParameterizedTest(name = "reason [{0}]")
    @NullSource
    @ValueSource(strings = {"", "   "})
    @DisplayName("without a reason says \"Cancelled\"")
    void blankReason(String reason) {
      // given
      CustomerOrder order = newOrder();

      // when
      order.cancel(reason, LATER);

      // then
      assertThat(order.cancellationReason()).isEqualTo("Cancelled");
    }

    @Test
    @DisplayName("keeps at most 500 characters of a long reason")
    void longReasonTruncated() {
      // given
      CustomerOrder order = newOrder();
      String longReason = "x".repeat(499) + "yz";

      // when
      order.cancel(longReason, LATER);

      // then
      assertThat(order.cancellationReason()).hasSize(500).isEqualTo("x".repeat(499) + "y");
    }

    @Test
    @DisplayName("keeps a reason of exactly 500 characters whole")
    void reasonOfExactlyMaxLength() {
      // given
      CustomerOrder order = newOrder();
      String reason = "r".repeat(500);

      // when
      order.cancel(reason, LATER);

      // then
      assertThat(order.cancellationReason()).isEqualTo(reason);
    }
  }

  @Nested
  @DisplayName("totals")
  class Totals {

    @Test
    @DisplayName("a new order without lines totals 0.00")
    void emptyTotal() {
      // when
      CustomerOrder order = newOrder();

      // then
      assertThat(order.totalAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    @DisplayName("sum the lines to the cent: 2 x 19.90 + 1 x 12.00 = 51.80")
    void sumsLines() {
      // given
      CustomerOrder order = newOrder();

      // when
      order.addLine("TSHIRT-M", "T-shirt (Size M)", 2, new BigDecimal("19.90"));
      order.addLine("CAP", "Cap", 1, new BigDecimal("12.00"));

      // then
      assertThat(order.totalAmount()).isEqualTo(new BigDecimal("51.80"));
      assertThat(order.totalAmount().scale()).isEqualTo(2);
      assertThat(order.lines()).extracting(OrderLine::lineNo, OrderLine::sku, OrderLine::lineTotal)
          .containsExactly(
              tuple(1, "TSHIRT-M", new BigDecimal("39.80")),
              tuple(2, "CAP", new BigDecimal("12.00")));
    }

    @Test
    @DisplayName("a price without cents still totals with two decimals")
    void scaleTwoForWholePrices() {
      // given
      CustomerOrder order = newOrder();

      // when
      order.addLine("BOOTS", "Boots", 3, new BigDecimal("45"));

      // then
      assertThat(order.totalAmount()).isEqualTo(new BigDecimal("135.00"));
    }

    @Test
    @DisplayName("refuse a line with no quantity")
    void zeroQuantity() {
      // given
      CustomerOrder order = newOrder();

      // when / then
      assertThatThrownBy(() -> order.addLine("CAP", "Cap", 0, new BigDecimal("12.00")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(order.lines()).isEmpty();
      assertThat(order.totalAmount()).isEqualByComparingTo("0");
    }
  }

  @Nested
  @DisplayName("with parcels from two warehouses and an item nobody has")
  class SplitAndPartial {

    private CustomerOrder splitOrder() {
      CustomerOrder order = newOrder();
      order.addLine("TSHIRT-M", "T-shirt (Size M)", 2, new BigDecimal("19.90"));
      order.addLine("CAP", "Cap", 3, new BigDecimal("12.00"));
      order.stockReserved("Madrid has the T-shirts, Warsaw 2 caps; 1 cap nowhere",
          List.of(new OrderService.PlannedParcel("MAD", new BigDecimal("5.0"), 400),
              new OrderService.PlannedParcel("WAW", new BigDecimal("2010.7"), 200)),
          Map.of("CAP", 1), LATER);
      return order;
    }

    @Test
    @DisplayName("records one planned parcel per warehouse and the unavailable units per line")
    void recordsPlan() {
      CustomerOrder order = splitOrder();

      assertThat(order.shipments()).extracting(OrderShipment::shipmentNo, OrderShipment::warehouseId)
          .containsExactly(tuple(1, "MAD"), tuple(2, "WAW"));
      assertThat(order.warehouseId()).isEqualTo("MAD");
      assertThat(order.lines()).extracting(OrderLine::sku, OrderLine::unavailableQuantity)
          .containsExactly(tuple("TSHIRT-M", 0), tuple("CAP", 1));
      assertThat(order.hasUnavailableLines()).isTrue();
    }

    @Test
    @DisplayName("cannot be quoted before the customer decided about the unavailable units")
    void noQuoteBeforeDecision() {
      CustomerOrder order = splitOrder();

      assertThatThrownBy(() -> order.quoted(Map.of(1, new OrderService.ShipmentQuote(BigDecimal.ONE, 1),
          2, new OrderService.ShipmentQuote(BigDecimal.TEN, 4)), QUOTE_END, LATER))
          .isInstanceOf(IllegalOrderStateException.class).hasMessageContaining("unavailable");
    }

    @Test
    @DisplayName("charges only what ships plus the shipping of every parcel: 2 x 19.90 + 2 x 12.00 + 4.90 + 11.50")
    void amountDueAfterBackorder() {
      CustomerOrder order = splitOrder();
      order.backorderUnavailable(LATER);
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2),
          2, new OrderService.ShipmentQuote(new BigDecimal("11.50"), 4)), QUOTE_END, LATER);

      assertThat(order.backorderDecision()).isEqualTo("BACKORDER");
      assertThat(order.totalAmount()).isEqualByComparingTo("75.80");
      assertThat(order.shippingCost()).isEqualByComparingTo("16.40");
      assertThat(order.amountDue()).isEqualByComparingTo("80.20");
      assertThat(order.quoteValidUntil()).isEqualTo(QUOTE_END);
    }

    @Test
    @DisplayName("is SHIPPED only when the last parcel is with the courier, DELIVERED when the last one arrives")
    void shipsAndDeliversPerParcel() {
      CustomerOrder order = splitOrder();
      order.backorderUnavailable(LATER);
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(BigDecimal.ONE, 1),
          2, new OrderService.ShipmentQuote(BigDecimal.TEN, 4)), QUOTE_END, LATER);
      order.acceptQuote(LATER);
      order.paymentAuthorized(LATER);

      order.shipmentShipped(2, "SX2", LATER);
      assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
      order.shipmentShipped(1, "SX1", LATER);
      assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
      assertThat(order.trackingNumber()).isEqualTo("SX1");

      assertThat(order.shipmentDelivered(1, EVEN_LATER)).isFalse();
      assertThat(order.shipmentDelivered(2, EVEN_LATER)).isTrue();
    }

    @Test
    @DisplayName("refuses a delivery of a parcel that was never shipped")
    void deliveredBeforeShipped() {
      CustomerOrder order = splitOrder();

      assertThatThrownBy(() -> order.shipmentDelivered(1, LATER)).isInstanceOf(IllegalOrderStateException.class);
    }
  }

  @Nested
  @DisplayName("with a shipping quote")
  class Quote {

    @Test
    @DisplayName("expires when not accepted and can then no longer be accepted")
    void expires() {
      CustomerOrder order = orderIn(OrderStatus.QUOTED);

      order.expire(EVEN_LATER);

      assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
      assertThatThrownBy(() -> order.acceptQuote(EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
    }

    @Test
    @DisplayName("an accepted quote cannot expire")
    void acceptedDoesNotExpire() {
      CustomerOrder order = orderIn(OrderStatus.QUOTE_ACCEPTED);

      assertThatThrownBy(() -> order.expire(EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.quoteAcceptedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("the acknowledgement is recorded once, after the payment is secured")
    void acknowledgedOnce() {
      CustomerOrder quoted = orderIn(OrderStatus.QUOTE_ACCEPTED);
      assertThatThrownBy(() -> quoted.acknowledge(LATER)).isInstanceOf(IllegalOrderStateException.class);

      CustomerOrder paid = orderIn(OrderStatus.PAYMENT_AUTHORIZED);
      assertThat(paid.acknowledge(LATER)).isTrue();
      assertThat(paid.acknowledge(EVEN_LATER)).isFalse();
      assertThat(paid.acknowledgedAt()).isEqualTo(LATER);
    }
  }

  @Nested
  @DisplayName("being cancelled")
  class RequestedCancellation {

    private CustomerOrder paidSplitOrder() {
      CustomerOrder order = newOrder();
      order.addLine("TSHIRT-M", "T-shirt (Size M)", 2, new BigDecimal("19.90"));
      order.addLine("CAP", "Cap", 2, new BigDecimal("12.00"));
      order.stockReserved("Madrid has the T-shirts, Warsaw the caps",
          List.of(new OrderService.PlannedParcel("MAD", new BigDecimal("5.0"), 400),
              new OrderService.PlannedParcel("WAW", new BigDecimal("2010.7"), 200)), Map.of(), LATER);
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(BigDecimal.ONE, 1),
          2, new OrderService.ShipmentQuote(BigDecimal.TEN, 4)), QUOTE_END, LATER);
      order.acceptQuote(LATER);
      order.paymentAuthorized(LATER);
      return order;
    }

    @Test
    @DisplayName("before the warehouse started is cancelled as a whole, and a second request changes nothing")
    void wholeOrderBeforeFulfilment() {
      CustomerOrder order = orderIn(OrderStatus.QUOTED);

      assertThat(order.requestCancellation("Changed my mind", "ana", EVEN_LATER)).isEmpty();
      assertThat(order.requestCancellation("Again", "ana", EVEN_LATER)).isEmpty();
      assertThat(order.cancellationReason()).isEqualTo("Changed my mind");
    }

    @Test
    @DisplayName("after acknowledgement cancels only the parcels not handed over, and blocks their hand-over")
    void parcelsNotHandedOver() {
      CustomerOrder order = paidSplitOrder();
      order.acknowledge(LATER);
      order.shipmentBooked(1, "SX1", LATER);
      order.handOver(1, LATER);
      order.shipmentShipped(1, LATER);

      assertThat(order.requestCancellation("Only the T-shirts", "cs.agent", EVEN_LATER)).containsExactly(2);
      assertThatThrownBy(() -> order.handOver(2, EVEN_LATER))
          .isInstanceOf(io.orderflow.fulfillment.shared.ConflictException.class).hasMessageContaining("being cancelled");

      assertThat(order.shipmentCancelled(2, EVEN_LATER)).as("a parcel is left").isFalse();
      assertThat(order.status()).as("every parcel left is with the courier").isEqualTo(OrderStatus.SHIPPED);
      assertThat(order.shipmentDelivered(1, EVEN_LATER)).as("the only parcel left arrived").isTrue();
    }

    @Test
    @DisplayName("is refused with a pointer to returns once every parcel is with the courier")
    void refusedAfterHandOver() {
      CustomerOrder order = paidSplitOrder();
      order.acknowledge(LATER);
      order.shipmentShipped(1, "SX1", LATER);
      order.shipmentShipped(2, "SX2", LATER);

      assertThatThrownBy(() -> order.requestCancellation("late", "ana", EVEN_LATER))
          .isInstanceOfSatisfying(io.orderflow.fulfillment.shared.ConflictException.class, e -> assertThat(e.properties())
              .containsEntry("returns", "/api/orders/order-1/returns"))
          .hasMessageContaining("can be returned");
    }

    @Test
    @DisplayName("with every parcel cancelled leaves nothing to ship, and a cancelled parcel cannot be shipped")
    void allParcelsCancelled() {
      CustomerOrder order = paidSplitOrder();
      order.acknowledge(LATER);
      order.shipmentBooked(1, "SX1", LATER);
      assertThat(order.requestCancellation(null, "ana", EVEN_LATER)).containsExactly(1, 2);

      assertThat(order.shipmentCancelled(1, EVEN_LATER)).isFalse();
      assertThat(order.shipmentCancelled(2, EVEN_LATER)).isTrue();
      assertThatThrownBy(() -> order.shipmentShipped(1, EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
      order.cancel(null, EVEN_LATER);
      assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThatThrownBy(() -> order.requestCancellation("again", "ana", EVEN_LATER))
          .hasMessageContaining("already cancelled");
    }

    @Test
    @DisplayName("keeps its history: every status, the payment, each parcel's steps and the courier's reports, once each")
    void history() {
      CustomerOrder order = paidSplitOrder();
      order.acknowledge(LATER);
      order.acknowledge(LATER);
      order.shipmentBooked(1, "SX1", LATER);
      order.shipmentBooked(1, "SX1", LATER);
      order.handOver(1, LATER);
      order.shipmentShipped(1, LATER);
      order.courierReported(1, "IN_TRANSIT", "Zaragoza hub", EVEN_LATER, EVEN_LATER.plusSeconds(86_400));
      order.requestCancellation("Only the T-shirts", "ana", EVEN_LATER);
      order.shipmentCancelled(2, EVEN_LATER);

      assertThat(order.milestones()).extracting(m -> (m.shipmentNo() == null ? "" : m.shipmentNo() + ":") + m.milestone())
          .containsExactly("ORDER_PLACED", "ORDER_STOCK_RESERVED", "ORDER_QUOTED", "ORDER_QUOTE_ACCEPTED",
              "ORDER_PAYMENT_AUTHORIZED", "ORDER_ACKNOWLEDGED", "1:PARCEL_BOOKED", "1:PARCEL_HANDED_OVER",
              "1:COURIER_IN_TRANSIT", "2:CANCELLATION_REQUESTED", "2:PARCEL_CANCELLED", "ORDER_SHIPPED");
      assertThat(order.milestones()).filteredOn(m -> m.milestone().equals("1:COURIER_IN_TRANSIT".substring(2)))
          .singleElement().satisfies(m -> assertThat(m.detail()).isEqualTo("Zaragoza hub"));
    }
  }

  @Nested
  @DisplayName("A free replacement")
  class Replacement {

    private CustomerOrder original() {
      CustomerOrder original = new CustomerOrder("order-1", "ORD-ABCD2345",
          new Customer("Ana García", "ana@example.com", "+34 600 000 000"),
          new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), "CARD", "pm_card_visa",
          new OrderService.Delivery(DeliveryMethod.PICKUP_POINT, "PP-MAD-7", java.time.LocalDate.of(2025, 3, 4),
              "09:00-13:00", true, "For you", true, "Ring twice"), true, "es", PLACED_AT);
      original.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"));
      return original;
    }

    private CustomerOrder replacement() {
      CustomerOrder replacement = CustomerOrder.replacementFor(original(), "order-2", "ORD-REPL2345", " RMA-77 ",
          LATER);
      replacement.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("0.00"));
      return replacement;
    }

    @Test
    @DisplayName("goes to the original's customer, address, language and pickup point, without the past slot, paid by nobody")
    void copiesTheOriginal() {
      CustomerOrder replacement = replacement();

      assertThat(replacement.customerName()).isEqualTo("Ana García");
      assertThat(replacement.customerEmail()).isEqualTo("ana@example.com");
      assertThat(replacement.customerPhone()).isEqualTo("+34 600 000 000");
      assertThat(replacement.address()).isEqualTo(new Address("Calle Mayor 1", "28013", "Madrid", "ES"));
      assertThat(replacement.language()).isEqualTo("es");
      assertThat(replacement.marketingConsent()).isTrue();
      assertThat(replacement.delivery()).isEqualTo(new OrderService.Delivery(DeliveryMethod.PICKUP_POINT, "PP-MAD-7",
          null, null, true, "For you", true, "Ring twice"));
      assertThat(replacement.paymentMethod()).isEqualTo("NO_CHARGE");
      assertThat(replacement.paymentReference()).isNull();
      assertThat(replacement.chargesCustomer()).isFalse();
      assertThat(replacement.isReplacement()).isTrue();
      assertThat(replacement.replacementForOrderId()).isEqualTo("order-1");
      assertThat(replacement.replacementForOrderNumber()).isEqualTo("ORD-ABCD2345");
      assertThat(replacement.replacementRma()).isEqualTo("RMA-77");
      assertThat(replacement.totalAmount()).isEqualTo(new BigDecimal("0.00"));
      assertThat(replacement.status()).isEqualTo(OrderStatus.PLACED);
      assertThat(newOrder().chargesCustomer()).isTrue();
      assertThat(newOrder().isReplacement()).isFalse();
    }

    @Test
    @DisplayName("refuses a line with a price, and a replacement without an RMA")
    void nothingToPay() {
      CustomerOrder replacement = replacement();
      assertThatThrownBy(() -> replacement.addLine("CAP", "Cap", 1, new BigDecimal("12.00")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CustomerOrder.replacementFor(original(), "order-3", "ORD-REPL3456", " ", LATER))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("is quoted with no shipping cost to the customer (transit time kept), nothing is due, and the quote is accepted without the customer")
    void quotedAtNothingAndAcceptedByTheProcess() {
      CustomerOrder replacement = replacement();
      reserve(replacement, LATER);

      replacement.quoted(Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2)), QUOTE_END, LATER);

      assertThat(replacement.shippingCost()).isEqualTo(new BigDecimal("0.00"));
      assertThat(replacement.shipments()).singleElement().satisfies(s -> {
        assertThat(s.shippingCost()).isEqualByComparingTo("0");
        assertThat(s.transitDays()).isEqualTo(2);
      });
      assertThat(replacement.amountDue()).isEqualTo(new BigDecimal("0.00"));
      replacement.acceptQuote(EVEN_LATER);
      replacement.paymentStatus(PaymentStatus.NO_CHARGE, "Free replacement", EVEN_LATER);
      replacement.paymentAuthorized(EVEN_LATER);
      assertThat(replacement.acknowledge(EVEN_LATER)).isTrue();
      assertThat(replacement.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
      assertThat(replacement.milestones()).extracting(OrderMilestone::milestone).containsExactly("ORDER_PLACED",
          "ORDER_STOCK_RESERVED", "ORDER_QUOTED", "ORDER_QUOTE_ACCEPTED", "PAYMENT_NO_CHARGE",
          "ORDER_PAYMENT_AUTHORIZED", "ORDER_ACKNOWLEDGED");
    }

    @Test
    @DisplayName("an ordinary order is quoted with the decision's shipping cost")
    void ordinaryOrderPaysShipping() {
      CustomerOrder order = newOrder();
      order.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("19.90"));
      reserve(order, LATER);
      order.quoted(Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2)), QUOTE_END, LATER);
      assertThat(order.amountDue()).isEqualTo(new BigDecimal("24.80"));
    }
  }
}
