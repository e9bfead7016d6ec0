package io.orderflow.fulfillment.shipping;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentQuote;
import io.orderflow.fulfillment.order.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipping quote the customer confirms: one cost per parcel from the shipping-quote decision, offered with a
 * validity end; the reservation is held until then, and until shipment once the customer accepts.
 */
@Service
public class ShippingQuotes {

  private static final Logger log = LoggerFactory.getLogger(ShippingQuotes.class);

  /** No rule of the decision matched a parcel (e.g. too heavy for the delivery method): nothing can be offered. */
  public static class NoQuoteException extends RuntimeException {
    NoQuoteException(String message) {
      super(message);
    }
  }

  /** The offer: open for {@code validFor}, which ends at {@code validUntil}. */
  public record Offer(java.time.Duration validFor, Instant validUntil) {}

  private final OrderService orders;
  private final Inventory inventory;
  private final QuoteProperties properties;
  private final Clock clock;

  ShippingQuotes(OrderService orders, Inventory inventory, QuoteProperties properties, Clock clock) {
    this.orders = orders;
    this.inventory = inventory;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Offers the quote: {@code decisionResults} holds the decision's result per parcel, in the order of the order's
   * parcels ({cost, transitDays}, or null where no rule matched). Returns how long the offer is open and when it ends.
   * Offering again (a repeated job) returns the first offer's end and the time left until then.
   */
  @Transactional
  public Offer offer(String orderId, List<Map<String, Object>> decisionResults) {
    OrderSummary order = orders.summary(orderId);
    if (order.status() == OrderStatus.QUOTED) {
      java.time.Duration left = java.time.Duration.between(clock.instant(), order.quote().validUntil());
      return new Offer(left.isNegative() ? java.time.Duration.ZERO : left.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          order.quote().validUntil());
    }
    if (decisionResults == null || decisionResults.size() != order.shipments().size()) {
      throw new IllegalArgumentException("Order " + order.orderNumber() + " has " + order.shipments().size()
          + " parcel(s) but " + (decisionResults == null ? 0 : decisionResults.size()) + " quote result(s)");
    }
    Map<Integer, ShipmentQuote> quotes = new LinkedHashMap<>();
    for (int i = 0; i < decisionResults.size(); i++) {
      OrderService.ShipmentSummary parcel = order.shipments().get(i);
      Map<String, Object> result = decisionResults.get(i);
      if (result == null || result.get("cost") == null || result.get("transitDays") == null) {
        throw new NoQuoteException("No shipping quote for parcel " + parcel.shipmentNo() + " from " + parcel.warehouseId()
            + " (" + parcel.distanceKm() + " km, "
            + BigDecimal.valueOf(parcel.weightGrams()).movePointLeft(3).stripTrailingZeros().toPlainString()
            + " kg) by " + order.delivery().method());
      }
      BigDecimal cost = new BigDecimal(result.get("cost").toString()).setScale(2, RoundingMode.HALF_UP);
      int transitDays = new BigDecimal(result.get("transitDays").toString()).intValueExact();
      quotes.put(parcel.shipmentNo(), new ShipmentQuote(cost, transitDays));
    }
    Instant validUntil = clock.instant().plus(properties.validity()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    orders.quoted(orderId, quotes, validUntil);
    inventory.holdUntil(orderId, validUntil);
    log.info("Order {} quoted: shipping {} for {} parcel(s), valid until {}", orderId,
        quotes.values().stream().map(ShipmentQuote::cost).reduce(BigDecimal.ZERO, BigDecimal::add), quotes.size(),
        validUntil);
    return new Offer(properties.validity(), validUntil);
  }

  /** The process caught the acceptance: the order is confirmed and the goods stay reserved until they ship. */
  @Transactional
  public void accepted(String orderId) {
    orders.quoteAccepted(orderId);
    inventory.holdUntilShipped(orderId);
  }
}
