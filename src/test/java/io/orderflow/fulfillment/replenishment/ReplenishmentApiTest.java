package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.replenishment.Replenishment.PurchaseOrderView;
import io.orderflow.fulfillment.replenishment.Replenishment.ReplenishmentNeed;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.List;
import java.util.Map;
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
 * Replenishment through the API on the embedded default: a purchase order proposed (as the process will), approved by
 * purchasing, sent, partly confirmed by the supplier's callback, received in two deliveries by the warehouse; stock on
 * hand rises exactly by the accepted units, with one RECEIVED line per delivery in the stock ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Replenishment API")
class ReplenishmentApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final String SKU = "SMARTWATCH-S2";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Replenishment replenishment;
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

  @Test
  @DisplayName("approved, partly confirmed, received in two deliveries: stock rises by the accepted units only")
  @SuppressWarnings("unchecked")
  void approveConfirmAndReceiveTwice() {
    // given: 15 smartwatches for Sofia (1208.25 EUR, above the approval threshold), proposed as the process will
    PurchaseOrderView proposed = replenishment.propose(new ReplenishmentNeed(SKU, "sofia", 3, 5, 15, "voltware"));
    assertThat(replenishment.propose(new ReplenishmentNeed(SKU, "sofia", 3, 5, 15, "voltware")).id())
        .as("one open replenishment per SKU and warehouse").isEqualTo(proposed.id());
    assertThat(replenishment.needsApproval(proposed.id())).isTrue();
    String po = "/api/purchase-orders/" + proposed.id();
    int before = onHand(SKU, "sofia");

    // approval: purchasing only, the decision named, 404 for an unknown purchase order
    assertThat(call(DemoUser.PURCHASING, HttpMethod.POST, po + "/approval", Map.of("note", "x")).getBody().toString())
        .contains("approved");
    assertThat(call(DemoUser.PURCHASING, HttpMethod.POST, "/api/purchase-orders/nope/approval",
        Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/approval", Map.of("approved", true))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> approved = call(DemoUser.PURCHASING, HttpMethod.POST, po + "/approval",
        Map.of("approved", true, "note", "needed for the sale"));
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(approved.getBody()).containsEntry("approvedBy", DemoUser.PURCHASING.username())
        .containsEntry("status", "AWAITING_APPROVAL");

    // the supplier cannot confirm what was not sent yet
    Map<String, Object> confirmation = Map.of("accepted", true, "expectedDate", "2026-12-10",
        "lines", List.of(Map.of("sku", SKU, "quantity", 12)));
    ResponseEntity<Map<String, Object>> early = call(DemoUser.CALLBACKS, HttpMethod.POST, po + "/supplier-confirmation",
        confirmation);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("detail").toString()).contains("AWAITING_APPROVAL");

    // when: sent (the process's step), partly confirmed by the supplier's callback
    assertThat(replenishment.send(proposed.id()).status()).isEqualTo(PurchaseOrderStatus.SENT);
    assertThat(jdbc.queryForObject("select supplier_email from supplier_dispatch where purchase_order_id = ?",
        String.class, proposed.id())).isEqualTo("sales@voltware.example");
    assertThat(call(DemoUser.PURCHASING, HttpMethod.POST, po + "/supplier-confirmation", confirmation)
        .getStatusCode()).as("the machine caller only").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> confirmed = call(DemoUser.CALLBACKS, HttpMethod.POST,
        po + "/supplier-confirmation", confirmation);
    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(confirmed.getBody()).containsEntry("status", "PARTIALLY_CONFIRMED")
        .containsEntry("expectedDate", "2026-12-10");

    // the first delivery: 5, one damaged → 4 accepted; another warehouse's staff do not see the purchase order
    Map<String, Object> delivery1 = Map.of("deliveryReference", "DN-1", "lines", List.of(Map.of("sku", SKU,
        "receivedQuantity", 5, "damagedQuantity", 1, "lotOrSerials", List.of("SW1", "SW2", "SW3", "SW4", "SW5"))));
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.POST, po + "/receipts", delivery1).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, po, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> first = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        delivery1);
    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> firstLine = ((List<Map<String, Object>>) ((Map<String, Object>) first.getBody().get("receipt"))
        .get("lines")).get(0);
    assertThat(firstLine).containsEntry("acceptedQuantity", 4).containsEntry("binLocation", "B-03-2");
    assertThat((List<String>) firstLine.get("discrepancies")).containsExactly("DAMAGED 1", "SHORT 8");
    assertThat((Map<String, Object>) first.getBody().get("purchaseOrder")).containsEntry("status", "PARTIALLY_RECEIVED");
    assertThat(onHand(SKU, "sofia")).isEqualTo(before + 4);

    // the same delivery note again changes nothing; a SKU not on the order is named
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts", delivery1).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(onHand(SKU, "sofia")).isEqualTo(before + 4);
    ResponseEntity<Map<String, Object>> unknown = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        Map.of("lines", List.of(Map.of("sku", "MUG-CERAMIC", "receivedQuantity", 1))));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().toString()).contains("lines[0].sku");

    // the second delivery: 10 good → 8 still open accepted, 2 over-delivered (not stock); the order is received
    ResponseEntity<Map<String, Object>> second = call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts",
        Map.of("deliveryReference", "DN-2", "lines", List.of(Map.of("sku", SKU, "receivedQuantity", 10))));
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> secondLine = ((List<Map<String, Object>>) ((Map<String, Object>) second.getBody()
        .get("receipt")).get("lines")).get(0);
    assertThat(secondLine).containsEntry("acceptedQuantity", 8).containsEntry("overQuantity", 2);

    // then
    assertThat(onHand(SKU, "sofia")).as("raised by exactly 4 + 8").isEqualTo(before + 12);
    List<Map<String, Object>> ledger = jdbc.queryForList("select movement_type, quantity, on_hand_after, reference "
        + "from stock_movement where reference like ? order by id", proposed.number() + "/%");
    assertThat(ledger).extracting(m -> m.get("MOVEMENT_TYPE"), m -> m.get("QUANTITY"), m -> m.get("ON_HAND_AFTER"),
        m -> m.get("REFERENCE")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("RECEIVED", 4, before + 4, proposed.number() + "/R1/L1"),
            org.assertj.core.groups.Tuple.tuple("RECEIVED", 8, before + 12, proposed.number() + "/R2/L1"));

    Map<String, Object> read = call(DemoUser.OPS, HttpMethod.GET, po, null).getBody();
    assertThat(read).containsEntry("status", "RECEIVED");
    assertThat(((List<Map<String, Object>>) read.get("lines")).get(0)).containsEntry("orderedQuantity", 15)
        .containsEntry("confirmedQuantity", 12).containsEntry("receivedQuantity", 15)
        .containsEntry("damagedQuantity", 1).containsEntry("acceptedQuantity", 12).containsEntry("openQuantity", 0);
    assertThat((List<?>) read.get("receipts")).hasSize(2);
    assertThat(call(DemoUser.PICKER_SOFIA, HttpMethod.POST, po + "/receipts", Map.of("lines", List.of(Map.of("sku",
        SKU, "receivedQuantity", 1)))).getStatusCode()).as("closed").isEqualTo(HttpStatus.CONFLICT);
    assertThat(shop.as(DemoUser.PURCHASING).exchange("/api/purchase-orders?status=RECEIVED", HttpMethod.GET, null,
        LIST).getBody()).extracting(p -> p.get("id")).contains(proposed.id());
    assertThat(replenishment.check(SKU, "sofia")).as("nothing open, stock above the reorder point").isEmpty();
  }

  @Test
  @DisplayName("a supplier's rejection closes the purchase order; the reorder policies are listed per SKU")
  void supplierRejectsAndPolicies() {
    PurchaseOrderView proposed = replenishment.propose(new ReplenishmentNeed("YOGA-MAT", "warsaw", 2, 5, 10,
        "casa-goods"));
    assertThat(replenishment.needsApproval(proposed.id())).isFalse();
    replenishment.send(proposed.id());
    ResponseEntity<Map<String, Object>> rejected = call(DemoUser.CALLBACKS, HttpMethod.POST,
        "/api/purchase-orders/" + proposed.id() + "/supplier-confirmation",
        Map.of("accepted", false, "reason", "out of production"));
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(rejected.getBody()).containsEntry("status", "REJECTED").containsEntry("rejectionReason",
        "out of production");

    ResponseEntity<List<Map<String, Object>>> policies = shop.as(DemoUser.PURCHASING)
        .exchange("/api/reorder-policies?sku=YOGA-MAT", HttpMethod.GET, null, LIST);
    assertThat(policies.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(policies.getBody()).extracting(p -> p.get("warehouseId")).containsExactly("madrid", "sofia", "warsaw");
    assertThat(policies.getBody().get(0)).containsEntry("reorderPoint", 5).containsEntry("supplierId", "casa-goods");
  }
}
