package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.order.OrderService.CancellationPlan;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Cancelling an order at the customer's (or customer service's) request, until its parcels are handed to the courier.
 * The request is recorded first (a parcel whose cancellation is under way can no longer be handed over), then the
 * process is told: before the warehouse started on the order the whole order is cancelled; afterwards each parcel not
 * handed over is, and the order is cancelled when none is left. The process undoes what was done (compensation).
 * Asking again re-sends the same messages, which the engine de-duplicates.
 */
@Service
public class OrderCancellations {

  private static final Logger log = LoggerFactory.getLogger(OrderCancellations.class);
  /** The message waits this long for a process that is just starting or just entering a parcel's fulfilment. */
  static final Duration MESSAGE_TTL = Duration.ofHours(1);
  static final int MAX_REASON_LENGTH = 500;

  private final OrderService orders;
  private final ProcessMessages messages;

  OrderCancellations(OrderService orders, ProcessMessages messages) {
    this.orders = orders;
    this.messages = messages;
  }

  /**
   * @throws io.orderflow.fulfillment.shared.ConflictException when the order is cancelled or expired already or all its
   *     parcels are with the courier (the problem points to returns)
   */
  public CancellationPlan cancel(String orderId, String reason, String requestedBy) {
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      throw new InvalidRequestException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    CancellationPlan plan = orders.requestCancellation(orderId, reason, requestedBy);
    Map<String, Object> variables = Map.of(Variables.CANCELLATION_REASON, plan.reason());
    if (plan.wholeOrder()) {
      messages.publish(Messages.ORDER_CANCELLATION, orderId, "cancel-" + orderId, MESSAGE_TTL, variables);
      log.info("Order {}: cancellation requested by {} before fulfilment", orderId, requestedBy);
    } else {
      for (int shipmentNo : plan.shipmentNos()) {
        messages.publish(Messages.PARCEL_CANCELLATION, Messages.parcelKey(orderId, shipmentNo),
            "cancel-" + orderId + "-" + shipmentNo, MESSAGE_TTL, variables);
      }
      log.info("Order {}: cancellation of parcel(s) {} requested by {}", orderId, plan.shipmentNos(), requestedBy);
    }
    return plan;
  }
}
