package io.orderflow.fulfillment.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shop front, the staff and the courier as API tests see them: plain HTTP calls against the running app, with
 * waits that return as soon as the asynchronous outcome is there.
 *
 * <p>Every call is made as the user who would make it (built-in demo users, HTTP basic): an order's calls as the
 * customer who placed it (a demo customer when the order's e-mail is theirs, otherwise customer service, which places
 * and handles orders for anyone), a task's calls as the staff member who found it, callbacks as
 * {@code fulfillment-callbacks}, stock and the mailbox as ops, department notifications as that department. Public
 * routes go without credentials. {@link #as(DemoUser)} gives a client signed in as anyone else.
 */
public final class ShopClient {

  public static final Duration WAIT = Duration.ofSeconds(60);
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate http;
  private final JdbcTemplate jdbc;
  private final Map<DemoUser, TestRestTemplate> signedIn = new java.util.EnumMap<>(DemoUser.class);
  /** Who placed the order (and acts on it), who created the cart, who found the task. */
  private final Map<String, DemoUser> actors = new java.util.concurrent.ConcurrentHashMap<>();

  public ShopClient(TestRestTemplate http, JdbcTemplate jdbc) {
    this.http = http;
    this.jdbc = jdbc;
  }

  /** The client signed in as the user. */
  public synchronized TestRestTemplate as(DemoUser user) {
    return signedIn.computeIfAbsent(user, u -> u.on(http));
  }

  /** The client without credentials. */
  public TestRestTemplate anonymous() {
    return http;
  }

  /** Who places an order with this e-mail: the demo customer it belongs to, else customer service (a phone order). */
  public static DemoUser placerFor(String email) {
    return DemoUser.customerWithEmail(email).orElse(DemoUser.CS_AGENT);
  }

  /** From now on, the order's (or cart's, task's) calls are made as this user. */
  public void actAs(DemoUser user, Object orderCartOrTaskId) {
    actors.put(String.valueOf(orderCartOrTaskId), user);
  }

  /** The user this client makes the call as; null for a public route. */
  @SuppressWarnings("unchecked")
  public DemoUser actorFor(HttpMethod method, String path, Object body) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String[] seg = p.split("/");
    if (p.equals("/api/products") || p.equals("/api/delivery-slots") || p.startsWith("/api/tracking/")
        || p.startsWith("/actuator/health")) {
      return null;
    }
    if (p.equals("/api/orders")) {
      Object customer = body instanceof Map<?, ?> m ? m.get("customer") : null;
      Object email = customer instanceof Map<?, ?> c ? c.get("email") : null;
      return email == null ? DemoUser.ANA : placerFor(email.toString());
    }
    if (p.startsWith("/api/orders/") && seg.length > 3) {
      if (p.endsWith("/money-movements")) {
        return DemoUser.FINANCE;
      }
      if (p.endsWith("/label.pdf") || p.endsWith("/packing-slip.pdf")) {
        return DemoUser.CS_AGENT;
      }
      return actors.getOrDefault(seg[3], DemoUser.ANA);
    }
    if (p.equals("/api/carts")) {
      return DemoUser.ANA;
    }
    if (p.startsWith("/api/carts/") && seg.length > 3) {
      DemoUser owner = actors.getOrDefault(seg[3], DemoUser.ANA);
      if (p.endsWith("/checkout") && body instanceof Map<?, ?> m && m.get("customer") instanceof Map<?, ?> c
          && c.get("email") != null && DemoUser.customerWithEmail(c.get("email").toString()).isEmpty()) {
        return DemoUser.CS_AGENT;
      }
      return owner;
    }
    if (p.startsWith("/api/tasks/") && seg.length > 3) {
      return actors.getOrDefault(seg[3], DemoUser.OPS);
    }
    if (p.equals("/api/tasks")) {
      return DemoUser.OPS;
    }
    if (p.equals("/api/courier/events") || p.equals("/api/payments/cash-collections")
        || p.equals("/api/payments/bank-statements")) {
      return DemoUser.CALLBACKS;
    }
    if (p.startsWith("/api/payments/")) {
      return DemoUser.FINANCE;
    }
    if (p.equals("/api/notifications")) {
      String audience = query.replaceAll(".*audience=([^&]*).*", "$1");
      return switch (audience) {
        case "marketing" -> DemoUser.MARKETING;
        case "finance" -> DemoUser.FINANCE;
        case "warehouse" -> DemoUser.PICKER_MADRID;
        case "purchasing" -> DemoUser.PURCHASING;
        default -> DemoUser.CS_AGENT;
      };
    }
    return DemoUser.OPS; // stock, the dev mailbox, actuator: read by ops
  }

  /** The call as the user who would make it (see the class comment); a new cart or order is then theirs. */
  public <T> ResponseEntity<T> exchange(String path, HttpMethod method, Object body,
      ParameterizedTypeReference<T> type) {
    DemoUser actor = actorFor(method, path, body);
    TestRestTemplate client = actor == null ? http : as(actor);
    ResponseEntity<T> r = client.exchange(path, method, body == null ? null : new HttpEntity<>(body), type);
    remember(actor, method, path, r);
    return r;
  }

  /** The call as the user who would make it, for raw bodies (PDFs). */
  public <T> ResponseEntity<T> exchange(String path, HttpMethod method, Object body, Class<T> type) {
    DemoUser actor = actorFor(method, path, body);
    TestRestTemplate client = actor == null ? http : as(actor);
    return client.exchange(path, method, body == null ? null : new HttpEntity<>(body), type);
  }

  private void remember(DemoUser actor, HttpMethod method, String path, ResponseEntity<?> r) {
    if (method == HttpMethod.POST && r.getStatusCode() == HttpStatus.CREATED && r.getBody() instanceof Map<?, ?> m
        && m.get("id") != null && (path.equals("/api/carts") || path.equals("/api/orders") || path.endsWith("/checkout"))) {
      actAs(actor, m.get("id"));
    }
  }

  /** A GET of raw bytes or text as the user who would make it. */
  public <T> ResponseEntity<T> getForEntity(String path, Class<T> type) {
    DemoUser actor = actorFor(HttpMethod.GET, path, null);
    return (actor == null ? http : as(actor)).getForEntity(path, type);
  }

  /**
   * An order body of the demo customer Ana (ana.customer places it): address in Madrid (or the given country's
   * capital area), card unless told otherwise.
   */
  public static Map<String, Object> orderBody(String country, Map<String, Object> payment, Map<String, Integer> lines) {
    Map<String, String> address = switch (country) {
      case "PL" -> Map.of("street", "ul. Marszałkowska 1", "postalCode", "00-001", "city", "Warszawa", "country", "PL");
      case "BG" -> Map.of("street", "bul. Vitosha 1", "postalCode", "1000", "city", "Sofia", "country", "BG");
      default -> Map.of("street", "Calle Mayor 1", "postalCode", "28013", "city", "Madrid", "country", country);
    };
    Map<String, Object> body = new HashMap<>();
    body.put("customer", Map.of("name", "Ana García", "email", DemoUser.ANA.email(), "phone", "+34 600 000 000"));
    body.put("shippingAddress", address);
    body.put("lines", lines.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue())).toList());
    body.put("payment", payment);
    return body;
  }

  /**
   * The same body from another customer (credit checks count a customer's earlier orders by e-mail); one who is not a
   * demo customer has it placed by customer service (a phone order), which then handles the order.
   */
  public static Map<String, Object> from(String email, Map<String, Object> body) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put("customer", Map.of("name", "Test Customer", "email", email));
    return copy;
  }

  public static Map<String, Object> method(String paymentMethod) {
    return Map.of("method", paymentMethod);
  }

  public static Map<String, Object> card(String paymentMethodId) {
    return Map.of("method", "CARD", "paymentMethodId", paymentMethodId);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> place(Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> created = post("/api/orders", body);
    assertThat(created.getStatusCode()).as("placing %s: %s", body, created.getBody()).isEqualTo(HttpStatus.CREATED);
    actAs(placerFor(((Map<String, Object>) body.get("customer")).get("email").toString()), created.getBody().get("id"));
    return created.getBody();
  }

  public Map<String, Object> awaitOrder(String orderId, String status) {
    return awaitOrder(orderId, o -> status.equals(o.get("status")));
  }

  public Map<String, Object> awaitOrder(String orderId, Predicate<Map<String, Object>> condition) {
    return await().atMost(WAIT).until(() -> get("/api/orders/" + orderId), condition);
  }

  /**
   * After the engine's clock jumped by days: every timer of every earlier test's instance in this shared context that
   * fell due fires at once (quote expiries, reminders, ...), and their jobs queue before this order's. Allow for it.
   */
  public static final Duration WAIT_AFTER_TIME_JUMP = Duration.ofMinutes(4);

  public Map<String, Object> awaitOrderAfterTimeJump(String orderId, String status) {
    return await().atMost(WAIT_AFTER_TIME_JUMP).until(() -> get("/api/orders/" + orderId),
        o -> status.equals(o.get("status")));
  }

  /**
   * Waits until the order's process stands at the element (e.g. a receive task with its timer). Before moving the
   * engine's clock a test must wait for this, not for the order's status: a worker records the status before the
   * engine enters the waiting element and starts its timer.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> awaitStep(String orderId, String elementId) {
    return awaitOrder(orderId, o -> ((List<Map<String, Object>>) o.get("currentSteps")).stream()
        .anyMatch(s -> elementId.equals(s.get("elementId"))));
  }

  /** Waits for the quote and accepts it. */
  public Map<String, Object> acceptQuote(String orderId) {
    Map<String, Object> quoted = awaitOrder(orderId, "QUOTED");
    ResponseEntity<Map<String, Object>> accepted = post("/api/orders/" + orderId + "/quote/acceptance", Map.of());
    assertThat(accepted.getStatusCode()).as("accepting the quote: %s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return quoted;
  }

  /** Waits until the staff member sees the order's task (of their role, and warehouse); they then work on it. */
  public Map<String, Object> awaitTask(DemoUser staff, String orderId, String elementId) {
    Map<String, Object> task = await().atMost(WAIT).until(() -> tasks(staff, orderId).stream()
        .filter(t -> elementId.equals(t.get("elementId"))).findFirst(), Optional::isPresent).orElseThrow();
    actAs(staff, task.get("key"));
    return task;
  }

  /** The order's open tasks the staff member sees, in the candidate group of their work. */
  public List<Map<String, Object>> tasks(DemoUser staff, String orderId) {
    return as(staff).exchange("/api/tasks?candidateGroup=" + staff.taskGroup() + "&orderId=" + orderId,
        HttpMethod.GET, null, LIST).getBody();
  }

  /** Every open task of the order (as ops, who sees all). */
  public List<Map<String, Object>> openTasksOf(String orderId) {
    return as(DemoUser.OPS).exchange("/api/tasks?state=CREATED&orderId=" + orderId, HttpMethod.GET, null, LIST)
        .getBody();
  }

  public void completeTask(Map<String, Object> task, Map<String, Object> variables) {
    ResponseEntity<Map<String, Object>> done = post("/api/tasks/" + task.get("key") + "/complete",
        Map.of("variables", variables));
    assertThat(done.getStatusCode()).as("completing %s: %s", task.get("elementId"), done.getBody())
        .isEqualTo(HttpStatus.OK);
  }

  /** Picks and packs one parcel of the order in the warehouse, then labels it and hands it to the courier. */
  public void pickAndPack(String warehouse, String orderId) {
    DemoUser picker = DemoUser.pickerIn(warehouse);
    Map<String, Object> pick = awaitTask(picker, orderId, "UserTask_PickOrder");
    scanPickList(pick);
    completeTask(pick, Map.of("allLinesPicked", true));
    Map<String, Object> pack = awaitTask(picker, orderId, "UserTask_PackOrder");
    completeTask(pack, PACKED);
    labelAndHandOver(warehouse, orderId);
  }

  /** What a packer enters for a medium box. */
  public static final Map<String, Object> PACKED = Map.of("packageType", "MEDIUM_BOX", "parcelWeightKg", 1.2,
      "lengthCm", 40, "widthCm", 30, "heightCm", 20);

  /** The booked parcel is labelled and handed over at the dock. */
  public void labelAndHandOver(String warehouse, String orderId) {
    Map<String, Object> label = awaitTask(DemoUser.pickerIn(warehouse), orderId, "UserTask_LabelParcel");
    completeTask(label, Map.of("labelAttached", true, "packingSlipEnclosed", true));
    Map<String, Object> handOver = awaitTask(DemoUser.pickerIn(warehouse), orderId, "UserTask_HandOverParcel");
    completeTask(handOver, Map.of("loadingDock", "DOCK-2", "handedOverTo", "Driver 7"));
  }

  /**
   * Scans every unit of the pick task's pick list as a handheld would (barcode = SKU), serialized products with a new
   * serial number "SN-&lt;uuid&gt;"; returns the pick list after the last scan.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> scanPickList(Map<String, Object> pickTask) {
    String path = "/api/tasks/" + pickTask.get("key");
    Map<String, Object> list = get(path + "/pick-list");
    for (Map<String, Object> line : (List<Map<String, Object>>) list.get("lines")) {
      int toScan = (Integer) line.get("quantity") - (Integer) line.get("scannedQuantity");
      for (int i = 0; i < toScan; i++) {
        Map<String, Object> scan = new HashMap<>();
        scan.put("barcode", line.get("sku"));
        if (Boolean.TRUE.equals(line.get("serialized"))) {
          scan.put("serialNumber", "SN-" + java.util.UUID.randomUUID());
        }
        ResponseEntity<Map<String, Object>> scanned = post(path + "/scans", scan);
        assertThat(scanned.getStatusCode()).as("scanning %s: %s", scan, scanned.getBody()).isEqualTo(HttpStatus.OK);
        list = scanned.getBody();
      }
    }
    assertThat(list).as("pick list after scanning").containsEntry("complete", true);
    return list;
  }

  /** The order's payment as the order shows it: {method, status, detail}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> awaitPayment(String orderId, String status) {
    return (Map<String, Object>) awaitOrder(orderId, o -> status.equals(((Map<String, Object>) o.get("payment")).get("status")))
        .get("payment");
  }

  /** Delivers every parcel of the shipped order. */
  @SuppressWarnings("unchecked")
  public void deliverAll(String orderId) {
    Map<String, Object> shipped = awaitOrder(orderId, "SHIPPED");
    for (Map<String, Object> parcel : (List<Map<String, Object>>) shipped.get("shipments")) {
      courierDelivered((String) parcel.get("trackingNumber"));
    }
    awaitOrder(orderId, "DELIVERED");
  }

  public void courierDelivered(String trackingNumber) {
    Map<String, Object> event = Map.of("eventId", "evt-delivered-" + trackingNumber, "trackingNumber", trackingNumber,
        "type", "DELIVERED", "occurredAt", "2026-11-23T12:00:00Z", "location", "front door");
    assertThat(post("/api/courier/events", event).getBody()).containsEntry("result", "RECORDED");
  }

  public Map<String, Integer> onHand(String warehouse, String... skus) {
    List<Map<String, Object>> rows = exchange("/api/stock?sku=" + String.join("&sku=", skus), HttpMethod.GET,
        null, LIST).getBody();
    Map<String, Integer> onHand = new TreeMap<>();
    rows.stream().filter(r -> warehouse.equals(r.get("warehouseId")))
        .forEach(r -> onHand.put((String) r.get("sku"), (Integer) r.get("onHand")));
    return onHand;
  }

  public int reserved(String sku) {
    return jdbc.queryForObject("select coalesce(sum(reserved), 0) from stock where sku = ?", Integer.class, sku);
  }

  public List<Map<String, Object>> notifications(String orderId) {
    return exchange("/api/orders/" + orderId + "/notifications", HttpMethod.GET, null, LIST).getBody();
  }

  public Map<String, Object> get(String path) {
    ResponseEntity<Map<String, Object>> r = exchange(path, HttpMethod.GET, null, MAP);
    assertThat(r.getStatusCode()).as("GET %s: %s", path, r.getBody()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  /** A POST as the user who would make it; a new cart or order then belongs to that user. */
  public ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return exchange(path, HttpMethod.POST, body, MAP);
  }
}
