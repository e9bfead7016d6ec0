package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.order.Replacements;
import io.orderflow.fulfillment.order.Replacements.Replacement;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint resolved by a replacement shipment, on the embedded default with the real workers: the replacement is a
 * new order of the same items, free of charge, that goes through the normal fulfilment without waiting for the
 * customer (no quote to accept, nothing to pay) and reaches the warehouse; it is not invoiced. (The returns API does
 * not exist yet: the test sends the replacement as the returns worker will, through {@link Replacements#send}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ReplacementApiTest {

  private static final String SKU = "TSHIRT-ORG-M";
  private static final String OTHER = "MUG-CERAMIC";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Replacements replacements;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("A damaged T-shirt is replaced free of charge: the replacement is quoted at 0, accepted and paid without the customer, reaches the picker, ships without a VAT invoice and settles with nothing to settle")
  @SuppressWarnings("unchecked")
  void replacementGoesThroughFulfilment() {
    // given a delivered order
    String originalId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(SKU, 2, OTHER, 1))).get("id");
    shop.acceptQuote(originalId);
    shop.pickAndPack("madrid", originalId);
    shop.deliverAll(originalId);
    String originalNumber = (String) shop.get("/api/orders/" + originalId).get("orderNumber");
    int reservedBefore = shop.reserved(SKU);
    String rma = "RMA-" + UUID.randomUUID().toString().substring(0, 8);

    // when the complaint's outcome is a replacement of one T-shirt
    Replacement replacement = replacements.send(originalId, rma, List.of(new RequestedLine(SKU, 1)));

    // then it reaches the warehouse without anyone accepting a quote or paying
    assertThat(replacement.originalOrderId()).isEqualTo(originalId);
    assertThat(replacement.rmaNumber()).isEqualTo(rma);
    String id = replacement.orderId();
    shop.awaitTask(DemoUser.PICKER_MADRID, id, "UserTask_PickOrder");
    Map<String, Object> order = shop.get("/api/orders/" + id);
    assertThat(order).containsEntry("status", "PAYMENT_AUTHORIZED").containsEntry("paymentMethod", "NO_CHARGE")
        .containsEntry("orderNumber", replacement.orderNumber()).containsEntry("customerEmail", DemoUser.ANA.email())
        .containsEntry("replacementFor", Map.of("orderId", originalId, "orderNumber", originalNumber, "rmaNumber", rma));
    assertThat((Map<String, Object>) order.get("payment")).containsEntry("method", "NO_CHARGE")
        .containsEntry("status", "NO_CHARGE");
    Map<String, Object> quote = (Map<String, Object>) order.get("quote");
    assertThat(((Number) quote.get("shippingCost")).doubleValue()).isZero();
    assertThat(((Number) quote.get("amountDue")).doubleValue()).isZero();
    assertThat((List<Map<String, Object>>) order.get("lines")).singleElement().satisfies(l -> {
      assertThat(l).containsEntry("sku", SKU).containsEntry("quantity", 1);
      assertThat(((Number) l.get("unitPrice")).doubleValue()).isZero();
    });
    assertThat(history(order)).containsSubsequence("ORDER_PLACED", "ORDER_STOCK_RESERVED", "ORDER_QUOTED",
        "ORDER_QUOTE_ACCEPTED", "PAYMENT_NO_CHARGE", "ORDER_PAYMENT_AUTHORIZED");
    assertThat(shop.reserved(SKU)).isEqualTo(reservedBefore + 1);
    assertThat((List<Map<String, Object>>) shop.get("/api/orders/" + originalId).get("replacements"))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("orderId", id)
            .containsEntry("orderNumber", replacement.orderNumber()).containsEntry("rmaNumber", rma));
    await().atMost(ShopClient.WAIT).until(() -> shop.notifications(id).stream()
        .anyMatch(n -> "customer".equals(n.get("audience")) && "ORDER_ACKNOWLEDGED".equals(n.get("topic"))));

    // and a repeated request (the returns job delivered again) finds the same replacement
    assertThat(replacements.send(originalId, rma, List.of(new RequestedLine(SKU, 1)))).isEqualTo(replacement);
    assertThat(jdbc.queryForObject("select count(*) from customer_order where replacement_rma = ?", Integer.class, rma))
        .isOne();

    // and the rest of the fulfilment: shipped without a VAT invoice or a capture, delivered, settled
    shop.pickAndPack("madrid", id);
    shop.deliverAll(id);
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + id).get("processStatus")));
    Map<String, Object> delivered = shop.get("/api/orders/" + id);
    assertThat((List<Map<String, Object>>) delivered.get("incidents")).isEmpty();
    assertThat((Map<String, Object>) delivered.get("payment")).containsEntry("status", "NO_CHARGE");
    assertThat((List<Map<String, Object>>) delivered.get("shipments")).singleElement()
        .satisfies(s -> assertThat(s.get("invoiceNumber")).isNull());
    assertThat(shop.exchange("/api/orders/" + id + "/invoices", org.springframework.http.HttpMethod.GET, null,
        new org.springframework.core.ParameterizedTypeReference<List<Object>>() {}).getBody()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from payment_capture where order_id = ?", Integer.class, id))
        .isZero();
  }

  @Test
  @DisplayName("A replacement needs an existing order (404) and items of it (400)")
  void validation() {
    String originalId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(SKU, 1))).get("id");
    String rma = "RMA-" + UUID.randomUUID().toString().substring(0, 8);

    assertThatThrownBy(() -> replacements.send("no-such-order", rma, List.of(new RequestedLine(SKU, 1))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> replacements.send(originalId, rma, List.of(new RequestedLine("MUG-CERAMIC", 1))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> replacements.send(originalId, rma, List.of(new RequestedLine(SKU, 2))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(jdbc.queryForObject("select count(*) from customer_order where replacement_rma = ?", Integer.class, rma))
        .isZero();
  }

  @SuppressWarnings("unchecked")
  private static List<String> history(Map<String, Object> order) {
    return ((List<Map<String, Object>>) order.get("history")).stream()
        .map(m -> (m.get("shipmentNo") == null ? "" : m.get("shipmentNo") + ":") + m.get("milestone")).toList();
  }
}
