package io.orderflow.fulfillment.returns;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.shipping.documents.PdfReading;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.math.BigDecimal;
import java.util.HashMap;
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
 * Returns through the API on the embedded default, as a new user would: a delivered order (worked through the task and
 * courier APIs), a return requested by its customer, approved by the eligibility rules, its label booked and printed,
 * the courier's delivery of the return parcel, the warehouse's scan and inspection, the goods back in stock; the
 * errors and ownership rules of the routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class ReturnsApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final String SKU = "TSHIRT-ORG-M";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(http, jdbc);
  }

  /** A card order of Ana's, picked, packed and delivered from Madrid. */
  @SuppressWarnings("unchecked")
  String deliveredOrder(Map<String, Integer> lines) {
    return deliveredOrder(card("pm_card_visa"), lines);
  }

  /** An order of Ana's paid by the given method (a bank transfer is paid by a statement line), delivered. */
  @SuppressWarnings("unchecked")
  String deliveredOrder(Map<String, Object> payment, Map<String, Integer> lines) {
    Map<String, Object> placed = shop.place(orderBody("ES", payment, lines));
    String orderId = (String) placed.get("id");
    Map<String, Object> quoted = shop.acceptQuote(orderId);
    if ("BANK_TRANSFER".equals(payment.get("method"))) {
      java.util.regex.Matcher reference = java.util.regex.Pattern.compile("RF\\d{2}[A-Z0-9 ]+")
          .matcher(shop.awaitPayment(orderId, "AWAITING_TRANSFER").get("detail").toString());
      assertThat(reference.find()).isTrue();
      Map<String, Object> entry = Map.of("bankTransactionId", "BTX-" + java.util.UUID.randomUUID(), "reference",
          reference.group().replace(" ", ""), "amount", ((Map<String, Object>) quoted.get("quote")).get("amountDue")
              .toString(), "currency", "EUR", "bookingDate", java.time.LocalDate.now().toString(), "payerName",
          "Ana García");
      shop.post("/api/payments/bank-statements", Map.of("entries", List.of(entry)));
      shop.awaitPayment(orderId, "PAID");
    }
    for (Map<String, Object> parcel : (List<Map<String, Object>>) quoted.get("shipments")) {
      shop.pickAndPack((String) parcel.get("warehouseId"), orderId);
    }
    // the courier reports each delivery once; the order being busy with another step at that moment is no conflict
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    for (Map<String, Object> parcel : (List<Map<String, Object>>) shipped.get("shipments")) {
      String tracking = (String) parcel.get("trackingNumber");
      Map<String, Object> event = Map.of("eventId", "evt-delivered-" + tracking, "trackingNumber", tracking,
          "type", "DELIVERED", "occurredAt", java.time.Instant.now().toString(), "location", "front door");
      ResponseEntity<Map<String, Object>> recorded = call(DemoUser.CALLBACKS, HttpMethod.POST, "/api/courier/events",
          event);
      assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    }
    shop.awaitOrder(orderId, "DELIVERED");
    return orderId;
  }

  ResponseEntity<Map<String, Object>> call(DemoUser user, HttpMethod method, String path, Object body) {
    return shop.as(user).exchange(path, method, body == null ? null : new HttpEntity<>(body), MAP);
  }

  Map<String, Object> returnOf(DemoUser user, String returnId) {
    ResponseEntity<Map<String, Object>> r = call(user, HttpMethod.GET, "/api/returns/" + returnId, null);
    assertThat(r.getStatusCode()).as("GET return: %s", r.getBody()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  static Map<String, Object> returnBody(String kind, String reason, int lineNo, int quantity) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("reason", reason);
    body.put("lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity)));
    body.put("refundChoice", "ORIGINAL_METHOD");
    return body;
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A delivered T-shirt is returned: approved, label with barcode, parcel delivered to the warehouse, "
      + "scanned and inspected (a line received without condition is refused), back on hand in Madrid")
  void returnedToStock() throws Exception {
    String orderId = deliveredOrder(Map.of(SKU, 2));
    int onHandAfterDelivery = shop.onHand("madrid", SKU).get(SKU);

    // the customer asks to return one of the two
    ResponseEntity<Map<String, Object>> created = call(DemoUser.ANA, HttpMethod.POST,
        "/api/orders/" + orderId + "/returns", returnBody("RETURN", "WRONG_SIZE", 1, 1));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/returns/" + returnId);
    assertThat((String) created.getBody().get("rmaNumber")).matches("RMA-\\d{4}-\\d{6}");
    assertThat(created.getBody()).containsEntry("warehouseId", "madrid").containsEntry("daysSinceDelivery", 0);

    // the eligibility rules approve it, the label is booked
    Map<String, Object> awaiting = await().atMost(ShopClient.WAIT)
        .until(() -> returnOf(DemoUser.ANA, returnId), r -> "AWAITING_PARCEL".equals(r.get("status")));
    String tracking = (String) awaiting.get("returnTrackingNumber");
    ResponseEntity<byte[]> label = shop.as(DemoUser.ANA).getForEntity("/api/returns/" + returnId + "/label.pdf",
        byte[].class);
    assertThat(label.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(PdfReading.decodeCode128(PdfReading.render(label.getBody(), 300)).getText()).isEqualTo(tracking);
    assertThat(PdfReading.text(label.getBody())).contains((String) awaiting.get("rmaNumber"));

    // the order shows the return; customer service sees it open with its step
    List<Map<String, Object>> onOrder = (List<Map<String, Object>>) shop.get("/api/orders/" + orderId).get("returns");
    assertThat(onOrder).singleElement().satisfies(r -> assertThat(r).containsEntry("returnId", returnId)
        .containsEntry("link", "/api/returns/" + returnId));
    List<Map<String, Object>> open = shop.as(DemoUser.CS_AGENT)
        .exchange("/api/returns?open=true", HttpMethod.GET, null, LIST).getBody();
    assertThat(open).anySatisfy(r -> {
      assertThat(r).containsEntry("id", returnId);
      assertThat((List<String>) r.get("currentSteps")).isNotEmpty();
    });

    // the courier delivers the return parcel to the warehouse; public tracking shows it
    Map<String, Object> event = Map.of("eventId", "evt-return-" + tracking, "trackingNumber", tracking,
        "type", "DELIVERED", "occurredAt", "2026-11-25T12:00:00Z", "location", "Madrid warehouse");
    assertThat(call(DemoUser.CALLBACKS, HttpMethod.POST, "/api/courier/events", event).getBody())
        .containsEntry("result", "RECORDED");
    assertThat(http.getForObject("/api/tracking/" + tracking, Map.class)).containsEntry("status", "DELIVERED");

    // Madrid's warehouse scans and inspects it
    Map<String, Object> inspect = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_InspectReturn");
    Map<String, Object> line = new HashMap<>(Map.of("lineNo", 1, "sku", SKU, "productName", "T-shirt",
        "expectedQuantity", 1));
    ResponseEntity<Map<String, Object>> noCondition = shop.post("/api/tasks/" + inspect.get("key") + "/complete",
        Map.of("variables", Map.of("scannedItems", SKU.toLowerCase() + "\nUNKNOWN-1", "inspectedLines", List.of(line))));
    assertThat(noCondition.getStatusCode()).as("%s", noCondition.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noCondition.getBody().toString()).contains("line 1");
    line.put("condition", "AS_NEW");
    shop.completeTask(inspect, Map.of("scannedItems", SKU.toLowerCase() + "\nUNKNOWN-1", "inspectedLines", List.of(line)));

    // the outcome rules restock it: on hand again in Madrid, in the stock ledger
    await().atMost(ShopClient.WAIT).until(() -> shop.onHand("madrid", SKU).get(SKU), n -> n == onHandAfterDelivery + 1);
    Map<String, Object> inspected = returnOf(DemoUser.CS_AGENT, returnId);
    assertThat((List<Map<String, Object>>) inspected.get("lines")).singleElement().satisfies(l -> assertThat(l)
        .containsEntry("receivedQuantity", 1).containsEntry("missingQuantity", 0).containsEntry("condition", "AS_NEW")
        .containsEntry("outcome", "RESTOCK"));
    assertThat((List<Map<String, Object>>) inspected.get("extraItems")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("code", "UNKNOWN-1"));
    assertThat(jdbc.queryForObject("select count(*) from stock_movement where reference = ?", Integer.class,
        inspected.get("rmaNumber") + "/1")).isEqualTo(1);
    // the mails so far: request confirmed, label sent, parcel arrived
    List<String> topics = await().atMost(ShopClient.WAIT).until(() -> shop.notifications(orderId).stream()
        .map(n -> (String) n.get("topic")).toList(), t -> t.contains("RETURN_ARRIVED"));
    assertThat(topics).contains("RETURN_REQUESTED", "RETURN_APPROVED", "RETURN_ARRIVED", "RETURN_OPENED");

    // refunded to the card: the T-shirt's price minus the return-label fee of a return that is not the shop's fault
    Map<String, Object> closed = await().atMost(ShopClient.WAIT)
        .until(() -> returnOf(DemoUser.ANA, returnId), r -> "CLOSED".equals(r.get("status")));
    assertThat((Map<String, Object>) closed.get("refund")).containsEntry("action", "CARD_REFUNDED")
        .containsEntry("amount", 15.95).containsEntry("currency", "EUR");
    List<Map<String, Object>> money = shop.as(DemoUser.FINANCE).exchange("/api/orders/" + orderId + "/money-movements",
        HttpMethod.GET, null, LIST).getBody();
    assertThat(money).anySatisfy(m -> assertThat(m).containsEntry("kind", "REFUNDED").containsEntry("amount", 15.95));
    // the parcel's VAT invoice is corrected by a credit note for the returned unit (no shipping: the customer's choice)
    List<Map<String, Object>> documents = shop.as(DemoUser.ANA).exchange("/api/orders/" + orderId + "/invoices",
        HttpMethod.GET, null, LIST).getBody();
    assertThat(documents).anySatisfy(d -> {
      assertThat((String) d.get("invoiceNumber")).matches("CN-\\d{4}-\\d{6}");
      assertThat(d).containsEntry("rmaNumber", closed.get("rmaNumber")).containsEntry("totalGross", -19.9);
    });
    await().atMost(ShopClient.WAIT).until(() -> shop.notifications(orderId).stream()
        .map(n -> (String) n.get("topic")).toList(), t -> t.containsAll(List.of("RETURN_REFUNDED", "RETURN_CLOSED")));
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A complaint about a defective T-shirt: the dock scans the parcel in, the warehouse finds it defective "
      + "(written off), customer service replaces it: a free replacement order is picked, packed, labelled and shipped "
      + "through the normal warehouse path; nothing is refunded")
  void complaintReplaced() {
    String orderId = deliveredOrder(Map.of(SKU, 1));
    int onHandBefore = shop.onHand("madrid", SKU).get(SKU);
    ResponseEntity<Map<String, Object>> filed = call(DemoUser.ANA, HttpMethod.POST,
        "/api/orders/" + orderId + "/returns", returnBody("COMPLAINT", "DEFECTIVE", 1, 1));
    assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) filed.getBody().get("id");
    await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "AWAITING_PARCEL".equals(r.get("status")));

    // the dock scans the RMA label (no courier event needed)
    assertThat(call(DemoUser.PICKER_MADRID, HttpMethod.POST, "/api/returns/" + returnId + "/arrival", null)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Map<String, Object> inspect = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_InspectReturn");
    shop.completeTask(inspect, Map.of("scannedItems", SKU, "inspectedLines", List.of(Map.of("lineNo", 1, "sku", SKU,
        "productName", "T-shirt", "expectedQuantity", 1, "condition", "DEFECTIVE", "notes", "seam open"))));

    // customer service decides: replace
    Map<String, Object> decide = shop.awaitTask(DemoUser.CS_AGENT, orderId, "UserTask_DecideComplaint");
    shop.completeTask(decide, Map.of("complaintResolution", "REPLACE", "resolutionNote", "A new one is on its way"));
    Map<String, Object> replaced = await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "CLOSED".equals(r.get("status")));
    String replacementId = (String) replaced.get("replacementOrderId");
    assertThat(replacementId).isNotNull();
    assertThat(replaced.get("refund")).isNull();
    assertThat((List<Map<String, Object>>) replaced.get("lines")).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("outcome", "SCRAP"));
    assertThat(shop.onHand("madrid", SKU).get(SKU)).as("a defective shirt is not put back on sale")
        .isEqualTo(onHandBefore);

    // the replacement goes the normal way, free of charge
    Map<String, Object> replacement = shop.get("/api/orders/" + replacementId);
    assertThat((Map<String, Object>) replacement.get("payment")).containsEntry("method", "NO_CHARGE");
    shop.pickAndPack("madrid", replacementId);
    shop.awaitOrder(replacementId, "SHIPPED");
    assertThat(shop.notifications(orderId)).extracting(n -> n.get("topic")).contains("RETURN_REPLACEMENT");
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A partial return of goods broken in transit, as store credit: only the mug of the two lines comes back, "
      + "written off; the credit is its price plus the parcel's shipping (the shop's fault, no label fee)")
  void partialReturnAsStoreCredit() {
    String orderId = deliveredOrder(Map.of(SKU, 1, "MUG-CERAMIC", 1));
    Map<String, Object> order = shop.get("/api/orders/" + orderId);
    Map<String, Object> mug = ((List<Map<String, Object>>) order.get("lines")).stream()
        .filter(l -> "MUG-CERAMIC".equals(l.get("sku"))).findFirst().orElseThrow();
    List<Map<String, Object>> parcels = (List<Map<String, Object>>) order.get("shipments");
    assertThat(parcels).as("one parcel from Madrid").hasSize(1);
    BigDecimal expected = new BigDecimal(mug.get("unitPrice").toString())
        .add(new BigDecimal(parcels.get(0).get("shippingCost").toString()));
    int mugsOnHand = shop.onHand("madrid", "MUG-CERAMIC").get("MUG-CERAMIC");

    Map<String, Object> body = returnBody("RETURN", "DAMAGED", (Integer) mug.get("lineNo"), 1);
    body.put("refundChoice", "STORE_CREDIT");
    body.put("notes", "The handle came off in the box");
    ResponseEntity<Map<String, Object>> created = call(DemoUser.ANA, HttpMethod.POST,
        "/api/orders/" + orderId + "/returns", body);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) created.getBody().get("id");
    await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "AWAITING_PARCEL".equals(r.get("status")));
    call(DemoUser.PICKER_MADRID, HttpMethod.POST, "/api/returns/" + returnId + "/arrival", null);
    Map<String, Object> inspect = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_InspectReturn");
    shop.completeTask(inspect, Map.of("scannedItems", "MUG-CERAMIC", "inspectedLines", List.of(Map.of(
        "lineNo", mug.get("lineNo"), "sku", "MUG-CERAMIC", "productName", "Mug", "expectedQuantity", 1,
        "condition", "DAMAGED"))));

    Map<String, Object> closed = await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "CLOSED".equals(r.get("status")));
    Map<String, Object> refund = (Map<String, Object>) closed.get("refund");
    assertThat(refund).containsEntry("action", "STORE_CREDIT");
    assertThat(new BigDecimal(refund.get("amount").toString())).isEqualByComparingTo(expected);
    assertThat(new BigDecimal(refund.get("shippingRefunded").toString()))
        .isEqualByComparingTo(parcels.get(0).get("shippingCost").toString());
    Map<String, Object> credit = shop.as(DemoUser.ANA).exchange("/api/store-credit", HttpMethod.GET, null, MAP)
        .getBody();
    assertThat((List<Map<String, Object>>) credit.get("credits"))
        .anySatisfy(c -> assertThat(c).containsEntry("code", refund.get("reference")).containsEntry("orderId", orderId));
    assertThat(shop.onHand("madrid", "MUG-CERAMIC").get("MUG-CERAMIC")).as("a broken mug is not put back on sale")
        .isEqualTo(mugsOnHand);
    assertThat(jdbc.queryForObject("select movement_type from stock_movement where reference = ?", String.class,
        closed.get("rmaNumber") + "/" + mug.get("lineNo"))).isEqualTo("RETURN_SCRAPPED");
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A return of an order paid by bank transfer: the refund is owed back, finance pays it out in its task "
      + "and records the transfer; the money ledger shows it due and paid")
  void bankTransferRefundPaidOutByFinance() {
    String orderId = deliveredOrder(ShopClient.method("BANK_TRANSFER"), Map.of(SKU, 1));
    ResponseEntity<Map<String, Object>> created = call(DemoUser.ANA, HttpMethod.POST,
        "/api/orders/" + orderId + "/returns", returnBody("RETURN", "CHANGED_MIND", 1, 1));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) created.getBody().get("id");
    await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "AWAITING_PARCEL".equals(r.get("status")));
    call(DemoUser.PICKER_MADRID, HttpMethod.POST, "/api/returns/" + returnId + "/arrival", null);
    Map<String, Object> inspect = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_InspectReturn");
    shop.completeTask(inspect, Map.of("scannedItems", SKU, "inspectedLines", List.of(Map.of("lineNo", 1, "sku", SKU,
        "productName", "T-shirt", "expectedQuantity", 1, "condition", "AS_NEW"))));

    // finance sees what to pay out and records the transfer
    Map<String, Object> payout = shop.awaitTask(DemoUser.FINANCE, orderId, "UserTask_PayOutRefund");
    Map<String, Object> due = returnOf(DemoUser.FINANCE, returnId);
    assertThat((Map<String, Object>) due.get("refund")).containsEntry("action", "BANK_PAYOUT_DUE")
        .containsEntry("amount", 15.95);
    shop.completeTask(payout, Map.of("payoutReference", "TRF-2026-0042"));

    Map<String, Object> closed = await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.ANA, returnId),
        r -> "CLOSED".equals(r.get("status")));
    assertThat((Map<String, Object>) closed.get("refund")).containsEntry("payoutReference", "TRF-2026-0042");
    List<Map<String, Object>> money = shop.as(DemoUser.FINANCE).exchange("/api/orders/" + orderId + "/money-movements",
        HttpMethod.GET, null, LIST).getBody();
    assertThat(money).extracting(m -> m.get("kind")).contains("RECEIVED", "REFUND_DUE", "REFUNDED");
  }

  @Test
  @DisplayName("Errors and ownership: another customer gets 404, more than delivered 409, a complaint for a change of "
      + "mind 400; the dock's arrival only by that warehouse and only while the parcel is awaited")
  void errorsAndOwnership() {
    String orderId = deliveredOrder(Map.of("MUG-CERAMIC", 1));
    String path = "/api/orders/" + orderId + "/returns";

    assertThat(call(DemoUser.PIOTR, HttpMethod.POST, path, returnBody("RETURN", "CHANGED_MIND", 1, 1))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> tooMany = call(DemoUser.ANA, HttpMethod.POST, path,
        returnBody("RETURN", "CHANGED_MIND", 1, 2));
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooMany.getBody().toString()).contains("Line 1 (MUG-CERAMIC)");
    ResponseEntity<Map<String, Object>> complaint = call(DemoUser.ANA, HttpMethod.POST, path,
        returnBody("COMPLAINT", "CHANGED_MIND", 1, 1));
    assertThat(complaint.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(complaint.getBody().toString()).contains("reason");
    assertThat(call(DemoUser.ANA, HttpMethod.POST, path, returnBody("RETURN", "CHANGED_MIND", 7, 1)).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.queryForObject("select count(*) from return_request where order_id = ?", Integer.class, orderId))
        .isZero();

    // customer service files a complaint for Ana
    ResponseEntity<Map<String, Object>> filed = call(DemoUser.CS_AGENT, HttpMethod.POST, path,
        returnBody("COMPLAINT", "DAMAGED", 1, 1));
    assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
    String returnId = (String) filed.getBody().get("id");
    assertThat(call(DemoUser.ANA, HttpMethod.POST, path, returnBody("RETURN", "CHANGED_MIND", 1, 1)).getStatusCode())
        .as("the only mug is on the complaint already").isEqualTo(HttpStatus.CONFLICT);

    assertThat(returnOf(DemoUser.ANA, returnId)).containsEntry("kind", "COMPLAINT");
    assertThat(returnOf(DemoUser.FINANCE, returnId)).containsEntry("id", returnId);
    assertThat(returnOf(DemoUser.PICKER_MADRID, returnId)).containsEntry("warehouseId", "madrid");
    assertThat(call(DemoUser.PIOTR, HttpMethod.GET, "/api/returns/" + returnId, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, "/api/returns/" + returnId, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(DemoUser.PIOTR, HttpMethod.GET, path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(shop.as(DemoUser.ANA).exchange(path, HttpMethod.GET, null, LIST).getBody()).hasSize(1);

    await().atMost(ShopClient.WAIT).until(() -> returnOf(DemoUser.CS_AGENT, returnId),
        r -> "AWAITING_PARCEL".equals(r.get("status")));
    String arrival = "/api/returns/" + returnId + "/arrival";
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.POST, arrival, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> arrived = call(DemoUser.PICKER_MADRID, HttpMethod.POST, arrival, null);
    assertThat(arrived.getStatusCode()).as("%s", arrived.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(arrived.getBody()).containsEntry("status", "ARRIVED");
    assertThat(call(DemoUser.PICKER_MADRID, HttpMethod.POST, arrival, null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_InspectReturn");
  }
}
