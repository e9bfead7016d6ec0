package io.orderflow.fulfillment.shipping;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parcel's journey from the Sofia warehouse to the customer's door as the courier reports it, seen by the shop (per
 * order) and by anyone with the tracking number (public). Uses its own article (espresso beans to Sofia).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class TrackingApiTest {

  private static final Instant COLLECTED = Instant.parse("2026-11-23T15:00:00Z");
  private static final Instant IN_TRANSIT = Instant.parse("2026-11-23T21:30:00Z");
  private static final Instant DELIVERED = Instant.parse("2026-11-24T11:15:00Z");
  private static final Instant ETA = Instant.parse("2026-11-24T12:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("The courier's events, late and resent ones included, show as the parcel's journey; the parcel never "
      + "goes back, the latest ETA counts, and the public view tells nothing about the customer")
  @SuppressWarnings("unchecked")
  void parcelJourney() {
    // given a shipped order from Sofia
    String orderId = (String) shop.place(orderBody("BG", card("pm_card_visa"), Map.of("COFFEE-BEANS-1KG", 1)))
        .get("id");
    shop.acceptQuote(orderId);
    shop.pickAndPack("sofia", orderId);
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    String tracking = (String) shipped.get("trackingNumber");
    Map<String, Object> booked = tracking(orderId).get(0);
    assertThat(booked).containsEntry("shipmentNo", 1).containsEntry("warehouseId", "sofia")
        .containsEntry("trackingNumber", tracking).containsEntry("status", "BOOKED")
        .as("the national carrier the courier-selection decision picks for a standard parcel to Bulgaria")
        .containsEntry("carrier", "Bulgarian Posts");
    assertThat(booked.get("collectionPlannedAt")).isNotNull();
    assertThat((List<?>) booked.get("events")).isEmpty();

    // when the courier collects it, reports it in transit with an ETA, resends that, and a late scan comes in
    assertThat(event("evt-col-" + tracking, tracking, "COLLECTED", "Sofia warehouse", COLLECTED, null))
        .containsEntry("result", "RECORDED");
    Map<String, Object> inTransit = event("evt-tra-" + tracking, tracking, "IN_TRANSIT", "Sofia hub", IN_TRANSIT, ETA);
    assertThat(inTransit).containsEntry("result", "RECORDED");
    assertThat(event("evt-tra-" + tracking, tracking, "IN_TRANSIT", "Sofia hub", IN_TRANSIT, ETA))
        .containsEntry("result", "DUPLICATE");
    assertThat(event("evt-early-" + tracking, tracking, "COLLECTED", "Sofia warehouse gate",
        COLLECTED.minusSeconds(600), Instant.parse("2026-11-26T18:00:00Z"))).containsEntry("result", "RECORDED");

    // then the parcel is in transit with the ETA of the latest report, not of the late one
    Map<String, Object> moving = tracking(orderId).get(0);
    assertThat(moving).containsEntry("status", "IN_TRANSIT");
    assertThat(Instant.parse((String) moving.get("estimatedDelivery"))).isEqualTo(ETA);

    // when it is delivered, and an in-transit scan from before the delivery arrives afterwards
    assertThat(event("evt-del-" + tracking, tracking, "DELIVERED", "front door", DELIVERED, null))
        .containsEntry("result", "RECORDED");
    assertThat(event("evt-lat-" + tracking, tracking, "IN_TRANSIT", "Sofia hub 2", DELIVERED.minusSeconds(3600), null))
        .containsEntry("result", "RECORDED");

    // then the order is delivered, the parcel stays delivered and its journey is in time order
    shop.awaitOrder(orderId, "DELIVERED");
    Map<String, Object> done = tracking(orderId).get(0);
    assertThat(done).containsEntry("status", "DELIVERED");
    assertThat(Instant.parse((String) done.get("estimatedDelivery"))).isEqualTo(ETA);
    List<Map<String, Object>> journey = (List<Map<String, Object>>) done.get("events");
    assertThat(journey).extracting(e -> e.get("type") + "@" + e.get("location")).containsExactly(
        "COLLECTED@Sofia warehouse gate", "COLLECTED@Sofia warehouse", "IN_TRANSIT@Sofia hub",
        "IN_TRANSIT@Sofia hub 2", "DELIVERED@front door");
    assertThat(Instant.parse((String) journey.get(4).get("occurredAt"))).isEqualTo(DELIVERED);

    // and anyone with the tracking number sees the same journey, without personal or order data
    ResponseEntity<String> raw = http.getForEntity("/api/tracking/" + tracking, String.class);
    assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(raw.getBody()).doesNotContain("Ana", "García", "ana@example.com", "Vitosha", "Sofia\"", orderId,
        (String) shipped.get("orderNumber"), "amount", "price", "phone", "customer", "address");
    Map<String, Object> publicView = shop.get("/api/tracking/" + tracking);
    assertThat(publicView.keySet())
        .containsExactlyInAnyOrder("trackingNumber", "carrier", "status", "estimatedDelivery", "events");
    assertThat(publicView).containsEntry("status", "DELIVERED").containsEntry("carrier", "Bulgarian Posts");
    assertThat((List<Map<String, Object>>) publicView.get("events")).hasSize(5)
        .allSatisfy(e -> assertThat(e.keySet()).containsExactlyInAnyOrder("type", "location", "occurredAt"));
  }

  @Test
  @DisplayName("An unknown tracking number or order has no tracking: 404")
  void unknown() {
    assertThat(http.getForEntity("/api/tracking/XX000000000XX", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.getForEntity("/api/orders/00000000-0000-0000-0000-000000000000/tracking", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private List<Map<String, Object>> tracking(String orderId) {
    ResponseEntity<List<Map<String, Object>>> r = shop.exchange("/api/orders/" + orderId + "/tracking",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  private Map<String, Object> event(String eventId, String tracking, String type, String location, Instant at,
      Instant eta) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("eventId", eventId, "trackingNumber", tracking,
        "type", type, "location", location, "occurredAt", at.toString()));
    if (eta != null) {
      body.put("estimatedDelivery", eta.toString());
    }
    ResponseEntity<Map<String, Object>> r = shop.post("/api/courier/events", body);
    assertThat(r.getStatusCode()).as("%s: %s", type, r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return r.getBody();
  }
}
