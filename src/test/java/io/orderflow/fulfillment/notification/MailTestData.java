package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.QuoteSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Settings and orders for the mail tests. */
final class MailTestData {

  static final LocalDate SLOT_DATE = LocalDate.of(2026, 11, 24);

  private MailTestData() {}

  static MailSettings settings() {
    return settings(true, Duration.ofSeconds(30), 3);
  }

  static MailSettings settings(boolean enabled, Duration initialBackoff, int maxAttempts) {
    return new MailSettings(enabled, "Orderflow Shop <orders@shop.example>", Duration.ofSeconds(5), 10,
        Duration.ofMinutes(2), maxAttempts, initialBackoff, Duration.ofHours(1), Map.of(
            Audience.CUSTOMER_SERVICE, "customer-service@shop.example",
            Audience.MARKETING, "marketing@shop.example",
            Audience.FINANCE, "finance@shop.example",
            Audience.WAREHOUSE, "warehouse@shop.example",
            Audience.PURCHASING, "purchasing@shop.example"),
        new MailSettings.EmbeddedSmtp(false, 0));
  }

  /** Two lines, express delivery with gift wrap, two parcels of which the first shipped once the order is SHIPPED. */
  static OrderSummary order(OrderStatus status, String paymentReference, String instructions) {
    boolean shipped = status == OrderStatus.SHIPPED;
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    return new OrderSummary("order-1", "ORD-TEST2345", status, new Customer("Ana García", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), new BigDecimal("129.75"),
        "CARD", paymentReference, "madrid", null, null, 42L, now, now,
        List.of(new LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"),
                new BigDecimal("39.80"), 0),
            new LineSummary(2, "SNEAKER-TRAIL-42", "Trail running shoes (EU 42)", 1, new BigDecimal("89.95"),
                new BigDecimal("89.95"), 0)),
        new Delivery(DeliveryMethod.EXPRESS, null, SLOT_DATE, "09:00-13:00", true, "Happy birthday!", false,
            instructions),
        true, "nearest", List.of(
            new ShipmentSummary(1, "madrid", new BigDecimal("3.2"), 1090, new BigDecimal("2.90"), 1,
                shipped ? "SHIPPED" : "PLANNED", shipped ? "SX643681112ES" : null),
            new ShipmentSummary(2, "warsaw", new BigDecimal("2010.7"), 190, new BigDecimal("2.00"), 3, "PLANNED",
                null)),
        new QuoteSummary(new BigDecimal("4.90"), new BigDecimal("134.65"), now.plusSeconds(1800), now),
        null, PaymentStatus.AUTHORIZED, null, now);
  }

  /** The plain-text part of a received mail. */
  static String plainText(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = plainText(multipart.getBodyPart(i));
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The order in the customer's language (en, es, pl, bg). */
  static OrderSummary inLanguage(OrderSummary o, String language) {
    return new OrderSummary(o.id(), o.orderNumber(), o.status(), o.customer(), o.shippingAddress(), o.currency(),
        o.totalAmount(), o.paymentMethod(), o.paymentReference(), o.warehouseId(), o.trackingNumber(),
        o.cancellationReason(), o.processInstanceKey(), o.placedAt(), o.updatedAt(), o.lines(), o.delivery(),
        o.marketingConsent(), o.routingReason(), o.shipments(), o.quote(), o.backorderDecision(), o.paymentStatus(),
        o.paymentDetail(), o.acknowledgedAt(), language);
  }

  /**
   * A free replacement of order ORD-ORIG2345 decided by RMA-2026-0042: one T-shirt at 0.00, no shipping cost, nothing
   * due, in the customer's language.
   */
  static OrderSummary replacement(String language) {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    return new OrderSummary("order-2", "ORD-REPL2345", OrderStatus.PAYMENT_AUTHORIZED,
        new Customer("Ana García", "ana@example.com", null), new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
        Currency.getInstance("EUR"), new BigDecimal("0.00"), "NO_CHARGE", null, "madrid", null, null, 43L, now, now,
        List.of(new LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1, new BigDecimal("0.00"),
            new BigDecimal("0.00"), 0)),
        Delivery.standard(), false, "nearest",
        List.of(new ShipmentSummary(1, "madrid", new BigDecimal("3.2"), 180, new BigDecimal("0.00"), 1, "PLANNED",
            null)),
        new QuoteSummary(new BigDecimal("0.00"), new BigDecimal("0.00"), now.plusSeconds(1800), now),
        null, PaymentStatus.NO_CHARGE, null, now, language,
        new io.orderflow.fulfillment.order.OrderService.ReplacementFor("order-1", "ORD-ORIG2345", "RMA-2026-0042"));
  }

  /** What the catalogue says of the order's products (name, size/colour); the shoes picked with a serial number. */
  static Map<String, ItemDetails.Item> items(String... shoeSerials) {
    return Map.of("TSHIRT-ORG-M", new ItemDetails.Item("Organic cotton T-shirt", "Size M", List.of()),
        "SNEAKER-TRAIL-42", new ItemDetails.Item("Trail running shoes", "EU 42", List.of(shoeSerials)));
  }

  static OrderSummary withCustomer(OrderSummary o, String name) {
    return new OrderSummary(o.id(), o.orderNumber(), o.status(), new Customer(name, o.customer().email(), null),
        o.shippingAddress(), o.currency(), o.totalAmount(), o.paymentMethod(), o.paymentReference(), o.warehouseId(),
        o.trackingNumber(), o.cancellationReason(), o.processInstanceKey(), o.placedAt(), o.updatedAt(), o.lines(),
        o.delivery(), o.marketingConsent(), o.routingReason(), o.shipments(), o.quote(), o.backorderDecision(),
        o.paymentStatus(), o.paymentDetail(), o.acknowledgedAt());
  }
}
