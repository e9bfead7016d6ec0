package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cancelling an order through the API at each stage until hand-over, on the embedded default with the real workers:
 * afterwards the stock (on hand and reserved) and the card payment are as before the order, open warehouse tasks are
 * withdrawn, a booked courier is cancelled and the customer is told. After hand-over the cancellation is refused and
 * points to returns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class CancellationApiTest {

  private static final String SKU = "TSHIRT-ORG-M";
  private static final String SERIALIZED = "SMARTWATCH-S2";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("Cancelled while the quote is open: the reservation is released and the order is cancelled with the reason")
  void cancelWhileQuoted() {
    Map<String, Integer> before = shop.onHand("madrid", SKU);
    int reservedBefore = shop.reserved(SKU);
    String orderId = place(Map.of(SKU, 2));
    shop.awaitOrder(orderId, "QUOTED");
    assertThat(shop.reserved(SKU)).isEqualTo(reservedBefore + 2);

    ResponseEntity<Map<String, Object>> cancelled = cancel(orderId, "Found a better price");

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(cancelled.getBody()).containsEntry("wholeOrder", true).containsEntry("reason", "Found a better price");
    Map<String, Object> order = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(order).containsEntry("cancellationReason", "Found a better price");
    assertThat(shop.reserved(SKU)).isEqualTo(reservedBefore);
    assertThat(shop.onHand("madrid", SKU)).isEqualTo(before);
    awaitCustomerTold(orderId, "ORDER_CANCELLED");
    assertThat(shop.post("/api/orders/" + orderId + "/quote/acceptance", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("Cancelled while it is picked: the pick task is withdrawn, scanned serials are free again, stock is back and the card authorization is voided")
  void cancelWhilePicking() {
    Map<String, Integer> before = shop.onHand("madrid", SKU, SERIALIZED);
    int reservedBefore = shop.reserved(SKU);
    String orderId = place(Map.of(SKU, 1, SERIALIZED, 1));
    shop.acceptQuote(orderId);
    shop.awaitPayment(orderId, "AUTHORIZED");
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    String serial = "SN-CANCEL-" + orderId.substring(0, 8);
    assertThat(shop.post("/api/tasks/" + pick.get("key") + "/scans", Map.of("barcode", SERIALIZED, "serialNumber", serial))
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> cancelled = cancel(orderId, "Ordered by mistake");

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(cancelled.getBody()).containsEntry("wholeOrder", false).containsEntry("parcels", List.of(1));
    Map<String, Object> order = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(shipments(order)).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "CANCELLED"));
    shop.awaitPayment(orderId, "VOIDED");
    assertThat(shop.openTasksOf(orderId)).as("no warehouse task stays open").isEmpty();
    assertThat(shop.reserved(SKU)).isEqualTo(reservedBefore);
    assertThat(shop.onHand("madrid", SKU, SERIALIZED)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from pick_scan where serial_number = ?", Integer.class, serial))
        .as("the serial number may be picked for another order").isZero();
    assertThat(jdbc.queryForObject("select count(*) from cancelled_pick_scan where serial_number = ?", Integer.class,
        serial)).as("what was scanned stays on record").isOne();
    awaitCustomerTold(orderId, "ORDER_CANCELLED");
  }

  @Test
  @DisplayName("Cancelled after the courier was booked: the booking is withdrawn, the label task disappears and stock and payment are as before")
  void cancelAfterBooking() {
    Map<String, Integer> before = shop.onHand("madrid", SKU);
    int reservedBefore = shop.reserved(SKU);
    String orderId = place(Map.of(SKU, 3));
    shop.acceptQuote(orderId);
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    shop.scanPickList(pick);
    shop.completeTask(pick, Map.of("allLinesPicked", true));
    shop.completeTask(shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PackOrder"), ShopClient.PACKED);
    shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_LabelParcel");
    String tracking = (String) shipments(shop.get("/api/orders/" + orderId)).get(0).get("trackingNumber");
    assertThat(tracking).isNotNull();

    assertThat(cancel(orderId, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    Map<String, Object> order = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(order.get("cancellationReason")).isEqualTo("Cancelled at the customer's request");
    assertThat(jdbc.queryForObject("select status from shipment where tracking_number = ?", String.class, tracking))
        .isEqualTo("CANCELLED");
    assertThat(shop.get("/api/tracking/" + tracking)).containsEntry("status", "CANCELLED");
    assertThat(shop.openTasksOf(orderId)).isEmpty();
    assertThat(shop.reserved(SKU)).isEqualTo(reservedBefore);
    assertThat(shop.onHand("madrid", SKU)).isEqualTo(before);
    shop.awaitPayment(orderId, "VOIDED");
    assertThat(history(orderId)).containsSubsequence("ORDER_PLACED", "ORDER_STOCK_RESERVED", "ORDER_QUOTED",
        "ORDER_QUOTE_ACCEPTED", "PAYMENT_AUTHORIZED", "ORDER_ACKNOWLEDGED", "1:PARCEL_BOOKED", "1:CANCELLATION_REQUESTED",
        "1:PARCEL_CANCELLED", "ORDER_CANCELLED").contains("PAYMENT_VOIDED").doesNotContain("1:PARCEL_HANDED_OVER");
  }

  @Test
  @DisplayName("After hand-over the cancellation is refused with 409 and a pointer to returns; a second request for a cancelled order too")
  void refusedAfterHandOver() {
    String orderId = place(Map.of(SKU, 1));
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    shop.awaitOrder(orderId, "SHIPPED");

    ResponseEntity<Map<String, Object>> refused = cancel(orderId, "Too late?");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").toString()).contains("handed to the courier").contains("returned");
    assertThat(refused.getBody()).containsEntry("returns", "/api/orders/" + orderId + "/returns");
    assertThat(shop.get("/api/orders/" + orderId)).containsEntry("status", "SHIPPED");

    String other = place(Map.of(SKU, 1));
    shop.awaitOrder(other, "QUOTED");
    assertThat(cancel(other, "first").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    shop.awaitOrder(other, "CANCELLED");
    ResponseEntity<Map<String, Object>> again = cancel(other, "second");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").toString()).contains("already cancelled");
    assertThat(cancel("no-such-order", "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("An undeliverable parcel customer service has returned: the courier brings it back, the warehouse restocks it, the card is refunded and the order ends cancelled")
  void returnedToSender() {
    Map<String, Integer> before = shop.onHand("madrid", SKU);
    String orderId = place(Map.of(SKU, 2));
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    String tracking = (String) shipped.get("trackingNumber");
    shop.awaitPayment(orderId, "CAPTURED");
    assertThat(shop.onHand("madrid", SKU).get(SKU)).isEqualTo(before.get(SKU) - 2);

    Instant eta = Instant.parse("2026-11-25T16:00:00Z");
    courier(tracking, "IN_TRANSIT", null, eta);
    assertThat(shipments(shop.get("/api/orders/" + orderId))).singleElement()
        .satisfies(s -> assertThat(Instant.parse((String) s.get("estimatedDelivery"))).isEqualTo(eta));
    courier(tracking, "DELIVERY_FAILED", "Address does not exist", null);
    Map<String, Object> arrange = shop.awaitTask(DemoUser.CS_AGENT, orderId, "UserTask_ArrangeRedelivery");
    shop.completeTask(arrange, Map.of("redeliveryNote", "Customer moved abroad", "parcelResolution", "RETURN_TO_SENDER"));
    shop.awaitStep(orderId, "IntermediateCatchEvent_ParcelReturned");
    courier(tracking, "RETURNED", null, null);
    Map<String, Object> receive = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_ReceiveReturnedParcel");
    shop.completeTask(receive, Map.of("returnedCondition", "RESELLABLE", "receiptNote", "Sealed, as sent"));

    Map<String, Object> order = shop.awaitOrder(orderId, "CANCELLED");
    assertThat(shipments(order)).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "RETURNED"));
    assertThat(shop.onHand("madrid", SKU)).as("the goods are on sale again").isEqualTo(before);
    assertThat(shop.get("/api/tracking/" + tracking)).containsEntry("status", "RETURNED");
    shop.awaitPayment(orderId, "REFUNDED");
    awaitCustomerTold(orderId, "PARCEL_RETURNED");
    assertThat(history(orderId)).containsSubsequence("1:PARCEL_BOOKED", "1:PARCEL_HANDED_OVER",
        "ORDER_SHIPPED", "PAYMENT_CAPTURED", "1:COURIER_IN_TRANSIT", "1:COURIER_DELIVERY_FAILED", "1:COURIER_RETURNED",
        "1:PARCEL_RETURNED", "ORDER_CANCELLED");
  }

  /** The order's history as "milestone" or "parcel:milestone", oldest first. */
  @SuppressWarnings("unchecked")
  private List<String> history(String orderId) {
    return ((List<Map<String, Object>>) shop.get("/api/orders/" + orderId).get("history")).stream()
        .map(m -> (m.get("shipmentNo") == null ? "" : m.get("shipmentNo") + ":") + m.get("milestone")).toList();
  }

  private void courier(String tracking, String type, String reason, Instant eta) {
    Map<String, Object> event = new java.util.HashMap<>(Map.of("eventId", "evt-" + type + "-" + tracking,
        "trackingNumber", tracking, "type", type, "occurredAt", java.time.Instant.now().toString(),
        "location", "Madrid"));
    if (reason != null) {
      event.put("reason", reason);
    }
    if (eta != null) {
      event.put("estimatedDelivery", eta.toString());
    }
    assertThat(shop.post("/api/courier/events", event).getStatusCode().is2xxSuccessful()).isTrue();
  }

  private String place(Map<String, Integer> lines) {
    return (String) shop.place(orderBody("ES", card("pm_card_visa"), lines)).get("id");
  }

  private ResponseEntity<Map<String, Object>> cancel(String orderId, String reason) {
    return shop.post("/api/orders/" + orderId + "/cancellation", reason == null ? Map.of() : Map.of("reason", reason));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> shipments(Map<String, Object> order) {
    return (List<Map<String, Object>>) order.get("shipments");
  }

  private void awaitCustomerTold(String orderId, String topic) {
    org.awaitility.Awaitility.await().atMost(ShopClient.WAIT).until(() -> shop.notifications(orderId).stream()
        .anyMatch(n -> "customer".equals(n.get("audience")) && topic.equals(n.get("topic"))));
  }
}
