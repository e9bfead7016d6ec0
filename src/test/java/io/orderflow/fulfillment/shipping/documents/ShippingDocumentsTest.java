package io.orderflow.fulfillment.shipping.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservedLine;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.QuoteSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.Shipping;
import io.orderflow.fulfillment.shipping.Shipping.BookedParcel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which data goes on which parcel's papers, and when they may be had. */
class ShippingDocumentsTest {

  private static final String ORDER_ID = "0b6f7c1e-6a55-4a43-9d59-3f1f7b1c2a10";
  private static final WarehouseAddress SOFIA = new WarehouseAddress("sofia", "Sofia warehouse", "Sofia", "BG");

  private final OrderService orders = mock(OrderService.class);
  private final Shipping shipping = mock(Shipping.class);
  private final Inventory inventory = mock(Inventory.class);
  private final ShippingDocuments documents = new ShippingDocuments(orders, shipping, inventory,
      ZoneId.of("Europe/Madrid"));

  @BeforeEach
  void warehouses() {
    when(inventory.warehouseAddress("warsaw")).thenReturn(Samples.WARSAW);
    when(inventory.warehouseAddress("sofia")).thenReturn(SOFIA);
  }

  @Test
  @DisplayName("A booked parcel's label shows its own warehouse, booking and number among the order's parcels")
  void labelOfBookedParcel() throws Exception {
    // given parcel 2 of 2 leaves Sofia and is booked
    when(orders.summary(ORDER_ID)).thenReturn(order(OrderStatus.PAYMENT_AUTHORIZED));
    when(shipping.booking(ORDER_ID, 2)).thenReturn(Optional.of(
        new BookedParcel("Simulated Express", "SX123456785BG", "LARGE_BOX", 30_500, Instant.parse("2026-11-21T10:00:00Z"))));

    // when
    ShippingDocuments.Pdf label = documents.labelPdf(ORDER_ID, 2);

    // then
    assertThat(label.fileName()).isEqualTo("label-ORD-7KQ2M9XP-2.pdf");
    assertThat(PdfReading.text(label.content())).contains("Sofia warehouse", "Sofia, BULGARIA", Samples.NAME,
        "2 of 2", "30.5 kg", "Large box", "SX123456785BG", "FRAGILE", "Order ORD-7KQ2M9XP")
        .doesNotContain("Warsaw warehouse");
    assertThat(PdfReading.decodeCode128(PdfReading.render(label.content(), 300)).getText()).isEqualTo("SX123456785BG");
    assertThat(documents.label(ORDER_ID, 2)).isEqualTo(label.content());
  }

  @Test
  @DisplayName("A parcel not booked yet has no label (409), and an unknown parcel has none at all (404)")
  void noLabelBeforeBooking() {
    when(orders.summary(ORDER_ID)).thenReturn(order(OrderStatus.PAYMENT_AUTHORIZED));
    when(shipping.booking(ORDER_ID, 1)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> documents.label(ORDER_ID, 1)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Parcel 1 of order ORD-7KQ2M9XP is not booked");
    assertThatThrownBy(() -> documents.label(ORDER_ID, 3)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ORD-7KQ2M9XP/3");
    assertThatThrownBy(() -> documents.packingSlip(ORDER_ID, 3)).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("The packing slip lists the goods reserved for this parcel's warehouse, named as ordered, and the units to follow")
  void packingSlipOfPlannedParcel() {
    // given Warsaw holds the T-shirts and jeans of parcel 1; Sofia the lamp of parcel 2; one print is in no warehouse
    when(orders.summary(ORDER_ID)).thenReturn(order(OrderStatus.PAYMENT_AUTHORIZED));
    when(shipping.booking(ORDER_ID, 1)).thenReturn(Optional.empty());
    when(inventory.reservedLines(ORDER_ID, "warsaw")).thenReturn(List.of(
        new ReservedLine("JEANS-SLIM-W32", 1, "C-02-3"), new ReservedLine("TSHIRT-ORG-L", 2, "C-01-3")));

    // when
    ShippingDocuments.Pdf slip = documents.packingSlipPdf(ORDER_ID, 1);

    // then
    assertThat(slip.fileName()).isEqualTo("packing-slip-ORD-7KQ2M9XP-1.pdf");
    String text = PdfReading.text(slip.content());
    assertThat(text).contains("Parcel 1 of 2", "Order date 2026-11-20", Samples.NAME, "Warsaw warehouse")
        .contains("TSHIRT-ORG-L Organic cotton T-shirt (Size L) 2 C-01-3")
        .contains("JEANS-SLIM-W32 Slim-fit jeans (W32 L32) 1 C-02-3")
        .contains("PRINT-LIMITED Limited art print (signed) 2 to follow")
        .contains("GIFT WRAP", "Wszystkiego najlepszego, Зоя!", "FRAGILE", "ring twice", "30 days")
        .doesNotContain("LAMP-DESK-LED", "zoe@example.com", "pm_card_visa", "250.00", "EUR");
    // in the order's own line order: the T-shirt (line 1) before the jeans (line 2)
    assertThat(text.indexOf("TSHIRT-ORG-L")).isLessThan(text.indexOf("JEANS-SLIM-W32"));
  }

  @Test
  @DisplayName("Once booked, the packing slip also names the carrier and tracking number")
  void packingSlipOfBookedParcel() {
    when(orders.summary(ORDER_ID)).thenReturn(order(OrderStatus.SHIPPED));
    when(shipping.booking(ORDER_ID, 2)).thenReturn(Optional.of(
        new BookedParcel("Simulated Express", "SX123456785BG", "LARGE_BOX", 30_500, Instant.parse("2026-11-21T10:00:00Z"))));
    when(inventory.reservedLines(ORDER_ID, "sofia")).thenReturn(List.of(new ReservedLine("LAMP-DESK-LED", 1, "A-04-1")));

    assertThat(PdfReading.text(documents.packingSlip(ORDER_ID, 2)))
        .contains("Simulated Express · SX123456785BG", "LAMP-DESK-LED LED desk lamp 1 A-04-1", "Parcel 2 of 2");
  }

  @Test
  @DisplayName("A cancelled or expired order has nothing left to pack: 409 for its packing slip")
  void nothingToPackAfterCancellation() {
    when(orders.summary(ORDER_ID)).thenReturn(order(OrderStatus.CANCELLED));
    when(shipping.booking(ORDER_ID, 1)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> documents.packingSlip(ORDER_ID, 1)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("CANCELLED");
  }

  private static OrderSummary order(OrderStatus status) {
    List<LineSummary> lines = List.of(
        new LineSummary(1, "TSHIRT-ORG-L", "Organic cotton T-shirt (Size L)", 2, new BigDecimal("19.90"),
            new BigDecimal("39.80"), 0),
        new LineSummary(2, "JEANS-SLIM-W32", "Slim-fit jeans (W32 L32)", 1, new BigDecimal("59.00"),
            new BigDecimal("59.00"), 0),
        new LineSummary(3, "LAMP-DESK-LED", "LED desk lamp", 1, new BigDecimal("45.00"), new BigDecimal("45.00"), 0),
        new LineSummary(4, "PRINT-LIMITED", "Limited art print (signed)", 3, new BigDecimal("250.00"),
            new BigDecimal("750.00"), 2));
    List<ShipmentSummary> shipments = List.of(
        new ShipmentSummary(1, "warsaw", new BigDecimal("3.1"), 1100, new BigDecimal("5.90"), 2, "PLANNED", null),
        new ShipmentSummary(2, "sofia", new BigDecimal("1041.0"), 30_000, new BigDecimal("14.90"), 4, "PLANNED", null));
    return new OrderSummary(ORDER_ID, "ORD-7KQ2M9XP", status,
        new Customer(Samples.NAME, "zoe@example.com", "+48 600 100 200"), Samples.ADDRESS, Currency.getInstance("EUR"),
        new BigDecimal("893.80"), "CARD", "pm_card_visa", "warsaw", null, null, 42L,
        Instant.parse("2026-11-19T23:30:00Z"), Instant.parse("2026-11-20T08:00:00Z"), lines, Samples.FRAGILE_GIFT, false,
        "split", shipments, new QuoteSummary(new BigDecimal("20.80"), new BigDecimal("414.60"), null, null), "BACKORDER",
        PaymentStatus.AUTHORIZED, null, null);
  }
}
