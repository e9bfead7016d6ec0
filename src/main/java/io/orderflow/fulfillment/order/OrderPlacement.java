package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Places an order and starts its process once the order is committed, so the first worker always finds it. When the
 * engine cannot be reached the order stays PLACED and the process is started by the retry below: nothing is lost.
 */
@Service
public class OrderPlacement {

  private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

  private final OrderService orders;
  private final OrderProcessStarter starter;
  private final BackorderSettings backorders;

  OrderPlacement(OrderService orders, OrderProcessStarter starter, BackorderSettings backorders) {
    this.orders = orders;
    this.starter = starter;
    this.backorders = backorders;
  }

  public OrderSummary place(PlaceOrder command) {
    OrderSummary placed = orders.place(command);
    start(placed);
    return orders.summary(placed.id());
  }

  /**
   * Places the order of an accepted campaign offer at the offer's unit prices, through the given channel (normally
   * CAMPAIGN), and starts its process: the port the campaign module calls (see {@link OrderService#placeFromOffer}).
   */
  public OrderSummary placeFromOffer(PlaceOrder command, java.util.Map<String, java.math.BigDecimal> unitPrices,
      OrderChannel channel) {
    OrderSummary placed = orders.placeFromOffer(command, unitPrices, channel);
    start(placed);
    return orders.summary(placed.id());
  }

  @Scheduled(fixedDelayString = "${fulfillment.orders.start-retry-interval:PT15S}",
      initialDelayString = "${fulfillment.orders.start-retry-interval:PT15S}")
  void startStrandedOrders() {
    for (OrderSummary order : orders.withoutProcess(Duration.ofSeconds(10), 100)) {
      log.info("Starting the process of order {} that was placed while the engine was unreachable", order.id());
      start(order);
    }
  }

  /**
   * Starts the process of a committed order (a placed one, a replacement, a backorder order, or one the retry above
   * found without process); on failure the retry above starts it later.
   */
  public void start(OrderSummary order) {
    try {
      // Decision inputs the model routes on; slotWindow may be null (no slot chosen), so no Map.of here.
      java.util.Map<String, Object> decisionInputs = new java.util.HashMap<>();
      decisionInputs.put("paymentMethod", order.paymentMethod());
      decisionInputs.put("deliveryMethod", order.delivery().method().name());
      decisionInputs.put("marketingConsent", order.marketingConsent());
      decisionInputs.put(OrderFulfillmentProcess.Variables.CHANNEL, order.channel().name());
      decisionInputs.put("destinationCountry", order.deliveryCountry());
      decisionInputs.put("slotWindow", order.delivery().slotWindow());
      // false for a free replacement: the process does not wait for the customer to accept the quote
      decisionInputs.put(OrderFulfillmentProcess.Variables.CHARGE_CUSTOMER, order.chargeCustomer());
      // true for a backorder order: its process waits for its stock (at most backorderMaxWait) before it goes on
      decisionInputs.put(OrderFulfillmentProcess.Variables.BACKORDER, order.isBackorder());
      decisionInputs.put(OrderFulfillmentProcess.Variables.BACKORDER_MAX_WAIT, backorders.maxWaitIso());
      long key = starter.startOrderProcess(order.id(), order.orderNumber(), decisionInputs);
      orders.processStarted(order.id(), key);
      log.info("Order {} placed, process instance {}", order.id(), key);
    } catch (RuntimeException e) {
      log.warn("Order {} stored but its process could not be started yet ({}); it will be retried", order.id(),
          e.getMessage());
    }
  }
}
