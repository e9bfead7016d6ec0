package io.orderflow.fulfillment.testsupport;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.QuoteSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Order summaries for unit tests of the features that read orders. */
public final class OrderSummaries {

  public static OrderSummary order(String id, OrderStatus status, boolean marketingConsent, List<LineSummary> lines,
      List<ShipmentSummary> shipments, QuoteSummary quote) {
    BigDecimal goods = lines.stream().map(LineSummary::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new OrderSummary(id, "ORD-TEST2345", status, new Customer("Ana García", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), goods, "CARD",
        "pm_card_visa", shipments.isEmpty() ? null : shipments.get(0).warehouseId(), null, null, 1L,
        Instant.EPOCH, Instant.EPOCH, lines, OrderService.Delivery.standard(), marketingConsent, "nearest",
        shipments, quote, null, PaymentStatus.PENDING, null, null);
  }

  public static LineSummary line(int no, String sku, int quantity, String unitPrice, int unavailable) {
    BigDecimal price = new BigDecimal(unitPrice);
    return new LineSummary(no, sku, sku + " (product)", quantity, price, price.multiply(BigDecimal.valueOf(quantity)),
        unavailable);
  }

  public static ShipmentSummary parcel(int no, String warehouse, String distanceKm, int grams) {
    return new ShipmentSummary(no, warehouse, new BigDecimal(distanceKm), grams, null, null, "PLANNED", null);
  }

  public static QuoteSummary noQuote() {
    return new QuoteSummary(null, null, null, null);
  }

  private OrderSummaries() {}
}
