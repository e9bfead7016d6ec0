package io.orderflow.fulfillment.shipping.documents;

import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import java.time.LocalDate;
import java.util.List;

/** Documents' contents for tests: a customer whose name needs Latin-Extended and Cyrillic letters. */
final class Samples {

  static final String NAME = "Zoë Łukasiewicz-Иванова";
  static final String TRACKING = "SX473129582PL";
  static final WarehouseAddress WARSAW = new WarehouseAddress("warsaw", "Warsaw warehouse", "Warszawa", "PL");
  static final Address ADDRESS = new Address("ul. Świętokrzyska 12 m. 4", "00-001", "Warszawa", "PL");
  static final Delivery FRAGILE_GIFT = new Delivery(DeliveryMethod.STANDARD, null, LocalDate.of(2026, 11, 24),
      "09:00-13:00", true, "Wszystkiego najlepszego, Зоя!", true, "Leave it with the concierge, ring twice");
  static final Delivery PLAIN = new Delivery(DeliveryMethod.EXPRESS, null, LocalDate.of(2026, 11, 24), "13:00-17:00",
      false, null, false, null);

  private Samples() {}

  static LabelContent label(Delivery delivery) {
    return new LabelContent("ORD-7KQ2M9XP", 1, 2, WARSAW, NAME, "+48 600 100 200", ADDRESS, delivery,
        "Simulated Express", TRACKING, 1450, "MEDIUM_BOX");
  }

  static PackingSlipContent slip(Delivery delivery, List<PackingSlipContent.Line> lines,
      List<PackingSlipContent.Line> toFollow) {
    return new PackingSlipContent("ORD-7KQ2M9XP", LocalDate.of(2026, 11, 20), 1, 2, WARSAW, NAME, ADDRESS, delivery,
        lines, toFollow, null, null);
  }
}
