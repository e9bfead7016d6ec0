package io.orderflow.fulfillment.order;

import static io.orderflow.fulfillment.testsupport.OrderSummaries.order;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.parcel;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.process.OrderFulfillmentProcess.BackorderChoice;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The customer's answers to the order process")
class CustomerDecisionsTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final OrderService orders = mock(OrderService.class);
  private final ProcessMessages messages = mock(ProcessMessages.class);
  private final CustomerDecisions decisions = new CustomerDecisions(orders, messages, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  @DisplayName("an acceptance is published with a fixed message id, living only until the quote ends")
  void acceptance() {
    when(orders.requireOpenQuote("o-1")).thenReturn(order("o-1", OrderStatus.QUOTED, false, List.of(),
        List.of(parcel(1, "madrid", "5.0", 100)),
        new OrderService.QuoteSummary(BigDecimal.ONE, BigDecimal.TEN, NOW.plusSeconds(900), null)));

    decisions.acceptQuote("o-1");

    verify(messages).publish("quote-accepted", "o-1", "quote-accepted-o-1", Duration.ofMinutes(15), Map.of());
  }

  @Test
  @DisplayName("a cancellation carries the reason the customer will read")
  void cancelChoice() {
    decisions.decideAboutUnavailableItems("o-1", BackorderChoice.CANCEL);

    verify(orders).requireAwaitingBackorderDecision("o-1");
    verify(messages).publish(eq("backorder-decision"), eq("o-1"), eq("backorder-decision-o-1"), any(),
        eq(Map.of("backorderChoice", "CANCEL",
            "cancellationReason", "Cancelled by the customer: some items were not available")));
  }

  @Test
  @DisplayName("a blank or over-long question is refused before anything is published")
  void badQuestions() {
    assertThatThrownBy(() -> decisions.ask("o-1", " ")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> decisions.ask("o-1", "x".repeat(2001))).isInstanceOf(InvalidRequestException.class);
    verify(messages, never()).publish(any(), any(), any(), any(), anyMap());
  }

  @Test
  @DisplayName("a question about a finished order is refused with 409")
  void finishedOrder() {
    when(orders.summary("o-1")).thenReturn(order("o-1", OrderStatus.DELIVERED, false, List.of(), List.of(),
        io.orderflow.fulfillment.testsupport.OrderSummaries.noQuote()));

    assertThatThrownBy(() -> decisions.ask("o-1", "Where is it?")).isInstanceOf(IllegalOrderStateException.class)
        .hasMessageContaining("DELIVERED");
  }
}
