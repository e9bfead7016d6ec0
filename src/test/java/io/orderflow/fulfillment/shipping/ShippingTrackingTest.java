package io.orderflow.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.shipping.Shipping.CourierEvent;
import io.orderflow.fulfillment.shipping.Shipping.Recorded;
import io.orderflow.fulfillment.shipping.Shipping.TrackingEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Courier events and the public tracking view")
class ShippingTrackingTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String TRACKING = "CP473124829BG";

  private final ShipmentRepository shipments = mock(ShipmentRepository.class);
  private final TrackingEventRepository events = mock(TrackingEventRepository.class);
  private final OrderService orders = mock(OrderService.class);
  private final Inventory inventory = mock(Inventory.class);
  private final ProcessMessages messages = mock(ProcessMessages.class);
  private final Map<String, TrackingEvent> stored = new HashMap<>();
  private final Shipment parcel = new Shipment("order-1", 1, "sofia", "Bulgarian Posts", TRACKING, "MEDIUM_BOX", 1200,
      NOW.minus(Duration.ofDays(1)));
  private Shipping shipping;

  @BeforeEach
  void setUp() {
    shipping = new Shipping(shipments, mock(ReturnParcelRepository.class), events, mock(CourierGateway.class), orders, inventory, messages,
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
    when(shipments.findByTrackingNumber(TRACKING)).thenReturn(Optional.of(parcel));
    when(events.findByEventId(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get(i.getArgument(0))));
    when(events.saveAndFlush(any())).thenAnswer(i -> {
      TrackingEvent e = i.getArgument(0);
      stored.put(e.eventId(), e);
      return e;
    });
  }

  private static CourierEvent failed(String eventId) {
    return new CourierEvent(eventId, TRACKING, TrackingEventType.DELIVERY_FAILED, "Sofia depot",
        NOW.minusSeconds(600), Instant.parse("2026-11-25T12:00:00Z"), "recipient not at home");
  }

  @Test
  @DisplayName("a failed delivery is passed on to the parcel's fulfilment, by tracking number, once per event id")
  void failedDeliveryIsPublished() {
    // when
    Recorded first = shipping.record(failed("evt-7"));
    Recorded again = shipping.record(failed("evt-7"));

    // then
    assertThat(first).isEqualTo(Recorded.RECORDED);
    assertThat(again).isEqualTo(Recorded.DUPLICATE);
    Map<String, Object> variables = new HashMap<>();
    variables.put("courierEventType", "DELIVERY_FAILED");
    variables.put("courierReason", "recipient not at home");
    variables.put("courierLocation", "Sofia depot");
    verify(messages).publish("parcel-delivery-failed", TRACKING, "parcel-delivery-failed-evt-7", Duration.ofDays(1),
        variables);
    assertThat(stored.get("evt-7").publishedAt()).isEqualTo(NOW);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DELIVERY_FAILED);
    assertThat(parcel.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
  }

  @Test
  @DisplayName("an event that meets a concurrent update of its order (the order's own process) is stored on a second try, not refused")
  void concurrentOrderUpdateIsRetried() {
    // given the order is updated by its process while the first attempt records the event (rolled back)
    doAnswer(i -> {
      stored.remove("evt-11");
      throw new org.springframework.orm.ObjectOptimisticLockingFailureException("CustomerOrder", "order-1");
    }).doNothing().when(orders).courierReported(any(), anyInt(), any(), any(), any(), any());

    // when
    Recorded recorded = shipping.record(failed("evt-11"));

    // then
    assertThat(recorded).isEqualTo(Recorded.RECORDED);
    verify(orders, times(2)).courierReported(any(), anyInt(), eq("DELIVERY_FAILED"), any(), any(), any());
    verify(messages).publish(eq("parcel-delivery-failed"), eq(TRACKING), eq("parcel-delivery-failed-evt-11"),
        eq(Duration.ofDays(1)), anyMap());
  }

  @Test
  @DisplayName("damage is passed on as parcel-damaged; when publishing fails, the carrier's resent event publishes it")
  void damageIsRepublishedOnResend() {
    // given the engine cannot be reached the first time
    CourierEvent damaged = new CourierEvent("evt-9", TRACKING, TrackingEventType.DAMAGED, "Plovdiv hub", NOW, null,
        "box crushed");
    doThrow(new IllegalStateException("engine unavailable")).doNothing().when(messages)
        .publish(eq("parcel-damaged"), eq(TRACKING), eq("parcel-damaged-evt-9"), eq(Duration.ofDays(1)), anyMap());
    try {
      shipping.record(damaged);
    } catch (IllegalStateException expected) {
      // the carrier sees an error and resends
    }
    assertThat(stored.get("evt-9").publishedAt()).isNull();

    // when
    Recorded resent = shipping.record(damaged);

    // then
    assertThat(resent).isEqualTo(Recorded.DUPLICATE);
    assertThat(stored.get("evt-9").publishedAt()).isEqualTo(NOW);
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DAMAGED);
  }

  @Test
  @DisplayName("a failed attempt reported after the delivery is recorded but neither changes the parcel nor the process")
  void lateFailureAfterDelivery() {
    // given
    shipping.record(new CourierEvent("evt-d", TRACKING, TrackingEventType.DELIVERED, "front door", NOW.minusSeconds(60)));

    // when
    Recorded late = shipping.record(failed("evt-late"));

    // then
    assertThat(late).isEqualTo(Recorded.RECORDED);
    assertThat(stored).containsKey("evt-late");
    assertThat(parcel.status()).isEqualTo(Shipment.Status.DELIVERED);
    verify(messages, never()).publish(eq("parcel-delivery-failed"), any(), any(), any(), any());
    verify(orders).shipmentDelivered("order-1", 1);
  }

  @Test
  @DisplayName("the public view shows carrier, status, ETA and the journey, and nothing about the customer or order")
  void publicViewHasNoPersonalData() throws Exception {
    // given
    parcel.report(TrackingEventType.IN_TRANSIT, NOW, Instant.parse("2026-11-25T12:00:00Z"));
    when(events.findByTrackingNumberInOrderByOccurredAtAscIdAsc(List.of(TRACKING))).thenReturn(List.of(
        new TrackingEvent("evt-1", TRACKING, TrackingEventType.IN_TRANSIT, "Sofia hub", NOW, NOW)));

    // when
    Shipping.PublicTracking view = shipping.publicTracking(TRACKING);

    // then
    JsonNode json = new ObjectMapper().findAndRegisterModules().valueToTree(view);
    assertThat(json.properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("trackingNumber", "carrier", "status", "estimatedDelivery", "events");
    assertThat(json.get("events").get(0).properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("type", "location", "occurredAt");
    assertThat(view.carrier()).isEqualTo("Bulgarian Posts");
    assertThat(view.status()).isEqualTo("IN_TRANSIT");
    // built from the parcel alone: the order (customer, address, amounts) is never read
    verifyNoInteractions(orders);
  }
}
