package io.orderflow.fulfillment.shipping;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Courier booking for a packed order and the carrier's tracking events. */
@Service
public class Shipping {

  private static final Logger log = LoggerFactory.getLogger(Shipping.class);
  static final Duration DELIVERY_MESSAGE_TTL = Duration.ofDays(1);

  public record Booked(String carrier, String trackingNumber) {}

  /** A parcel with the courier: what its label shows. */
  public record BookedParcel(String carrier, String trackingNumber, String packageType, int weightGrams,
      Instant bookedAt) {}

  public record CourierEvent(String eventId, String trackingNumber, TrackingEventType type, String location,
      Instant occurredAt) {}

  public enum TrackingEventType { PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED }

  public enum Recorded { RECORDED, DUPLICATE }

  private final ShipmentRepository shipments;
  private final TrackingEventRepository events;
  private final CourierGateway courier;
  private final OrderService orders;
  private final Inventory inventory;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  Shipping(ShipmentRepository shipments, TrackingEventRepository events, CourierGateway courier, OrderService orders,
      Inventory inventory, ProcessMessages messages, PlatformTransactionManager txManager, Clock clock) {
    this.shipments = shipments;
    this.events = events;
    this.courier = courier;
    this.orders = orders;
    this.inventory = inventory;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Books the courier for one packed parcel of the order, issues the stock reserved in its warehouse and marks the
   * parcel shipped. A repeated call returns the booking already made.
   */
  public Booked bookCourier(String orderId, int shipmentNo, String packageType, BigDecimal weightKg) {
    Optional<Shipment> existing = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo);
    if (existing.isPresent()) {
      return new Booked(existing.get().carrier(), existing.get().trackingNumber());
    }
    if (packageType == null || packageType.isBlank()) {
      throw new InvalidRequestException("packageType", "the packer must choose a package type");
    }
    if (weightKg == null || weightKg.signum() <= 0) {
      throw new InvalidRequestException("parcelWeightKg", "must be a positive weight");
    }
    OrderSummary order = orders.summary(orderId);
    OrderService.ShipmentSummary planned = order.shipments().stream().filter(s -> s.shipmentNo() == shipmentNo)
        .findFirst().orElseThrow(() -> new ConflictException("Order " + order.orderNumber() + " has no parcel "
            + shipmentNo + " planned"));
    String warehouseId = planned.warehouseId();
    int grams = weightKg.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    CourierGateway.Booking booking = courier.book(new CourierGateway.BookingRequest(orderId + "/" + shipmentNo,
        warehouseId, inventory.countryOf(warehouseId), order.shippingAddress().postalCode(),
        order.shippingAddress().city(), order.deliveryCountry(), grams, packageType));
    try {
      tx.executeWithoutResult(status -> {
        shipments.saveAndFlush(new Shipment(orderId, shipmentNo, warehouseId, booking.carrier(),
            booking.trackingNumber(), packageType, grams, clock.instant()));
        inventory.issueForShipment(orderId, warehouseId);
        orders.shipmentShipped(orderId, shipmentNo, booking.trackingNumber());
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      Shipment won = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow(() -> concurrentDuplicate);
      return new Booked(won.carrier(), won.trackingNumber());
    }
    log.info("Courier {} booked for order {} parcel {}, tracking number {}", booking.carrier(), orderId, shipmentNo,
        booking.trackingNumber());
    return new Booked(booking.carrier(), booking.trackingNumber());
  }

  /** The courier booking of one parcel of the order; empty while the parcel is not booked. */
  public Optional<BookedParcel> booking(String orderId, int shipmentNo) {
    return shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).map(s -> new BookedParcel(s.carrier(),
        s.trackingNumber(), s.packageType(), s.weightGrams(), s.bookedAt()));
  }

  /**
   * Records a carrier event once (by its event id). A delivery is passed on to the order's process; if that fails the
   * carrier's retry of the same event passes it on again.
   */
  public Recorded record(CourierEvent event) {
    record Stored(boolean duplicate, String orderId, boolean mustPublish) {}
    Stored stored;
    try {
      stored = tx.execute(status -> {
        Optional<TrackingEvent> known = events.findByEventId(event.eventId());
        Shipment shipment = shipments.findByTrackingNumber(event.trackingNumber())
            .orElseThrow(() -> new NotFoundException("Shipment with tracking number", event.trackingNumber()));
        if (known.isPresent()) {
          TrackingEvent k = known.get();
          return new Stored(true, shipment.orderId(), k.type() == TrackingEventType.DELIVERED && k.publishedAt() == null);
        }
        TrackingEventType type = event.type();
        events.saveAndFlush(new TrackingEvent(event.eventId(), event.trackingNumber(), type, event.location(),
            event.occurredAt(), clock.instant()));
        boolean newlyDelivered = false;
        if (type == TrackingEventType.DELIVERED) {
          newlyDelivered = shipment.delivered(event.occurredAt());
          if (newlyDelivered) {
            orders.shipmentDelivered(shipment.orderId(), shipment.shipmentNo());
          }
        } else {
          shipment.inTransit();
        }
        return new Stored(false, shipment.orderId(), newlyDelivered);
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return Recorded.DUPLICATE;
    }
    if (stored.mustPublish()) {
      // Each parcel's fulfilment waits for its own delivery: the correlation key is the tracking number.
      messages.publish(OrderFulfillmentProcess.Messages.PARCEL_DELIVERED, event.trackingNumber(),
          "parcel-delivered-" + event.trackingNumber(), DELIVERY_MESSAGE_TTL,
          Map.of("deliveredAt", event.occurredAt().toString()));
      tx.executeWithoutResult(status -> events.findByEventId(event.eventId()).ifPresent(e -> e.published(clock.instant())));
      log.info("Delivery of order {} (tracking {}) reported by the courier", stored.orderId(), event.trackingNumber());
    }
    return stored.duplicate() ? Recorded.DUPLICATE : Recorded.RECORDED;
  }
}
