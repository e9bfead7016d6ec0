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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /**
   * One carrier event.
   *
   * @param estimatedDelivery the ETA the carrier announces with it, if any
   * @param reason why a delivery failed or how the parcel was damaged, if the carrier says
   */
  public record CourierEvent(String eventId, String trackingNumber, TrackingEventType type, String location,
      Instant occurredAt, Instant estimatedDelivery, String reason) {

    public CourierEvent(String eventId, String trackingNumber, TrackingEventType type, String location,
        Instant occurredAt) {
      this(eventId, trackingNumber, type, location, occurredAt, null, null);
    }
  }

  public enum TrackingEventType { COLLECTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED, DAMAGED, RETURNED }

  /** The courier chosen for a parcel (the courier-selection decision): carrier and collection cut-off, e.g. 12:00. */
  public record CourierChoice(String carrier, String collectionCutoff) {

    public static final CourierChoice DEFAULT = new CourierChoice(null, null);
  }

  /** One carrier event as the tracking views show it. */
  public record TrackingStep(TrackingEventType type, String location, Instant occurredAt) {}

  /** One parcel of an order, for the shop and customer service; carrier and tracking number empty until booked. */
  public record ParcelTracking(int shipmentNo, String warehouseId, String carrier, String trackingNumber,
      String status, Instant estimatedDelivery, Instant collectionPlannedAt, List<TrackingStep> events) {}

  /** What anyone with the tracking number may see: no name, address, e-mail, order or amount. */
  public record PublicTracking(String trackingNumber, String carrier, String status, Instant estimatedDelivery,
      List<TrackingStep> events) {}

  public enum Recorded { RECORDED, DUPLICATE }

  /** The return parcel of an RMA as its label and the returns module show it. */
  public record ReturnParcelView(String rmaNumber, String orderId, String warehouseId, String carrier,
      String trackingNumber, String status, Instant bookedAt, Instant deliveredAt) {}

  private final ShipmentRepository shipments;
  private final ReturnParcelRepository returnParcels;
  private final TrackingEventRepository events;
  private final CourierGateway courier;
  private final OrderService orders;
  private final Inventory inventory;
  private final ProcessMessages messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  Shipping(ShipmentRepository shipments, ReturnParcelRepository returnParcels, TrackingEventRepository events,
      CourierGateway courier, OrderService orders, Inventory inventory, ProcessMessages messages,
      PlatformTransactionManager txManager, Clock clock) {
    this.shipments = shipments;
    this.returnParcels = returnParcels;
    this.events = events;
    this.courier = courier;
    this.orders = orders;
    this.inventory = inventory;
    this.messages = messages;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Books the courier for one packed parcel of the order and records its tracking number on the order; the goods stay
   * in the warehouse's stock until the parcel is handed over ({@link #dispatch}). A repeated call returns the booking
   * already made.
   */
  public Booked bookCourier(String orderId, int shipmentNo, String packageType, BigDecimal weightKg) {
    return bookCourier(orderId, shipmentNo, packageType, weightKg, CourierChoice.DEFAULT);
  }

  /**
   * As {@link #bookCourier(String, int, String, BigDecimal)}, with the carrier chosen for the parcel. The courier is
   * to collect it the business day before the customer's delivery slot by the carrier's cut-off (or at the next
   * cut-off still ahead); that time is recorded on the shipment.
   */
  public Booked bookCourier(String orderId, int shipmentNo, String packageType, BigDecimal weightKg,
      CourierChoice choice) {
    CourierChoice courierChoice = choice == null ? CourierChoice.DEFAULT : choice;
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
    String fromCountry = inventory.countryOf(warehouseId);
    LocalDate slotDate = order.delivery() == null ? null : order.delivery().slotDate();
    Instant collectAt;
    try {
      collectAt = CollectionPlan.collectionTime(slotDate, courierChoice.collectionCutoff(), fromCountry,
          clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("courier.collectionCutoff", e.getMessage());
    }
    CourierGateway.Booking booking = courier.book(new CourierGateway.BookingRequest(orderId + "/" + shipmentNo,
        warehouseId, fromCountry, order.shippingAddress().postalCode(), order.shippingAddress().city(),
        order.deliveryCountry(), grams, packageType, courierChoice.carrier(), collectAt));
    try {
      tx.executeWithoutResult(status -> {
        shipments.saveAndFlush(new Shipment(orderId, shipmentNo, warehouseId, booking.carrier(),
            booking.trackingNumber(), packageType, grams, clock.instant(), collectAt));
        orders.shipmentBooked(orderId, shipmentNo, booking.trackingNumber());
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      Shipment won = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow(() -> concurrentDuplicate);
      return new Booked(won.carrier(), won.trackingNumber());
    }
    log.info("Courier {} booked for order {} parcel {}, tracking number {}, collection planned at {}",
        booking.carrier(), orderId, shipmentNo, booking.trackingNumber(), collectAt);
    return new Booked(booking.carrier(), booking.trackingNumber());
  }

  /**
   * The parcel was handed to the courier at the dock: the goods reserved for it in its warehouse leave the stock and
   * the parcel counts as shipped. A repeated call changes nothing.
   */
  public void dispatch(String orderId, int shipmentNo) {
    Shipment shipment = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow(() ->
        new ConflictException("Parcel " + shipmentNo + " of order " + orderId + " has no courier booking to hand over"));
    tx.executeWithoutResult(status -> {
      inventory.issueForShipment(orderId, shipment.warehouseId());
      orders.shipmentShipped(orderId, shipmentNo);
    });
    log.info("Order {} parcel {} handed to {} ({})", orderId, shipmentNo, shipment.carrier(), shipment.trackingNumber());
  }

  /**
   * Withdraws the courier booking of a parcel that is cancelled before hand-over (the compensation of booking it).
   * Without a booking, or with one cancelled before, nothing happens.
   *
   * @throws ConflictException when the courier already has the parcel
   */
  public boolean cancelBooking(String orderId, int shipmentNo) {
    Optional<Shipment> booked = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo);
    if (booked.isEmpty() || booked.get().status() == Shipment.Status.CANCELLED) {
      return false;
    }
    Shipment shipment = booked.get();
    if (shipment.status() != Shipment.Status.BOOKED) {
      throw new ConflictException("Parcel " + shipment.trackingNumber() + " of order " + orderId
          + " is already with the courier (" + shipment.status() + "); its booking cannot be cancelled");
    }
    courier.cancel(orderId + "/" + shipmentNo, shipment.trackingNumber());
    Boolean cancelled = tx.execute(status -> shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo)
        .orElseThrow().cancel(clock.instant()));
    log.info("Courier booking {} of order {} parcel {} cancelled", shipment.trackingNumber(), orderId, shipmentNo);
    return Boolean.TRUE.equals(cancelled);
  }

  /**
   * Asks the courier to bring an undeliverable or damaged parcel back to the warehouse it left (customer service's
   * decision). A repeated call asks again, which the courier treats as the same request.
   */
  public void returnToSender(String orderId, int shipmentNo) {
    Shipment shipment = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow(() ->
        new ConflictException("Parcel " + shipmentNo + " of order " + orderId + " was never booked"));
    if (shipment.status() == Shipment.Status.DELIVERED) {
      throw new ConflictException("Parcel " + shipment.trackingNumber() + " was delivered; it is returned by the customer, not the courier");
    }
    courier.returnToSender(orderId + "/" + shipmentNo, shipment.trackingNumber());
    tx.executeWithoutResult(status -> shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow()
        .returnRequested(clock.instant()));
    log.info("Courier asked to return parcel {} of order {} ({})", shipmentNo, orderId, shipment.trackingNumber());
  }

  /**
   * The returned parcel was received and checked at its warehouse: resellable goods go back on hand, damaged ones are
   * not put on sale again; the parcel counts as returned on the order. A repeat changes nothing.
   */
  public void receiveReturned(String orderId, int shipmentNo, boolean resellable) {
    Shipment shipment = shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).orElseThrow(() ->
        new ConflictException("Parcel " + shipmentNo + " of order " + orderId + " was never booked"));
    tx.executeWithoutResult(status -> {
      inventory.receiveReturned(orderId, shipment.warehouseId(), resellable);
      orders.shipmentReturned(orderId, shipmentNo);
    });
    log.info("Returned parcel {} of order {} received at {}: {}", shipmentNo, orderId, shipment.warehouseId(),
        resellable ? "back in stock" : "damaged, not restocked");
  }

  /** The courier booking of one parcel of the order; empty while the parcel is not booked. */
  public Optional<BookedParcel> booking(String orderId, int shipmentNo) {
    return shipments.findByOrderIdAndShipmentNo(orderId, shipmentNo).map(s -> new BookedParcel(s.carrier(),
        s.trackingNumber(), s.packageType(), s.weightGrams(), s.bookedAt()));
  }

  /**
   * Records a carrier event once (by its event id). Events may come late or out of order: each is kept, but the
   * parcel's status only moves forward and the ETA of the latest event wins. A delivery, a failed delivery and damage
   * are passed on to the order's process after the commit; if that fails, the carrier's retry of the same event
   * passes it on again.
   */
  public Recorded record(CourierEvent event) {
    if (shipments.findByTrackingNumber(event.trackingNumber()).isEmpty()
        && returnParcels.findByTrackingNumber(event.trackingNumber()).isPresent()) {
      return recordReturnParcelEvent(event);
    }
    Stored stored;
    try {
      stored = storeRetryingConcurrentOrderUpdates(event);
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return Recorded.DUPLICATE;
    }
    if (stored.mustPublish()) {
      publish(stored.event());
      tx.executeWithoutResult(status -> events.findByEventId(event.eventId()).ifPresent(e -> e.published(clock.instant())));
      log.info("{} of order {} (tracking {}) reported by the courier", stored.event().type(), stored.orderId(),
          event.trackingNumber());
    }
    return stored.duplicate() ? Recorded.DUPLICATE : Recorded.RECORDED;
  }

  private record Stored(boolean duplicate, String orderId, TrackingEvent event, boolean mustPublish) {}

  /**
   * The event is stored together with its mark on the order. The order's own process may be updating the same order at
   * that moment (a capture, an invoice): the loser of that optimistic race tries again on fresh data instead of
   * answering the courier with a conflict.
   */
  private Stored storeRetryingConcurrentOrderUpdates(CourierEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store(event);
      } catch (org.springframework.dao.OptimisticLockingFailureException concurrentOrderUpdate) {
        if (attempt == 5) {
          throw concurrentOrderUpdate;
        }
        log.debug("Courier event {} met a concurrent update of its order; attempt {}", event.eventId(), attempt + 1);
      }
    }
  }

  private Stored store(CourierEvent event) {
    return tx.execute(status -> {
      Optional<TrackingEvent> known = events.findByEventId(event.eventId());
      Shipment shipment = shipments.findByTrackingNumber(event.trackingNumber())
          .orElseThrow(() -> new NotFoundException("Shipment with tracking number", event.trackingNumber()));
      if (known.isPresent()) {
        TrackingEvent k = known.get();
        boolean unpublished = k.publishedAt() == null && (k.type() == TrackingEventType.DELIVERED
            ? shipment.status() == Shipment.Status.DELIVERED : mustTell(k.type(), shipment));
        return new Stored(true, shipment.orderId(), k, unpublished);
      }
      TrackingEvent recorded = events.saveAndFlush(new TrackingEvent(event.eventId(), event.trackingNumber(),
          event.type(), event.location(), event.occurredAt(), event.estimatedDelivery(), event.reason(),
          clock.instant()));
      boolean newlyDelivered = shipment.report(event.type(), event.occurredAt(), event.estimatedDelivery());
      orders.courierReported(shipment.orderId(), shipment.shipmentNo(), event.type().name(), event.location(),
          event.occurredAt(), shipment.estimatedDelivery());
      if (newlyDelivered) {
        orders.shipmentDelivered(shipment.orderId(), shipment.shipmentNo());
      }
      return new Stored(false, shipment.orderId(), recorded,
          event.type() == TrackingEventType.DELIVERED ? newlyDelivered : mustTell(event.type(), shipment));
    });
  }

  /**
   * Events the order's process hears of besides the delivery: a failed delivery attempt and damage, unless the parcel
   * is delivered already (a late report; the parcel's fulfilment no longer waits for it).
   */
  private static boolean mustTell(TrackingEventType type, Shipment shipment) {
    return type == TrackingEventType.RETURNED && shipment.status() == Shipment.Status.RETURNED
        || (type == TrackingEventType.DELIVERY_FAILED || type == TrackingEventType.DAMAGED)
        && shipment.status() != Shipment.Status.DELIVERED && shipment.status() != Shipment.Status.RETURNED;
  }

  // Each parcel's fulfilment waits for its own events: the correlation key is the tracking number.
  private void publish(TrackingEvent e) {
    if (e.type() == TrackingEventType.DELIVERED) {
      messages.publish(OrderFulfillmentProcess.Messages.PARCEL_DELIVERED, e.trackingNumber(),
          "parcel-delivered-" + e.trackingNumber(), DELIVERY_MESSAGE_TTL,
          Map.of("deliveredAt", e.occurredAt().toString()));
      return;
    }
    if (e.type() == TrackingEventType.RETURNED) {
      messages.publish(OrderFulfillmentProcess.Messages.PARCEL_RETURNED, e.trackingNumber(),
          "parcel-returned-" + e.trackingNumber(), DELIVERY_MESSAGE_TTL, Map.of("returnedAt", e.occurredAt().toString()));
      return;
    }
    String name = e.type() == TrackingEventType.DAMAGED ? OrderFulfillmentProcess.Messages.PARCEL_DAMAGED
        : OrderFulfillmentProcess.Messages.PARCEL_DELIVERY_FAILED;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("courierEventType", e.type().name());
    variables.put("courierReason", e.reason());
    variables.put("courierLocation", e.location());
    messages.publish(name, e.trackingNumber(), name + "-" + e.eventId(), DELIVERY_MESSAGE_TTL, variables);
  }

  /**
   * Books the courier for the parcel the customer sends back under an RMA: from the customer's address (the order's
   * delivery address) to the warehouse. One booking per RMA: a repeated call returns the booking already made.
   *
   * @throws CourierUnavailableException when the carrier cannot answer now
   */
  public Booked bookReturnLabel(String rmaNumber, String orderId, String warehouseId) {
    Optional<ReturnParcel> existing = returnParcels.findByRmaNumber(rmaNumber);
    if (existing.isPresent()) {
      return new Booked(existing.get().carrier(), existing.get().trackingNumber());
    }
    OrderSummary order = orders.summary(orderId);
    Inventory.WarehouseAddress to = inventory.warehouseAddress(warehouseId);
    CourierGateway.Booking booking = courier.book(new CourierGateway.BookingRequest(returnReference(rmaNumber),
        warehouseId, order.deliveryCountry(), null, to.city(), to.country(), 0, "RETURN"));
    try {
      tx.executeWithoutResult(status -> returnParcels.saveAndFlush(new ReturnParcel(rmaNumber, orderId, warehouseId,
          booking.carrier(), booking.trackingNumber(), clock.instant())));
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      ReturnParcel won = returnParcels.findByRmaNumber(rmaNumber).orElseThrow(() -> concurrentDuplicate);
      return new Booked(won.carrier(), won.trackingNumber());
    }
    log.info("Return label of {} (order {}) booked with {}: tracking number {}, to {}", rmaNumber, orderId,
        booking.carrier(), booking.trackingNumber(), warehouseId);
    return new Booked(booking.carrier(), booking.trackingNumber());
  }

  /**
   * Withdraws the return label of an RMA whose parcel never came (the RMA expired). Without a label, with one cancelled
   * before, or once the courier has the parcel, nothing happens.
   *
   * @return true when this call cancelled it
   */
  public boolean cancelReturnLabel(String rmaNumber) {
    Optional<ReturnParcel> booked = returnParcels.findByRmaNumber(rmaNumber);
    if (booked.isEmpty() || booked.get().status() != Shipment.Status.BOOKED) {
      return false;
    }
    courier.cancel(returnReference(rmaNumber), booked.get().trackingNumber());
    Boolean cancelled = tx.execute(status -> returnParcels.findByRmaNumber(rmaNumber).orElseThrow()
        .cancel(clock.instant()));
    log.info("Return label {} of {} cancelled", booked.get().trackingNumber(), rmaNumber);
    return Boolean.TRUE.equals(cancelled);
  }

  /** The return parcel of the RMA, once its label is booked. */
  public Optional<ReturnParcelView> returnParcel(String rmaNumber) {
    return returnParcels.findByRmaNumber(rmaNumber).map(Shipping::view);
  }

  private static ReturnParcelView view(ReturnParcel p) {
    return new ReturnParcelView(p.rmaNumber(), p.orderId(), p.warehouseId(), p.carrier(), p.trackingNumber(),
        p.status().name(), p.bookedAt(), p.deliveredAt());
  }

  private static String returnReference(String rmaNumber) {
    return "return/" + rmaNumber;
  }

  /**
   * A courier event of a return parcel: recorded once (by event id) and shown on public tracking; its delivery at the
   * warehouse tells the RMA's process that the parcel arrived (key: the RMA number, one message per RMA).
   */
  private Recorded recordReturnParcelEvent(CourierEvent event) {
    record Stored(boolean duplicate, String rmaNumber, boolean mustPublish) {}
    Stored stored;
    try {
      stored = tx.execute(status -> {
        ReturnParcel parcel = returnParcels.findByTrackingNumber(event.trackingNumber()).orElseThrow();
        Optional<TrackingEvent> known = events.findByEventId(event.eventId());
        if (known.isPresent()) {
          return new Stored(true, parcel.rmaNumber(), known.get().publishedAt() == null
              && known.get().type() == TrackingEventType.DELIVERED && parcel.status() == Shipment.Status.DELIVERED);
        }
        events.saveAndFlush(new TrackingEvent(event.eventId(), event.trackingNumber(), event.type(), event.location(),
            event.occurredAt(), event.estimatedDelivery(), event.reason(), clock.instant()));
        return new Stored(false, parcel.rmaNumber(), parcel.report(event.type(), event.occurredAt()));
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return Recorded.DUPLICATE;
    }
    if (stored.mustPublish()) {
      messages.publish(io.orderflow.fulfillment.process.ReturnProcess.Messages.RETURN_PARCEL_ARRIVED,
          stored.rmaNumber(), returnArrivalMessageId(stored.rmaNumber()), DELIVERY_MESSAGE_TTL,
          Map.of("returnArrivedAt", event.occurredAt().toString()));
      tx.executeWithoutResult(status -> events.findByEventId(event.eventId())
          .ifPresent(e -> e.published(clock.instant())));
      log.info("Return parcel of {} (tracking {}) delivered to the warehouse", stored.rmaNumber(),
          event.trackingNumber());
    }
    return stored.duplicate() ? Recorded.DUPLICATE : Recorded.RECORDED;
  }

  /**
   * The message id of an RMA's arrival, the same whether the courier reported it or the dock scanned the label: the
   * engine takes one of them.
   */
  public static String returnArrivalMessageId(String rmaNumber) {
    return io.orderflow.fulfillment.process.ReturnProcess.Messages.RETURN_PARCEL_ARRIVED + "-" + rmaNumber;
  }

  /** Every parcel of the order, booked or not yet, with its carrier events in time order. */
  public List<ParcelTracking> tracking(String orderId) {
    OrderSummary order = orders.summary(orderId);
    Map<Integer, Shipment> booked = shipments.findByOrderIdOrderByShipmentNo(orderId).stream()
        .collect(Collectors.toMap(Shipment::shipmentNo, Function.identity()));
    Map<String, List<TrackingStep>> steps = stepsOf(booked.values().stream().map(Shipment::trackingNumber).toList());
    return order.shipments().stream().sorted(Comparator.comparingInt(OrderService.ShipmentSummary::shipmentNo))
        .map(planned -> {
          Shipment s = booked.get(planned.shipmentNo());
          if (s == null) {
            return new ParcelTracking(planned.shipmentNo(), planned.warehouseId(), null, null, planned.status(), null,
                null, List.of());
          }
          return new ParcelTracking(planned.shipmentNo(), s.warehouseId(), s.carrier(), s.trackingNumber(),
              s.status().name(), s.estimatedDelivery(), s.collectionPlannedAt(),
              steps.getOrDefault(s.trackingNumber(), List.of()));
        }).toList();
  }

  /** The public view of one parcel by its tracking number. */
  public PublicTracking publicTracking(String trackingNumber) {
    Optional<ReturnParcel> returnParcel = shipments.findByTrackingNumber(trackingNumber).isPresent()
        ? Optional.empty() : returnParcels.findByTrackingNumber(trackingNumber);
    if (returnParcel.isPresent()) {
      ReturnParcel r = returnParcel.get();
      return new PublicTracking(r.trackingNumber(), r.carrier(), r.status().name(), null,
          stepsOf(List.of(trackingNumber)).getOrDefault(trackingNumber, List.of()));
    }
    Shipment s = shipments.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new NotFoundException("Parcel with tracking number", trackingNumber));
    return new PublicTracking(s.trackingNumber(), s.carrier(), s.status().name(), s.estimatedDelivery(),
        stepsOf(List.of(trackingNumber)).getOrDefault(trackingNumber, List.of()));
  }

  private Map<String, List<TrackingStep>> stepsOf(List<String> trackingNumbers) {
    if (trackingNumbers.isEmpty()) {
      return Map.of();
    }
    return events.findByTrackingNumberInOrderByOccurredAtAscIdAsc(trackingNumbers).stream()
        .collect(Collectors.groupingBy(TrackingEvent::trackingNumber, LinkedHashMap::new,
            Collectors.mapping(e -> new TrackingStep(e.type(), e.location(), e.occurredAt()), Collectors.toList())));
  }
}
