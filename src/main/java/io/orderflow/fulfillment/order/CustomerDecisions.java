package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.BackorderChoice;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Messages;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the customer tells the running order process: the quote is accepted, what to do about unavailable items, a
 * question for customer service. Each is checked against the order first (409 when the process is not waiting for
 * it) and then published as a message; a repeated click publishes the same message id, which the engine ignores.
 */
@Service
public class CustomerDecisions {

  private static final Logger log = LoggerFactory.getLogger(CustomerDecisions.class);
  /** The process waits up to 2 days for the backorder answer; the message need not outlive that. */
  static final Duration DECISION_TTL = Duration.ofHours(1);
  static final int MAX_QUESTION_LENGTH = 2000;

  private final OrderService orders;
  private final ProcessMessages messages;
  private final Clock clock;

  CustomerDecisions(OrderService orders, ProcessMessages messages, Clock clock) {
    this.orders = orders;
    this.messages = messages;
    this.clock = clock;
  }

  /** Accepts the open quote. The message lives only until the quote's validity ends. */
  public OrderSummary acceptQuote(String orderId) {
    OrderSummary order = orders.requireOpenQuote(orderId);
    Duration remaining = Duration.between(clock.instant(), order.quote().validUntil());
    messages.publish(Messages.QUOTE_ACCEPTED, orderId, "quote-accepted-" + orderId, remaining, Map.of());
    log.info("Order {}: customer accepted the shipping quote", orderId);
    return order;
  }

  /** Ship what is available and backorder the rest, or cancel the order. */
  public OrderSummary decideAboutUnavailableItems(String orderId, BackorderChoice choice) {
    if (choice == null) {
      throw new InvalidRequestException("choice", "must be SHIP_AVAILABLE or CANCEL");
    }
    OrderSummary order = orders.requireAwaitingBackorderDecision(orderId);
    Map<String, Object> variables = choice == BackorderChoice.CANCEL
        ? Map.of(Variables.BACKORDER_CHOICE, choice.name(),
            Variables.CANCELLATION_REASON, "Cancelled by the customer: some items were not available")
        : Map.of(Variables.BACKORDER_CHOICE, choice.name());
    messages.publish(Messages.BACKORDER_DECISION, orderId, "backorder-decision-" + orderId, DECISION_TTL, variables);
    log.info("Order {}: customer decided {} about unavailable items", orderId, choice);
    return order;
  }

  /** A question for customer service about a running order; each question is a new task. */
  public OrderSummary ask(String orderId, String question) {
    if (question == null || question.isBlank()) {
      throw new InvalidRequestException("question", "must not be blank");
    }
    if (question.length() > MAX_QUESTION_LENGTH) {
      throw new InvalidRequestException("question", "must be at most " + MAX_QUESTION_LENGTH + " characters");
    }
    OrderSummary order = orders.summary(orderId);
    if (order.processInstanceKey() == null || order.status() == OrderStatus.DELIVERED
        || order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.EXPIRED) {
      throw new IllegalOrderStateException(order.orderNumber(), order.status(),
          "asked about here (only orders in progress take questions; contact customer service)");
    }
    messages.publish(Messages.CUSTOMER_QUESTION, orderId, "question-" + UUID.randomUUID(), Duration.ZERO,
        Map.of(Variables.QUESTION, question.strip()));
    return order;
  }
}
