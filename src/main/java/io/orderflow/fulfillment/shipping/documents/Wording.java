package io.orderflow.fulfillment.shipping.documents;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import java.math.BigDecimal;
import java.util.Locale;

/** How codes read on the documents: countries, delivery methods, slots, package types and weights. */
final class Wording {

  private Wording() {}

  /** "ES" → "SPAIN" (the destination country in capitals, as postal services ask); unknown codes stay as they are. */
  static String country(String isoCode) {
    return io.orderflow.fulfillment.shared.pdf.PdfCanvas.countryName(isoCode);
  }

  static String deliveryMethod(DeliveryMethod method) {
    if (method == null) {
      return "Standard delivery";
    }
    return switch (method) {
      case STANDARD -> "Standard delivery";
      case EXPRESS -> "Express delivery";
      case PICKUP_POINT -> "Pickup point";
    };
  }

  /** The chosen day and window ("2026-11-24, 09:00-13:00", "2026-11-24, all day"), or empty without a slot. */
  static String slot(Delivery delivery) {
    if (delivery == null || delivery.slotDate() == null) {
      return "";
    }
    String window = delivery.slotWindow() == null || "ALL_DAY".equals(delivery.slotWindow()) ? "all day"
        : delivery.slotWindow();
    return delivery.slotDate() + ", " + window;
  }

  /** The packer's choice as the pack form names it ("MEDIUM_BOX" → "Medium box", "ENVELOPE" → "Padded envelope"). */
  static String packageType(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    if (code.equals("ENVELOPE")) {
      return "Padded envelope";
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** 1450 → "1.45 kg". */
  static String kilograms(int grams) {
    return BigDecimal.valueOf(grams).movePointLeft(3).stripTrailingZeros().toPlainString() + " kg";
  }
}
