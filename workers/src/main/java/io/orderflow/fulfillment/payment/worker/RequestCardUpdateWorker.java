package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** "Mark payment awaiting new card": after a decline the payment waits for the customer's next card. */
@Component
public class RequestCardUpdateWorker {

  private final Payments payments;

  public RequestCardUpdateWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.REQUEST_CARD_UPDATE)
  public void requestCardUpdate(@Variable String orderId) {
    payments.awaitCardUpdate(orderId);
  }
}
