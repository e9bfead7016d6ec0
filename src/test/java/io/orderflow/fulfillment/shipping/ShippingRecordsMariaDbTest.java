package io.orderflow.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unique keys that make courier callbacks and the book-courier worker idempotent, enforced by MariaDB: a resent
 * tracking event (same event id) and a second shipment for an order or a tracking number are refused. And the tracking
 * columns of V9: ETA, reason, planned collection, and the check constraints on event types and parcel statuses.
 */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ShippingRecordsMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant OCCURRED = Instant.parse("2026-09-20T16:05:00Z");

  @Autowired
  TrackingEventRepository events;

  @Autowired
  ShipmentRepository shipments;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    tx = new TransactionTemplate(txManager);
  }

  @Test
  void aResentTrackingEventWithTheSameEventIdIsRefusedByTheDatabase() {
    String eventId = "evt-" + UUID.randomUUID();
    tx.executeWithoutResult(s -> events.saveAndFlush(new TrackingEvent(eventId, "SX123456789ES",
        Shipping.TrackingEventType.IN_TRANSIT, "Zaragoza hub", OCCURRED, OCCURRED.plusSeconds(3))));

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> events.saveAndFlush(new TrackingEvent(eventId,
        "SX123456789ES", Shipping.TrackingEventType.IN_TRANSIT, "Zaragoza hub", OCCURRED, OCCURRED.plusSeconds(60)))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_tracking_event");

    tx.executeWithoutResult(s -> events.saveAndFlush(new TrackingEvent("evt-" + UUID.randomUUID(), "SX123456789ES",
        Shipping.TrackingEventType.DELIVERED, "Madrid", OCCURRED.plusSeconds(7200), OCCURRED.plusSeconds(7201))));

    TrackingEvent stored = tx.execute(s -> events.findByEventId(eventId).orElseThrow());
    assertThat(stored.type()).isEqualTo(Shipping.TrackingEventType.IN_TRANSIT);
    assertThat(stored.occurredAt()).isEqualTo(OCCURRED);
    assertThat(stored.publishedAt()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from tracking_event where tracking_number = 'SX123456789ES'",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void aParcelIsBookedOnceAndATrackingNumberBelongsToOneParcel() {
    String orderId = UUID.randomUUID().toString();
    String tracking = "SX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    tx.executeWithoutResult(s -> shipments.saveAndFlush(
        new Shipment(orderId, 1, "madrid", "Simulated Express", tracking, "BOX_S", 950, OCCURRED)));
    tx.executeWithoutResult(s -> shipments.saveAndFlush(
        new Shipment(orderId, 2, "warsaw", "Simulated Express", tracking + "-2", "BOX_S", 950, OCCURRED)));

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> shipments.saveAndFlush(
        new Shipment(orderId, 1, "madrid", "Simulated Express", tracking + "-3", "BOX_S", 950, OCCURRED))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_shipment_order_no");
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> shipments.saveAndFlush(
        new Shipment(UUID.randomUUID().toString(), 1, "warsaw", "Simulated Express", tracking, "BOX_M", 1200, OCCURRED))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_shipment_tracking");

    String stored = tx.execute(s -> shipments.findByOrderIdAndShipmentNo(orderId, 1).orElseThrow().trackingNumber());
    assertThat(stored).isEqualTo(tracking);
  }

  @Test
  void aParcelKeepsItsPlannedCollectionLatestEtaAndStatusAndItsEventsWithEtaAndReason() {
    String orderId = UUID.randomUUID().toString();
    String tracking = "CP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Instant collection = Instant.parse("2026-09-21T10:00:00Z");
    Instant eta = Instant.parse("2026-09-22T15:30:00Z");
    tx.executeWithoutResult(s -> shipments.saveAndFlush(new Shipment(orderId, 1, "sofia", "Bulgarian Posts", tracking,
        "MEDIUM_BOX", 1200, OCCURRED, collection)));
    tx.executeWithoutResult(s -> {
      Shipment parcel = shipments.findByTrackingNumber(tracking).orElseThrow();
      parcel.report(Shipping.TrackingEventType.DELIVERY_FAILED, OCCURRED.plusSeconds(3600), eta);
      events.saveAndFlush(new TrackingEvent("evt-" + UUID.randomUUID(), tracking,
          Shipping.TrackingEventType.DELIVERY_FAILED, "Sofia depot", OCCURRED.plusSeconds(3600), eta,
          "recipient not at home", OCCURRED.plusSeconds(3601)));
      events.saveAndFlush(new TrackingEvent("evt-" + UUID.randomUUID(), tracking,
          Shipping.TrackingEventType.COLLECTED, "Sofia warehouse", OCCURRED, OCCURRED.plusSeconds(3602)));
    });

    Shipment stored = tx.execute(s -> shipments.findByOrderIdOrderByShipmentNo(orderId).get(0));
    assertThat(stored.status()).isEqualTo(Shipment.Status.DELIVERY_FAILED);
    assertThat(stored.estimatedDelivery()).isEqualTo(eta);
    assertThat(stored.collectionPlannedAt()).isEqualTo(collection);
    assertThat(jdbc.queryForObject("select status_since from shipment where tracking_number = ?", Instant.class,
        tracking)).isEqualTo(OCCURRED.plusSeconds(3600));
    List<TrackingEvent> journey = tx.execute(s -> events.findByTrackingNumberInOrderByOccurredAtAscIdAsc(
        List.of(tracking)));
    assertThat(journey).extracting(TrackingEvent::type).containsExactly(Shipping.TrackingEventType.COLLECTED,
        Shipping.TrackingEventType.DELIVERY_FAILED);
    assertThat(journey.get(1).reason()).isEqualTo("recipient not at home");
    assertThat(journey.get(1).estimatedDelivery()).isEqualTo(eta);
  }

  @Test
  void unknownEventTypesAndParcelStatusesAreRefusedByTheDatabase() {
    assertThatThrownBy(() -> jdbc.update("insert into tracking_event (event_id, tracking_number, event_type, "
        + "occurred_at, received_at) values (?, 'SX000000005ES', 'PICKED_UP', ?, ?)", "evt-" + UUID.randomUUID(),
        OCCURRED, OCCURRED)).isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_tracking_event_type");
    assertThatThrownBy(() -> jdbc.update("insert into shipment (order_id, shipment_no, warehouse_id, carrier, "
        + "tracking_number, package_type, weight_grams, status, booked_at) values (?, 1, 'madrid', 'GLS', ?, 'BOX_S', "
        + "900, 'LOST', ?)", UUID.randomUUID().toString(), "GLS" + UUID.randomUUID(), OCCURRED))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_shipment_status");
  }
}
