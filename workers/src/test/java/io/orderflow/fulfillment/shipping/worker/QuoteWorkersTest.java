package io.orderflow.fulfillment.shipping.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shipping.ShippingQuotes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quote steps")
class QuoteWorkersTest {

  private final ShippingQuotes quotes = mock(ShippingQuotes.class);

  @Test
  @DisplayName("offer the quote and give the process its validity as a duration and as an end")
  void offer() {
    List<Map<String, Object>> results = List.of(Map.of("cost", 4.9, "transitDays", 2));
    when(quotes.offer("order-1", results))
        .thenReturn(new ShippingQuotes.Offer(Duration.ofMinutes(30), Instant.parse("2026-11-23T10:30:00Z")));

    Map<String, Object> variables = new OfferShippingQuoteWorker(quotes).offerShippingQuote("order-1", results);

    assertThat(variables).containsEntry("quoteValidFor", "PT30M")
        .containsEntry("quoteValidUntil", "2026-11-23T10:30:00Z");
  }

  @Test
  @DisplayName("raise NO_SHIPPING_QUOTE with the reason when a parcel has no quote")
  void noQuote() throws Exception {
    java.lang.reflect.Constructor<ShippingQuotes.NoQuoteException> c =
        ShippingQuotes.NoQuoteException.class.getDeclaredConstructor(String.class);
    c.setAccessible(true);
    when(quotes.offer("order-1", List.of())).thenThrow(c.newInstance("No shipping quote for parcel 1"));

    assertThatThrownBy(() -> new OfferShippingQuoteWorker(quotes).offerShippingQuote("order-1", List.of()))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("NO_SHIPPING_QUOTE");
          assertThat(e.getVariables()).isEqualTo(Map.of("cancellationReason", "No shipping quote for parcel 1"));
        });
  }

  @Test
  @DisplayName("confirm the acceptance that reached the process")
  void confirm() {
    new ConfirmQuoteAcceptanceWorker(quotes).confirmQuoteAcceptance("order-1");
    verify(quotes).accepted("order-1");
  }

  @Test
  @DisplayName("subscribe to the job types the process model uses")
  void jobTypes() throws NoSuchMethodException {
    assertThat(OfferShippingQuoteWorker.class.getMethod("offerShippingQuote", String.class, List.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.OFFER_SHIPPING_QUOTE);
    assertThat(ConfirmQuoteAcceptanceWorker.class.getMethod("confirmQuoteAcceptance", String.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.CONFIRM_QUOTE_ACCEPTANCE);
  }
}
