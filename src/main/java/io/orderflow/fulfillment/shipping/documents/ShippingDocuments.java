package io.orderflow.fulfillment.shipping.documents;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservedLine;
import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.Shipping;
import io.orderflow.fulfillment.shipping.Shipping.BookedParcel;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The papers of one parcel, made on request from what is stored (nothing is kept): the courier's shipping label once
 * the parcel is booked, and the packing slip from the moment the parcel is planned. Both are PDFs; the same order
 * state always gives the same document. No e-mail address, price or payment data is printed.
 */
@Service
public class ShippingDocuments {

  private static final Logger log = LoggerFactory.getLogger(ShippingDocuments.class);
  private static final Set<OrderStatus> NOTHING_TO_PACK = Set.of(OrderStatus.CANCELLED, OrderStatus.EXPIRED);

  /** A generated document and the file name to offer it under. */
  public record Pdf(String fileName, byte[] content) {}

  private final OrderService orders;
  private final Shipping shipping;
  private final Inventory inventory;
  private final ZoneId zone;

  ShippingDocuments(OrderService orders, Shipping shipping, Inventory inventory,
      @Value("${fulfillment.delivery.zone:Europe/Madrid}") ZoneId zone) {
    this.orders = orders;
    this.shipping = shipping;
    this.inventory = inventory;
    this.zone = zone;
  }

  /**
   * The courier's label of one parcel (4 × 6 in).
   *
   * @throws NotFoundException for an unknown order or parcel
   * @throws ConflictException while the parcel is not booked with a courier
   */
  public byte[] label(String orderId, int shipmentNo) {
    return labelPdf(orderId, shipmentNo).content();
  }

  /** The label with its file name, e.g. {@code label-ORD-7KQ2M9XP-1.pdf}. */
  public Pdf labelPdf(String orderId, int shipmentNo) {
    OrderSummary order = orders.summary(orderId);
    ShipmentSummary parcel = parcel(order, shipmentNo);
    BookedParcel booked = shipping.booking(orderId, shipmentNo).orElseThrow(() -> new ConflictException(
        "Parcel " + shipmentNo + " of order " + order.orderNumber() + " is not booked with a courier yet: its label"
            + " exists once the courier is booked (order status " + order.status() + ")"));
    LabelContent content = new LabelContent(order.orderNumber(), parcel.shipmentNo(), order.shipments().size(),
        inventory.warehouseAddress(parcel.warehouseId()), order.customer().name(), order.customer().phone(),
        order.shippingAddress(), order.delivery(), booked.carrier(), booked.trackingNumber(), booked.weightGrams(),
        booked.packageType());
    byte[] pdf = ShippingLabelPdf.render(content);
    log.debug("Shipping label of order {} parcel {} generated ({} bytes)", orderId, shipmentNo, pdf.length);
    return new Pdf("label-" + order.orderNumber() + "-" + shipmentNo + ".pdf", pdf);
  }

  /**
   * The packing slip of one parcel (A4): its lines with their bins, what follows later, the customer's wishes and the
   * return instructions.
   *
   * @throws NotFoundException for an unknown order or parcel
   * @throws ConflictException when the order was cancelled or expired before the parcel left (nothing to pack)
   */
  public byte[] packingSlip(String orderId, int shipmentNo) {
    return packingSlipPdf(orderId, shipmentNo).content();
  }

  /** The packing slip with its file name, e.g. {@code packing-slip-ORD-7KQ2M9XP-1.pdf}. */
  public Pdf packingSlipPdf(String orderId, int shipmentNo) {
    OrderSummary order = orders.summary(orderId);
    ShipmentSummary parcel = parcel(order, shipmentNo);
    BookedParcel booked = shipping.booking(orderId, shipmentNo).orElse(null);
    if (booked == null && NOTHING_TO_PACK.contains(order.status())) {
      throw new ConflictException("Order " + order.orderNumber() + " is " + order.status()
          + ": parcel " + shipmentNo + " will not be packed");
    }
    Map<String, LineSummary> ordered = order.lines().stream()
        .collect(Collectors.toMap(LineSummary::sku, Function.identity(), (a, b) -> a));
    Comparator<PackingSlipContent.Line> byOrderLine = Comparator.comparingInt(
        l -> ordered.containsKey(l.sku()) ? ordered.get(l.sku()).lineNo() : Integer.MAX_VALUE);
    List<PackingSlipContent.Line> lines = inventory.reservedLines(orderId, parcel.warehouseId()).stream()
        .map((ReservedLine r) -> new PackingSlipContent.Line(r.sku(), productName(ordered, r.sku()), r.quantity(),
            r.binLocation()))
        .sorted(byOrderLine.thenComparing(PackingSlipContent.Line::sku))
        .toList();
    List<PackingSlipContent.Line> toFollow = order.lines().stream().filter(l -> l.unavailableQuantity() > 0)
        .map(l -> new PackingSlipContent.Line(l.sku(), l.productName(), l.unavailableQuantity(), null))
        .toList();
    WarehouseAddress from = inventory.warehouseAddress(parcel.warehouseId());
    PackingSlipContent content = new PackingSlipContent(order.orderNumber(), order.placedAt().atZone(zone).toLocalDate(),
        parcel.shipmentNo(), order.shipments().size(), from, order.customer().name(), order.shippingAddress(),
        order.delivery(), lines, toFollow, booked == null ? null : booked.carrier(),
        booked == null ? null : booked.trackingNumber());
    byte[] pdf = PackingSlipPdf.render(content);
    log.debug("Packing slip of order {} parcel {} generated ({} bytes)", orderId, shipmentNo, pdf.length);
    return new Pdf("packing-slip-" + order.orderNumber() + "-" + shipmentNo + ".pdf", pdf);
  }

  private static ShipmentSummary parcel(OrderSummary order, int shipmentNo) {
    return order.shipments().stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst()
        .orElseThrow(() -> new NotFoundException("Parcel", order.orderNumber() + "/" + shipmentNo));
  }

  private static String productName(Map<String, LineSummary> ordered, String sku) {
    LineSummary line = ordered.get(sku);
    return line == null ? sku : line.productName();
  }
}
