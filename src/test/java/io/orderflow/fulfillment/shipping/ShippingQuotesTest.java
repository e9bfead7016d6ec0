package io.orderflow.fulfillment.shipping;

import static io.orderflow.fulfillment.testsupport.OrderSummaries.line;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.noQuote;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.order;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.parcel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.ShipmentQuote;
import io.orderflow.fulfillment.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shipping quote")
class ShippingQuotesTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");

  private final OrderService orders = mock(OrderService.class);
  private final Inventory inventory = mock(Inventory.class);
  private final ShippingQuotes quotes = new ShippingQuotes(orders, inventory, new QuoteProperties(Duration.ofMinutes(30)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  private void twoParcels(OrderStatus status) {
    when(orders.summary("o-1")).thenReturn(order("o-1", status, false,
        List.of(line(1, "HOODIE-ZIP-L", 2, "49.90", 0), line(2, "LAMP-DESK-LED", 1, "29.00", 0)),
        List.of(parcel(1, "warsaw", "2010.7", 1400), parcel(2, "sofia", "2600.2", 1200)), noQuote()));
  }

  @Test
  @DisplayName("records each parcel's cost and transit days from the decision, valid for 30 minutes, and holds the goods that long")
  void offers() {
    twoParcels(OrderStatus.STOCK_RESERVED);

    ShippingQuotes.Offer offer = quotes.offer("o-1", List.of(Map.of("cost", 14.5, "transitDays", 4),
        Map.of("cost", 16, "transitDays", 5)));

    Instant end = Instant.parse("2026-11-23T10:30:00Z");
    assertThat(offer).isEqualTo(new ShippingQuotes.Offer(Duration.ofMinutes(30), end));
    verify(orders).quoted("o-1", Map.of(1, new ShipmentQuote(new BigDecimal("14.50"), 4),
        2, new ShipmentQuote(new BigDecimal("16.00"), 5)), end);
    verify(inventory).holdUntil("o-1", end);
  }

  @Test
  @DisplayName("names the parcel no rule matched, and records nothing")
  void noRuleMatched() {
    twoParcels(OrderStatus.STOCK_RESERVED);

    assertThatThrownBy(() -> quotes.offer("o-1", Arrays.asList(Map.of("cost", 14.5, "transitDays", 4), null)))
        .isInstanceOf(ShippingQuotes.NoQuoteException.class)
        .hasMessageContaining("parcel 2").hasMessageContaining("sofia").hasMessageContaining("1.2 kg");
    verify(orders, never()).quoted(any(), anyMap(), any());
    verify(inventory, never()).holdUntil(any(), any());
  }

  @Test
  @DisplayName("refuses results that do not match the parcels (a model error, not a business outcome)")
  void wrongNumberOfResults() {
    twoParcels(OrderStatus.STOCK_RESERVED);

    assertThatThrownBy(() -> quotes.offer("o-1", List.of(Map.of("cost", 14.5, "transitDays", 4))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 parcel(s) but 1");
  }

  @Test
  @DisplayName("offered again (a repeated job) returns the first offer's end and the time left")
  void repeated() {
    Instant end = NOW.plusSeconds(600);
    when(orders.summary("o-1")).thenReturn(order("o-1", OrderStatus.QUOTED, false, List.of(),
        List.of(parcel(1, "madrid", "5.0", 100)), new OrderService.QuoteSummary(BigDecimal.ONE, BigDecimal.TEN, end, null)));

    ShippingQuotes.Offer offer = quotes.offer("o-1", List.of(Map.of("cost", 1, "transitDays", 1)));

    assertThat(offer.validUntil()).isEqualTo(end);
    assertThat(offer.validFor()).isEqualTo(Duration.ofMinutes(10));
    verify(orders, never()).quoted(eq("o-1"), anyMap(), any());
  }

  @Test
  @DisplayName("accepted: the order is confirmed and the goods are held until they ship")
  void accepted() {
    quotes.accepted("o-1");

    verify(orders).quoteAccepted("o-1");
    verify(inventory).holdUntilShipped("o-1");
  }
}
