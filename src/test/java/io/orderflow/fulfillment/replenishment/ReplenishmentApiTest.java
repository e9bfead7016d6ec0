package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replenishment through the process on the embedded default: a sale takes a SKU below its reorder point, the
 * replenishment process proposes a purchase order, purchasing approves it through the API, the supplier confirms part
 * of it through its callback, the warehouse receives it in two deliveries through the API; stock on hand rises exactly
 * by the accepted units and purchasing gets a mail about each delivery that did not match. Also: purchasing refuses,
 * and the supplier rejects.
 *
 * <p>Each test picks a SKU and warehouse no other warehouse can spare units for (so the process buys) and sets its
 * available stock just above or below the reorder point (5) first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Replenishment API")
class ReplenishmentApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final String PURCHASING_MAILBOX = "purchasing@shop.example";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReplenishmentTrigger trigger;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  ResponseEntity<Map<String, Object>> call(DemoUser user, HttpMethod method, String path, Object body) {
    return shop.as(user).exchange(path, method, body == null ? null : new HttpEntity<>(body), MAP);
  }

  int onHand(String sku, String warehouse) {
    return jdbc.queryForObject("select on_hand from stock where sku = ? and warehouse_id = ?", Integer.class, sku,
        warehouse);
  }

  /** Sets what is available (on hand − reserved) of the SKU in the warehouse; returns the on-hand count before. */
  int makeAvailable(String sku, String warehouse, int available) {
    int before = onHand(sku, warehouse);
    jdbc.update("update stock set on_hand = reserved + ? where sku = ? and warehouse_id = ?", available, sku,
        warehouse);
    return before;
  }

  /** The open purchase order the replenishment process of the SKU and warehouse made, once it is there. */
  @SuppressWarnings("unchecked")
  Map<String, Object> awaitProcessPurchaseOrder(String sku, String warehouse) {
    return await().atMost(ShopClient.WAIT).until(() -> shop.as(DemoUser.PURCHASING)
        .exchange("/api/purchase-orders", HttpMethod.GET, null, LIST).getBody().stream()
        .filter(po -> warehouse.equals(po.get("warehouseId")) && po.get("processInstanceKey") != null
            && !List.of("RECEIVED", "CANCELLED", "REJECTED").contains(po.get("status"))
            && ((List<Map<String, Object>>) po.get("lines")).stream().anyMatch(l -> sku.equals(l.get("sku"))))
        .findFirst(), Optional::isPresent).orElseThrow();
  }

  Map<String, Object> awaitPurchaseOrder(String poId, Predicate<Map<String, Object>> condition) {
    return await().atMost(ShopClient.WAIT).until(() -> call(DemoUser.PURCHASING, HttpMethod.GET,
        "/api/purchase-orders/" + poId, null).getBody(), condition);
  }

  /** Posts the delivery once the process waits for it (409 until then: nothing happened). */
  ResponseEntity<Map<String, Object>> receiveWhenExpected(DemoUser staff, String poId, Map<String, Object> delivery) {
    return await().atMost(ShopClient.WAIT).until(() -> call(staff, HttpMethod.POST,
        "/api/purchase-orders/" + poId + "/receipts", delivery), r -> r.getStatusCode() != HttpStatus.CONFLICT);
  }

  Map<String, Object> awaitMail(String to, String subject, String bodyPart) {
    return await().atMost(ShopClient.WAIT).until(() -> shop.as(DemoUser.OPS).exchange("/api/dev/mailbox?to=" + to,
            HttpMethod.GET, null, LIST).getBody().stream().filter(m -> subject.equals(m.get("subject"))
                && String.valueOf(m.get("body")).contains(bodyPart)).findFirst(), Optional::isPresent).orElseThrow();
  }

  @Test
  @DisplayName("a sale below the reorder point buys through the process: approved by purchasing, partly confirmed by "
      + "the supplier, received in two deliveries; stock rises by the accepted units only, purchasing hears of each "
      + "delivery that did not match")
  @SuppressWarnings("unchecked")
  void saleToReceipt() {
    // given: 6 smartwatches available in Sofia (reorder point 5); nobody else can spare any
    String sku = "SMARTWATCH-S2";
    makeAvailable(sku, "sofia", 6);

    // when a customer in Sofia buys 2 (4 left) and pays
    Map<String, Object> order = shop.place(ShopClient.orderBody("BG", ShopClient.card("pm_card_visa"), Map.of(sku, 2)));
    shop.acceptQuote((String) order.get("id"));

    // then the process proposes 15 (1208.25 EUR): above the threshold, it waits for purchasing
    Map<String, Object> proposed = awaitProcessPurchaseOrder(sku, "sofia");
    String poId = (String) proposed.get("id");
    String poNumber = (String) proposed.get("number");
    String po = "/api/purchase-orders/" + poId;
    awaitPurchaseOrder(poId, p -> "AWAITING_APPROVAL".equals(p.get("status")));
    assertThat(((List<Map<String, Object>>) proposed.get("lines")).get(0)).containsEntry("orderedQuantity", 15);
    int before = onHand(sku, "sofia");

    // no delivery is expected yet; only purchasing approves
    ResponseEntity<Map<String, Object>> early = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        Map.of("lines", List.of(Map.of("sku", sku, "receivedQuantity", 1))));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/approval", Map.of("approved", true))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // when purchasing approves through the API
    ResponseEntity<Map<String, Object>> approved = call(DemoUser.PURCHASING, HttpMethod.POST, po + "/approval",
        Map.of("approved", true, "note", "needed for the sale"));
    assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.ACCEPTED);

    // then it is recorded as theirs and sent to the supplier
    Map<String, Object> sent = awaitPurchaseOrder(poId, p -> "SENT".equals(p.get("status")));
    assertThat(sent).containsEntry("approvedBy", DemoUser.PURCHASING.username())
        .containsEntry("decisionNote", "needed for the sale");
    assertThat(jdbc.queryForObject("select supplier_email from supplier_dispatch where purchase_order_id = ?",
        String.class, poId)).isEqualTo("sales@voltware.example");
    ResponseEntity<Map<String, Object>> again = call(DemoUser.PURCHASING, HttpMethod.POST, po + "/approval",
        Map.of("approved", true));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail")).isEqualTo(poNumber + " is not waiting for approval");
    ResponseEntity<Map<String, Object>> unconfirmed = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        Map.of("lines", List.of(Map.of("sku", sku, "receivedQuantity", 1))));
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unconfirmed.getBody().get("detail"))
        .isEqualTo(poNumber + " is not expecting a delivery (supplier has not confirmed)");

    // when the supplier confirms 12 of 15, due yesterday (the reminder is due at once)
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    ResponseEntity<Map<String, Object>> confirmed = call(DemoUser.CALLBACKS, HttpMethod.POST,
        po + "/supplier-confirmation", Map.of("accepted", true, "expectedDate", yesterday,
            "lines", List.of(Map.of("sku", sku, "quantity", 12))));
    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(confirmed.getBody()).containsEntry("status", "PARTIALLY_CONFIRMED");

    // and the warehouse's first delivery: 5, one damaged; a wrong count is refused naming its line and field
    ResponseEntity<Map<String, Object>> wrong = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        Map.of("lines", List.of(Map.of("sku", sku, "receivedQuantity", 2, "damagedQuantity", 3),
            Map.of("sku", "MUG-CERAMIC", "receivedQuantity", 1))));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody().toString()).contains("lines[0].damagedQuantity", "lines[1].sku");
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.POST, po + "/receipts", Map.of("lines",
        List.of(Map.of("sku", sku, "receivedQuantity", 5)))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    Map<String, Object> delivery1 = Map.of("deliveryReference", "DN-1", "lines", List.of(Map.of("sku", sku,
        "receivedQuantity", 5, "damagedQuantity", 1, "lotOrSerials", List.of("SW1", "SW2", "SW3", "SW4", "SW5"))));
    ResponseEntity<Map<String, Object>> first = receiveWhenExpected(DemoUser.PICKER_SOFIA, poId, delivery1);
    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.ACCEPTED);

    // then 4 are accepted onto stock; purchasing hears of the damaged one and the 8 still missing
    Map<String, Object> partly = awaitPurchaseOrder(poId, p -> "PARTIALLY_RECEIVED".equals(p.get("status")));
    Map<String, Object> receipt1 = ((List<Map<String, Object>>) partly.get("receipts")).get(0);
    assertThat(receipt1).containsEntry("deliveryNote", "DN-1").containsEntry("receivedBy",
        DemoUser.PICKER_SOFIA.username());
    Map<String, Object> line1 = ((List<Map<String, Object>>) receipt1.get("lines")).get(0);
    assertThat(line1).containsEntry("acceptedQuantity", 4).containsEntry("binLocation", "B-03-2");
    assertThat((List<String>) line1.get("discrepancies")).containsExactly("DAMAGED 1", "SHORT 8");
    assertThat((List<String>) line1.get("lotOrSerials")).containsExactly("SW1", "SW2", "SW3", "SW4", "SW5");
    assertThat(onHand(sku, "sofia")).isEqualTo(before + 4);
    String subject = "Purchase order " + poNumber + ": the delivery does not match the order";
    Map<String, Object> mail1 = awaitMail(PURCHASING_MAILBOX, subject, "Receipt 1 of purchase order " + poNumber);
    assertThat((String) mail1.get("body")).contains("Voltware Electronics Sp. z o.o.",
        "- Line 1: SMARTWATCH-S2 (", "received 5, damaged 1, accepted 4 - DAMAGED 1, SHORT 8");

    // the same delivery note again changes nothing
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts", delivery1).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    // when the rest arrives: 9, one damaged
    ResponseEntity<Map<String, Object>> second = receiveWhenExpected(DemoUser.PICKER_SOFIA, poId, Map.of(
        "deliveryReference", "DN-2", "lines", List.of(Map.of("sku", sku, "receivedQuantity", 9, "damagedQuantity", 1))));
    assertThat(second.getStatusCode()).as("%s", second.getBody()).isEqualTo(HttpStatus.ACCEPTED);

    // then the purchase order is received: 4 + 8 on hand, exactly
    Map<String, Object> received = awaitPurchaseOrder(poId, p -> "RECEIVED".equals(p.get("status")));
    assertThat(((List<Map<String, Object>>) received.get("lines")).get(0)).containsEntry("orderedQuantity", 15)
        .containsEntry("confirmedQuantity", 12).containsEntry("receivedQuantity", 14)
        .containsEntry("damagedQuantity", 2).containsEntry("acceptedQuantity", 12).containsEntry("openQuantity", 0);
    assertThat((List<?>) received.get("receipts")).hasSize(2);
    assertThat(onHand(sku, "sofia")).as("raised by exactly 4 + 8").isEqualTo(before + 12);
    assertThat(jdbc.queryForList("select quantity from stock_movement where reference like ? order by id",
        Integer.class, poNumber + "/%")).containsExactly(4, 8);
    Map<String, Object> mail2 = awaitMail(PURCHASING_MAILBOX, subject, "Receipt 2 of purchase order " + poNumber);
    assertThat((String) mail2.get("body")).contains("received 9, damaged 1, accepted 8 - DAMAGED 1");

    // and the supplier was reminded of the date it missed, once
    await().atMost(ShopClient.WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "select count(*) from supplier_reminder where purchase_order_id = ?", Integer.class, poId)).isEqualTo(1));
    assertThat((List<Map<String, Object>>) call(DemoUser.OPS, HttpMethod.GET, po, null).getBody().get("history"))
        .extracting(e -> e.get("step")).containsOnlyOnce("SUPPLIER_REMINDED");
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts", Map.of("lines", List.of(Map.of("sku",
        sku, "receivedQuantity", 1)))).getStatusCode()).as("closed").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("purchasing refuses a purchase order through the API: it is cancelled, nothing goes to the supplier")
  void purchasingRefuses() {
    // given: Madrid below the reorder point for smartwatches, found by the check (as the sweep would)
    String sku = "SMARTWATCH-S2";
    int before = makeAvailable(sku, "madrid", 3);
    try {
      trigger.checkAndSignal(sku, "madrid");
      Map<String, Object> proposed = awaitProcessPurchaseOrder(sku, "madrid");
      String poId = (String) proposed.get("id");
      awaitPurchaseOrder(poId, p -> "AWAITING_APPROVAL".equals(p.get("status")));

      // when
      ResponseEntity<Map<String, Object>> refused = call(DemoUser.PURCHASING, HttpMethod.POST,
          "/api/purchase-orders/" + poId + "/approval", Map.of("approved", false, "note", "the model is discontinued"));

      // then
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      Map<String, Object> cancelled = awaitPurchaseOrder(poId, p -> "CANCELLED".equals(p.get("status")));
      assertThat(cancelled).containsEntry("decisionNote", "the model is discontinued").doesNotContainKey("approvedBy");
      assertThat(jdbc.queryForObject("select count(*) from supplier_dispatch where purchase_order_id = ?",
          Integer.class, poId)).isZero();
      assertThat(call(DemoUser.PURCHASING, HttpMethod.POST, "/api/purchase-orders/" + poId + "/approval",
          Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    } finally {
      jdbc.update("update stock set on_hand = ? where sku = ? and warehouse_id = ?", before, sku, "madrid");
    }
  }

  @Test
  @DisplayName("the supplier rejects through its callback: the purchase order is rejected and purchasing is told why; "
      + "the reorder policies are listed per SKU")
  void supplierRejects() {
    // given: coffee beans below the reorder point in Sofia: 20 for 193.60 EUR go out without approval
    String sku = "COFFEE-BEANS-1KG";
    int before = makeAvailable(sku, "sofia", 2);
    try {
      trigger.checkAndSignal(sku, "sofia");
      Map<String, Object> proposed = awaitProcessPurchaseOrder(sku, "sofia");
      String poId = (String) proposed.get("id");
      awaitPurchaseOrder(poId, p -> "SENT".equals(p.get("status")));

      // when
      ResponseEntity<Map<String, Object>> rejected = call(DemoUser.CALLBACKS, HttpMethod.POST,
          "/api/purchase-orders/" + poId + "/supplier-confirmation",
          Map.of("accepted", false, "reason", "out of production"));

      // then
      assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(rejected.getBody()).containsEntry("status", "REJECTED")
          .containsEntry("rejectionReason", "out of production");
      Map<String, Object> mail = awaitMail(PURCHASING_MAILBOX, "Purchase order " + proposed.get("number")
          + " was rejected by the supplier", "Reason: out of production");
      assertThat((String) mail.get("body")).contains("Casa & Home Goods EOOD (casa-goods)",
          "- Line 1: COFFEE-BEANS-1KG (", "20 ordered at 9.68 EUR");
    } finally {
      jdbc.update("update stock set on_hand = ? where sku = ? and warehouse_id = ?", before, sku, "sofia");
    }

    ResponseEntity<List<Map<String, Object>>> policies = shop.as(DemoUser.PURCHASING)
        .exchange("/api/reorder-policies?sku=YOGA-MAT", HttpMethod.GET, null, LIST);
    assertThat(policies.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(policies.getBody()).extracting(p -> p.get("warehouseId")).containsExactly("madrid", "sofia", "warsaw");
    assertThat(policies.getBody().get(0)).containsEntry("reorderPoint", 5).containsEntry("supplierId", "casa-goods");
  }
}
