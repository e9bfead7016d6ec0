package io.orderflow.fulfillment.analytics;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI API on the running app: after an order placed through the API is delivered, today's KPIs include it (one
 * more order, one more delivered, plausible cycle times); bad ranges are refused naming the parameter; the CSV is a
 * download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Fulfilment KPIs over the API")
class KpiApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  private Map<String, Object> kpis(String query) {
    ResponseEntity<Map<String, Object>> answer = shop.as(DemoUser.ANALYST)
        .exchange("/api/analytics/kpis" + query, HttpMethod.GET, null, MAP);
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stage(Map<String, Object> report, String stage) {
    return ((List<Map<String, Object>>) report.get("cycleTimes")).stream().filter(s -> stage.equals(s.get("stage")))
        .findFirst().orElseThrow();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("An order delivered today is in today's KPIs: one more order placed, paid, picked, shipped and delivered")
  void deliveredOrderCounts() {
    String today = "?from=" + LocalDate.now(ZoneOffset.UTC) + "&to=" + LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> before = kpis(today);

    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1))).get("id");
    shop.acceptQuote(orderId);
    shop.pickAndPack("madrid", orderId);
    shop.deliverAll(orderId);
    Map<String, Object> after = kpis(today);

    assertThat(number(after.get("ordersPlaced"))).isGreaterThan(number(before.get("ordersPlaced")));
    for (String stage : List.of("PLACED_TO_PAID", "PAID_TO_PICKED", "PICKED_TO_SHIPPED", "SHIPPED_TO_DELIVERED",
        "PLACED_TO_DELIVERED")) {
      Map<String, Object> now = stage(after, stage);
      assertThat(number(now.get("count"))).as(stage).isGreaterThan(number(stage(before, stage).get("count")));
      assertThat(((Number) now.get("medianHours")).doubleValue()).as(stage).isBetween(0.0, 1.0); // minutes, not days
    }
    Map<String, Object> returns = (Map<String, Object>) after.get("returns");
    assertThat(number(returns.get("deliveredUnits")))
        .isGreaterThan(number(((Map<String, Object>) before.get("returns")).get("deliveredUnits")));
    assertThat((List<Map<String, Object>>) after.get("paymentMethods")).anySatisfy(m -> {
      assertThat(m).containsEntry("method", "CARD");
      assertThat(number(m.get("orders"))).isPositive();
    });
    assertThat((List<Map<String, Object>>) after.get("revenue"))
        .anySatisfy(r -> assertThat(r).containsEntry("channel", "WEB_SHOP").containsEntry("currency", "EUR"));
    assertThat(number(kpis(today + "&warehouse=madrid").get("ordersPlaced"))).isPositive();
  }

  @Test
  @DisplayName("Bad ranges and warehouses: 400 naming the parameter")
  void badRequests() {
    TestRestTemplate analyst = shop.as(DemoUser.ANALYST);
    for (String query : List.of("?from=2026-03-31&to=2026-03-01", "?from=2025-01-01&to=2026-01-02",
        "?from=31.03.2026", "?warehouse=atlantis")) {
      ResponseEntity<Map<String, Object>> refused = analyst.exchange("/api/analytics/kpis" + query, HttpMethod.GET,
          null, MAP);
      assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().toString()).as(query).containsAnyOf("from", "to", "warehouse");
    }
    assertThat(analyst.exchange("/api/analytics/kpis.csv?from=2026-03-31&to=2026-03-01", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("The CSV: text/csv, an attachment named after the range, a header and one metric per row")
  void csvDownload() {
    ResponseEntity<String> csv = shop.as(DemoUser.FINANCE).exchange(
        "/api/analytics/kpis.csv?from=2025-01-01&to=2025-01-31&warehouse=madrid", HttpMethod.GET, null, String.class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"fulfillment-kpis-2025-01-01-2025-01-31-madrid.csv\"");
    assertThat(csv.getBody()).startsWith("metric,dimension,value,unit\r\norders_placed,,0,orders\r\n")
        .contains("\r\ncycle_time_median,PLACED_TO_DELIVERED,,hours\r\n");
  }
}
