package io.orderflow.fulfillment;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.worker.RecordBackorderWorker;
import io.orderflow.fulfillment.replenishment.WaitingOrders;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items nobody has, backordered: the customer ships what is there, the rest becomes a backorder order that waits for
 * the goods, and goes on by itself when they arrive (the replenishment's goods receipt, here called as its worker
 * will: {@link Inventory#receivePurchased} then {@link WaitingOrders#resume}). Each test has an article of its own, of
 * which Madrid holds one unit, so no other test's orders wait for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class BackorderApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Inventory inventory;
  @Autowired WaitingOrders waitingOrders;
  @Autowired RecordBackorderWorker recordBackorder;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("The customer ships the one print there is and waits for two: the backorder order waits, and when the prints arrive it is reserved, paid by the same card at no shipping cost, and reaches Madrid's picker without asking the customer")
  void backorderGoesOnWhenStockArrives() {
    // given: 3 prints ordered, Madrid has 1; the customer chooses to receive it now and wait for the rest
    String sku = newPrintWithOneInMadrid();
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(sku, 3))).get("id");
    shop.awaitStep(orderId, "Gateway_BackorderAnswer");
    assertThat(shop.post("/api/orders/" + orderId + "/backorder-decision", Map.of("choice", "SHIP_AVAILABLE"))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    // then the order is quoted for the print it ships, and links its backorder order, which waits for the goods
    Map<String, Object> original = shop.awaitOrder(orderId, o -> "QUOTED".equals(o.get("status"))
        && !list(o.get("backorderOrders")).isEmpty());
    BigDecimal shipping = new BigDecimal(map(original.get("quote")).get("shippingCost").toString());
    assertThat(new BigDecimal(map(original.get("quote")).get("amountDue").toString()))
        .isEqualByComparingTo(new BigDecimal("40.00").add(shipping));
    Map<String, Object> link = list(original.get("backorderOrders")).get(0);
    String backorderId = (String) link.get("orderId");
    assertThat(link).containsEntry("status", "AWAITING_STOCK").containsKey("orderNumber");
    assertThat(original.get("backorderFor")).isNull();

    Map<String, Object> waiting = shop.awaitStep(backorderId, "Gateway_StockArrives");
    assertThat(waiting).containsEntry("status", "AWAITING_STOCK").containsEntry("orderNumber", link.get("orderNumber"))
        .containsEntry("backorderFor", Map.of("orderId", orderId, "orderNumber", original.get("orderNumber")))
        .containsEntry("paymentMethod", "CARD").containsEntry("customerEmail", DemoUser.ANA.email());
    assertThat(list(waiting.get("lines"))).singleElement().satisfies(l -> {
      assertThat(l).containsEntry("sku", sku).containsEntry("quantity", 2);
      assertThat(new BigDecimal(l.get("unitPrice").toString())).isEqualByComparingTo("40.00");
    });
    assertThat(list(waiting.get("backorderOrders"))).isEmpty();

    // and a redelivered record-backorder job places nothing twice
    assertThat(recordBackorder.recordBackorder(orderId)).containsEntry("backorderOrderId", backorderId);
    assertThat(jdbc.queryForObject("select count(*) from customer_order where backorder_for_order_id = ?",
        Integer.class, orderId)).isOne();

    // when the customer takes the print there is, and two prints arrive in Madrid
    shop.acceptQuote(orderId);
    inventory.receivePurchased("PO-API-" + sku + "/R1/L1", "madrid", sku, 2);
    List<String> resumed = waitingOrders.resume(sku);

    // then the backorder order goes on by itself: reserved, quoted with free shipping, paid by the card, to the picker
    assertThat(resumed).containsExactly((String) link.get("orderNumber"));
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, backorderId, "UserTask_PickOrder");
    Map<String, Object> pickList = shop.get("/api/tasks/" + pick.get("key") + "/pick-list");
    assertThat(list(pickList.get("lines"))).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("sku", sku).containsEntry("quantity", 2));
    Map<String, Object> going = shop.awaitOrder(backorderId, o -> "AUTHORIZED".equals(map(o.get("payment")).get("status")));
    assertThat(going).containsEntry("status", "PAYMENT_AUTHORIZED").containsEntry("warehouseId", "madrid");
    Map<String, Object> quote = map(going.get("quote"));
    assertThat(new BigDecimal(quote.get("shippingCost").toString())).isEqualByComparingTo("0.00");
    assertThat(new BigDecimal(quote.get("amountDue").toString())).isEqualByComparingTo("80.00");
    assertThat(quote.get("acceptedAt")).as("accepted by the process, not the customer").isNotNull();
    assertThat(list(going.get("history"))).extracting(m -> m.get("milestone")).containsSubsequence(
        "ORDER_PLACED", "ORDER_AWAITING_STOCK", "ORDER_STOCK_RESERVED", "ORDER_QUOTED", "ORDER_QUOTE_ACCEPTED",
        "ORDER_PAYMENT_AUTHORIZED");
    assertThat(shop.reserved(sku)).as("the original's print and the two backordered").isEqualTo(3);
    assertThat(list(shop.get("/api/orders/" + orderId).get("backorderOrders"))).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("status", "PAYMENT_AUTHORIZED"));
    assertThat(waitingOrders.resume(sku)).as("nothing is allocated twice").isEmpty();
  }

  @Test
  @DisplayName("A backorder order waiting for its goods can be cancelled by the customer; no stock is given to it afterwards")
  void cancelledWhileWaiting() {
    // given a backorder order waiting for two prints
    String sku = newPrintWithOneInMadrid();
    String orderId = (String) shop.place(orderBody("ES", card("pm_card_visa"), Map.of(sku, 3))).get("id");
    shop.awaitStep(orderId, "Gateway_BackorderAnswer");
    shop.post("/api/orders/" + orderId + "/backorder-decision", Map.of("choice", "SHIP_AVAILABLE"));
    String backorderId = (String) list(shop.awaitOrder(orderId, o -> !list(o.get("backorderOrders")).isEmpty())
        .get("backorderOrders")).get(0).get("orderId");
    shop.awaitStep(backorderId, "Gateway_StockArrives");

    // when the customer cancels it
    var cancellation = shop.post("/api/orders/" + backorderId + "/cancellation", Map.of("reason", "Found it elsewhere"));

    // then the whole order is cancelled and the customer told; goods arriving later stay on sale
    assertThat(cancellation.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(cancellation.getBody()).containsEntry("wholeOrder", true);
    assertThat(shop.awaitOrder(backorderId, "CANCELLED")).containsEntry("cancellationReason", "Found it elsewhere");
    await().atMost(ShopClient.WAIT).until(() -> shop.notifications(backorderId).stream()
        .anyMatch(n -> "ORDER_CANCELLED".equals(n.get("topic"))));
    inventory.receivePurchased("PO-API-" + sku + "/R1/L1", "madrid", sku, 2);
    assertThat(waitingOrders.resume(sku)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from stock_reservation where order_id = ?", Integer.class,
        backorderId)).isZero();
    await().atMost(ShopClient.WAIT).until(() -> "COMPLETED".equals(shop.get("/api/orders/" + backorderId)
        .get("processStatus")));
  }

  /** A print of its own at 40.00, of which Madrid holds one unit and no other warehouse any. */
  private String newPrintWithOneInMadrid() {
    String sku = "PRINT-BO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, model_code, name, category, variant, price_amount, price_currency, "
        + "weight_grams, serialized) values (?, ?, 'Numbered art print', 'art', null, 40.00, 'EUR', 300, false)",
        sku, sku);
    jdbc.update("insert into stock (sku, warehouse_id, on_hand, reserved, bin_location) values (?, 'madrid', 1, 0, "
        + "'B-04-2')", sku);
    return sku;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
