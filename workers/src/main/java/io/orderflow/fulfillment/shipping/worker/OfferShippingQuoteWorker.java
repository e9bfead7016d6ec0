package io.orderflow.fulfillment.shipping.worker;

import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.CANCELLATION_REASON;
import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.QUOTE_VALID_FOR;
import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.QUOTE_VALID_UNTIL;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Errors;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shipping.ShippingQuotes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Offers the per-parcel quotes the decision computed; the process waits {@code quoteValidFor} for the answer. */
@Component
public class OfferShippingQuoteWorker {

  private final ShippingQuotes quotes;

  public OfferShippingQuoteWorker(ShippingQuotes quotes) {
    this.quotes = quotes;
  }

  @JobWorker(type = JobTypes.OFFER_SHIPPING_QUOTE)
  public Map<String, Object> offerShippingQuote(@Variable String orderId,
      @Variable List<Map<String, Object>> shipmentQuotes) {
    try {
      ShippingQuotes.Offer offer = quotes.offer(orderId, shipmentQuotes);
      // The timer waits for the validity (a duration), so it does not depend on the engine's and the app's clocks
      // agreeing; the end as a date is what the customer is shown.
      return Map.of(QUOTE_VALID_UNTIL, offer.validUntil().toString(), QUOTE_VALID_FOR, offer.validFor().toString());
    } catch (ShippingQuotes.NoQuoteException e) {
      throw CamundaError.bpmnError(Errors.NO_SHIPPING_QUOTE, e.getMessage(), Map.of(CANCELLATION_REASON, e.getMessage()));
    }
  }
}
