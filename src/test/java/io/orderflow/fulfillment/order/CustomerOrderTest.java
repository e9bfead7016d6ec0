package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
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

  private static CustomerOrder orderIn(OrderStatus status) {
    CustomerOrder order = newOrder();
    if (status == OrderStatus.CANCELLED) {
      order.cancel("Customer changed their mind", LATER);
      return order;
    }
    if (status.compareTo(OrderStatus.STOCK_RESERVED) >= 0) {
      order.stockReserved("MAD", "nearest", LATER);
    }
    if (status.compareTo(OrderStatus.PAYMENT_AUTHORIZED) >= 0) {
      order.paymentAuthorized(LATER);
    }
    if (status.compareTo(OrderStatus.SHIPPED) >= 0) {
      order.shipped("SX473124829ES", LATER);
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
      order.stockReserved("MAD", "nearest", LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
      assertThat(order.warehouseId()).isEqualTo("MAD");

      // when
      order.paymentAuthorized(LATER);
      // then
      assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);

      // when
      order.shipped("SX473124829ES", LATER);
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
      order.stockReserved("MAD", "nearest", EVEN_LATER);

      // then
      assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
      assertThat(order.warehouseId()).isEqualTo("MAD");
      assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    @DisplayName("refuses a second reservation in another warehouse")
    void stockReservedElsewhere() {
      // given
      CustomerOrder order = orderIn(OrderStatus.STOCK_RESERVED);

      // when / then
      assertThatThrownBy(() -> order.stockReserved("WAW", "nearest", EVEN_LATER))
          .isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.warehouseId()).isEqualTo("MAD");
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
      order.shipped("SX473124829ES", EVEN_LATER);

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
      assertThatThrownBy(() -> order.shipped("SX123456785ES", EVEN_LATER))
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
      assertThatThrownBy(() -> order.shipped("SX473124829ES", LATER))
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
    @ValueSource(strings = {"PAYMENT_AUTHORIZED", "SHIPPED", "DELIVERED", "CANCELLED"})
    @DisplayName("cannot have stock reserved once past placement")
    void reservedLate(OrderStatus status) {
      // given
      CustomerOrder order = orderIn(status);

      // when / then
      assertThatThrownBy(() -> order.stockReserved("MAD", "nearest", EVEN_LATER)).isInstanceOf(IllegalOrderStateException.class);
      assertThat(order.status()).isEqualTo(status);
    }

    @Test
    @DisplayName("a cancelled order is not shipped")
    void shippedAfterCancel() {
      // given
      CustomerOrder order = orderIn(OrderStatus.CANCELLED);

      // when / then
      assertThatThrownBy(() -> order.shipped("SX473124829ES", EVEN_LATER))
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
}
