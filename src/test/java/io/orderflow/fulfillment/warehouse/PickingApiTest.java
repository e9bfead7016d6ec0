package io.orderflow.fulfillment.warehouse;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Picking on a handheld through the API, on the embedded runtime: the pick list of the parcel, scans checked against
 * it, and the pick task completed only when every unit was scanned. Uses HEADPHONES-BT (serialized) and YOGA-MAT,
 * delivered to Madrid; no other test checks their stock in Madrid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Picking a parcel by scanning, over the API")
class PickingApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Picking picking;
  ShopClient shop;

  @BeforeEach
  void shop() {
    shop = new ShopClient(http, jdbc);
  }

  @Test
  @DisplayName("The picker scans every unit, serials included, before the pick task can be completed")
  @SuppressWarnings("unchecked")
  void pickByScanning() {
    // given an accepted order of wireless headphones (serialized) and a yoga mat, picked in Madrid
    Map<String, Object> order = shop.place(orderBody("ES", card("pm_card_visa"), Map.of("HEADPHONES-BT", 1, "YOGA-MAT", 1)));
    String orderId = (String) order.get("id");
    String orderNumber = (String) order.get("orderNumber");
    shop.acceptQuote(orderId);
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    String path = "/api/tasks/" + pick.get("key");

    // when the picker opens the pick list
    Map<String, Object> list = shop.get(path + "/pick-list");

    // then it shows the parcel's lines in walking order (by bin), nothing scanned yet
    assertThat(list).containsEntry("shipmentNo", 1).containsEntry("warehouseId", "madrid")
        .containsEntry("unitsToScan", 2).containsEntry("complete", false);
    assertThat((List<Map<String, Object>>) list.get("lines")).containsExactly(
        Map.of("sku", "HEADPHONES-BT", "productName", "Wireless headphones", "quantity", 1, "binLocation", "A-03-1",
            "serialized", true, "scannedQuantity", 0, "serialNumbers", List.of()),
        Map.of("sku", "YOGA-MAT", "productName", "Yoga mat 6 mm", "quantity", 1, "binLocation", "F-03-3",
            "serialized", false, "scannedQuantity", 0, "serialNumbers", List.of()));

    // when a wrong article is scanned, then it is refused, naming it and the parcel
    ResponseEntity<Map<String, Object>> wrong = shop.post(path + "/scans", Map.of("barcode", "HOODIE-ZIP-L"));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(wrong.getBody().get("detail"))
        .isEqualTo("Scanned HOODIE-ZIP-L is not on the pick list of parcel 1 of " + orderNumber);

    // and headphones without their serial number are refused
    assertThat(shop.post(path + "/scans", Map.of("barcode", "HEADPHONES-BT")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // when the mat is scanned, completing is still refused: the headphones are missing
    assertThat(shop.post(path + "/scans", Map.of("barcode", "YOGA-MAT")).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> early = shop.post(path + "/complete",
        Map.of("variables", Map.of("allLinesPicked", true)));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("detail").toString())
        .startsWith("1 unit(s) not scanned yet: 1 x HEADPHONES-BT (A-03-1)");

    // when the headphones are scanned with their serial (twice: the handheld repeated it)
    String serial = "SN-" + orderId;
    shop.post(path + "/scans", Map.of("barcode", "HEADPHONES-BT", "serialNumber", serial));
    ResponseEntity<Map<String, Object>> again = shop.post(path + "/scans",
        Map.of("barcode", "HEADPHONES-BT", "serialNumber", serial));

    // then one unit is counted, and another mat is one too many
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("unitsToScan", 0).containsEntry("complete", true);
    assertThat((List<Map<String, Object>>) again.getBody().get("lines")).first()
        .satisfies(l -> assertThat(l).containsEntry("scannedQuantity", 1).containsEntry("serialNumbers", List.of(serial)));
    assertThat(shop.post(path + "/scans", Map.of("barcode", "YOGA-MAT")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(picking.serialsOf(orderId)).isEmpty();

    // when the pick task is completed
    shop.completeTask(pick, Map.of("allLinesPicked", true));

    // then the serial belongs to the order's headphones, and the task's pick list takes no more scans
    assertThat(picking.serialsOf(orderId)).containsExactly(new Picking.PickedSerial(1, "HEADPHONES-BT", serial));
    assertThat(shop.post(path + "/scans", Map.of("barcode", "YOGA-MAT")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    // and a pack task has no pick list
    Map<String, Object> pack = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PackOrder");
    assertThat(shop.getForEntity("/api/tasks/" + pack.get("key") + "/pick-list", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(shop.getForEntity("/api/tasks/999999999/pick-list", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
