package io.orderflow.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ReturnProcess;
import io.orderflow.fulfillment.shipping.Shipping.CourierEvent;
import io.orderflow.fulfillment.shipping.Shipping.Recorded;
import io.orderflow.fulfillment.shipping.Shipping.TrackingEventType;
import io.orderflow.fulfillment.testsupport.OrderSummaries;
import java.time.Clock;
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

@DisplayName("Return parcels with the courier")
class ReturnParcelTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  final ShipmentRepository shipments = mock(ShipmentRepository.class);
  final ReturnParcelRepository returnParcels = mock(ReturnParcelRepository.class);
  final TrackingEventRepository events = mock(TrackingEventRepository.class);
  final CourierGateway courier = new SimulatedCourier("Simulated Express");
  final OrderService orders = mock(OrderService.class);
  final Inventory inventory = mock(Inventory.class);
  final ProcessMessages messages = mock(ProcessMessages.class);
  final Map<String, ReturnParcel> stored = new HashMap<>();
  final Map<String, TrackingEvent> storedEvents = new HashMap<>();
  Shipping shipping;

  @BeforeEach
  void setUp() {
    shipping = new Shipping(shipments, returnParcels, events, courier, orders, inventory, messages,
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
    when(orders.summary("order-1")).thenReturn(OrderSummaries.order("order-1", OrderStatus.DELIVERED, false, List.of(),
        List.of(), OrderSummaries.noQuote()));
    when(inventory.warehouseAddress("madrid"))
        .thenReturn(new Inventory.WarehouseAddress("madrid", "Madrid central warehouse", "Getafe", "ES"));
    when(shipments.findByTrackingNumber(anyString())).thenReturn(Optional.empty());
    when(returnParcels.saveAndFlush(any())).thenAnswer(i -> {
      ReturnParcel p = i.getArgument(0);
      stored.put(p.rmaNumber(), p);
      return p;
    });
    when(returnParcels.findByRmaNumber(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get(i.getArgument(0))));
    when(returnParcels.findByTrackingNumber(anyString())).thenAnswer(i -> stored.values().stream()
        .filter(p -> p.trackingNumber().equals(i.getArgument(0))).findFirst());
    when(events.findByEventId(anyString())).thenAnswer(i -> Optional.ofNullable(storedEvents.get(i.getArgument(0))));
    when(events.saveAndFlush(any())).thenAnswer(i -> {
      TrackingEvent e = i.getArgument(0);
      storedEvents.put(e.eventId(), e);
      return e;
    });
  }

  @Test
  @DisplayName("one label per RMA; the courier's delivery at the warehouse tells the RMA's process once; public "
      + "tracking shows it")
  void labelAndDelivery() {
    Shipping.Booked first = shipping.bookReturnLabel("RMA-2026-000001", "order-1", "madrid");
    Shipping.Booked again = shipping.bookReturnLabel("RMA-2026-000001", "order-1", "madrid");
    assertThat(again).isEqualTo(first);
    assertThat(first.trackingNumber()).endsWith("ES");

    shipping.record(new CourierEvent("e1", first.trackingNumber(), TrackingEventType.IN_TRANSIT, "Madrid", NOW));
    verify(messages, never()).publish(anyString(), anyString(), anyString(), any(), any());
    CourierEvent delivered = new CourierEvent("e2", first.trackingNumber(), TrackingEventType.DELIVERED, "Getafe", NOW);
    assertThat(shipping.record(delivered)).isEqualTo(Recorded.RECORDED);
    assertThat(shipping.record(delivered)).isEqualTo(Recorded.DUPLICATE);

    verify(messages, times(1)).publish(eq(ReturnProcess.Messages.RETURN_PARCEL_ARRIVED), eq("RMA-2026-000001"),
        eq("return-parcel-arrived-RMA-2026-000001"), any(), any());
    assertThat(shipping.returnParcel("RMA-2026-000001")).get().extracting(Shipping.ReturnParcelView::status)
        .isEqualTo("DELIVERED");
    when(events.findByTrackingNumberInOrderByOccurredAtAscIdAsc(List.of(first.trackingNumber())))
        .thenReturn(List.copyOf(storedEvents.values()));
    assertThat(shipping.publicTracking(first.trackingNumber()).status()).isEqualTo("DELIVERED");
    assertThat(shipping.cancelReturnLabel("RMA-2026-000001")).isFalse();
  }

  @Test
  @DisplayName("an unused label is cancelled once")
  void cancel() {
    shipping.bookReturnLabel("RMA-2026-000002", "order-1", "madrid");
    assertThat(shipping.cancelReturnLabel("RMA-2026-000002")).isTrue();
    assertThat(shipping.cancelReturnLabel("RMA-2026-000002")).isFalse();
    assertThat(shipping.cancelReturnLabel("RMA-2026-999999")).isFalse();
  }
}
