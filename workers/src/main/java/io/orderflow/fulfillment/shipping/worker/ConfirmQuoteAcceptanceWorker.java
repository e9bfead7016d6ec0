package io.orderflow.fulfillment.shipping.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shipping.ShippingQuotes;
import org.springframework.stereotype.Component;

/** The customer's acceptance won the race against the quote's expiry: the order is confirmed. */
@Component
public class ConfirmQuoteAcceptanceWorker {

  private final ShippingQuotes quotes;

  public ConfirmQuoteAcceptanceWorker(ShippingQuotes quotes) {
    this.quotes = quotes;
  }

  @JobWorker(type = JobTypes.CONFIRM_QUOTE_ACCEPTANCE)
  public void confirmQuoteAcceptance(@Variable String orderId) {
    quotes.accepted(orderId);
  }
}
