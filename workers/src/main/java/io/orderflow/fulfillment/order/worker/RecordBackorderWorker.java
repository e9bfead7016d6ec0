package io.orderflow.fulfillment.order.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.Backorders;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer chose to receive the available items now: the unavailable units are not charged with this order but
 * become its backorder order, which waits for stock. Answers {@code backorderOrderId}; a repeated job places nothing
 * twice and answers the same id.
 */
@Component
public class RecordBackorderWorker {

  private final Backorders backorders;

  public RecordBackorderWorker(Backorders backorders) {
    this.backorders = backorders;
  }

  @JobWorker(type = JobTypes.RECORD_BACKORDER)
  public Map<String, Object> recordBackorder(@Variable String orderId) {
    return Map.of(Variables.BACKORDER_ORDER_ID, backorders.backorderUnavailable(orderId).orderId());
  }
}
