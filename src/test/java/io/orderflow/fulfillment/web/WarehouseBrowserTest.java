package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import io.orderflow.fulfillment.warehouse.Picking;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Warehouse work in a real browser: the staff inbox shows a picker the tasks of their warehouse only, the handheld pick
 * view scans a parcel (a wrong article refused, a serialized one with its serial number) and completes the pick, and a
 * task's Camunda form (the pack form) is filled in and completed through the form-js viewer. The outcome is checked
 * over the API; the browser's console must show no error (Content-Security-Policy violations included).
 *
 * <p>Orders: SNEAKER-TRAIL-42 and HEADPHONES-BT (serialized) to Madrid, JEANS-SLIM-W32 to Warsaw (that order is
 * cancelled at the end, its stock released); no other test counts their stock in these warehouses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Warehouse work in Chromium: inbox, handheld pick, a Camunda form")
class WarehouseBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Picking picking;
  ShopClient shop;
  Page page;
  /** Console errors and page errors of the browser; refused requests (4xx the pages show) are not errors here. */
  final List<String> consoleProblems = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  @AfterEach
  void close() {
    Browser.close(page);
  }

  private Page open(int width, int height) {
    Page p = Browser.open("http://localhost:" + port, width, height);
    Browser.recordProblems(p, consoleProblems);
    return p;
  }

  @Test
  @DisplayName("Madrid's picker sees Madrid's pick task and not Warsaw's, scans on a handheld (a wrong article "
      + "refused, serial numbers) and completes the pick: the pack task follows")
  @SuppressWarnings("unchecked")
  void pickOnHandheld() {
    // given an order routed to Madrid (sneakers x2, serialized headphones) and one routed to Warsaw, both accepted
    Map<String, Object> madrid = shop.place(orderBody("ES", card("pm_card_visa"),
        Map.of("SNEAKER-TRAIL-42", 2, "HEADPHONES-BT", 1)));
    Map<String, Object> warsaw = shop.place(orderBody("PL", card("pm_card_visa"), Map.of("JEANS-SLIM-W32", 1)));
    String madridId = (String) madrid.get("id");
    String warsawId = (String) warsaw.get("id");
    String orderNumber = (String) madrid.get("orderNumber");
    assertThat(shop.acceptQuote(madridId)).containsEntry("warehouseId", "madrid");
    assertThat(shop.acceptQuote(warsawId)).containsEntry("warehouseId", "warsaw");
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, madridId, "UserTask_PickOrder");
    Map<String, Object> warsawPick = shop.awaitTask(DemoUser.PICKER_WARSAW, warsawId, "UserTask_PickOrder");
    Object key = pick.get("key");

    // when Madrid's picker opens the inbox
    page = open(1280, 900);
    Browser.signIn(page, DemoUser.PICKER_MADRID, "/inbox");

    // then it lists Madrid's pick task, not Warsaw's
    Locator row = page.getByTestId("task-" + key);
    assertThat(row).isVisible();
    assertThat(row).containsText("Pick parcel");
    assertThat(row).containsText(madridId);
    assertThat(row).containsText("Warehouse");
    assertThat(row).containsText("Unassigned");
    assertThat(page.getByTestId("task-" + warsawPick.get("key"))).hasCount(0);
    assertThat(page.getByTestId("inbox-updated")).containsText("Updated");
    Browser.screenshot(page, "20-inbox");
    Locator search = page.getByLabel("Search");
    search.fill(warsawId);
    assertThat(page.getByText("No task matches these filters.")).isVisible();
    search.fill(madridId);
    assertThat(row).isVisible();

    // when the supervisor claims the task meanwhile, the picker's claim is refused with the API's problem
    String claimPath = "/api/tasks/" + key + "/claim";
    assertThat(shop.as(DemoUser.SUPERVISOR_MADRID).postForEntity(claimPath, Map.of(), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim Pick parcel")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("is already claimed by supervisor.madrid");
    assertThat(row).containsText("supervisor.madrid");
    // and once the supervisor gives it back, the refreshed inbox shows it unassigned again
    assertThat(shop.as(DemoUser.SUPERVISOR_MADRID).postForEntity("/api/tasks/" + key + "/unclaim", Map.of(), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
    assertThat(row).containsText("Unassigned");

    // when the picker opens the pick on a handheld
    page.setViewportSize(390, 844);
    Browser.screenshot(page, "20b-inbox-handheld");
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pick parcel").setExact(true)).click();
    page.waitForURL(Pattern.compile(".*#/pick/" + key + "$"));

    // then the pick list is shown in walking order (by bin), and the scan input has the focus
    Locator scan = page.getByTestId("scan-input");
    assertThat(scan).isFocused();
    assertThat(page.getByLabel("Scan barcode")).isVisible();
    Locator lines = page.locator(".pick-lines > li");
    assertThat(lines).hasCount(2);
    assertThat(lines.nth(0)).containsText("A-02-1");
    assertThat(lines.nth(0)).containsText("SNEAKER-TRAIL-42");
    assertThat(lines.nth(1)).containsText("A-03-1");
    assertThat(lines.nth(1)).containsText("Serial no. needed");
    assertThat(page.getByText("0 of 3 units scanned")).isVisible();
    Browser.screenshot(page, "22-pick");

    // when a wrong article is scanned (a scanner types the code, then Enter)
    page.keyboard().type("MUG-CERAMIC");
    page.keyboard().press("Enter");

    // then the API's refusal is shown as an alert, and the input is ready for the next scan
    assertThat(page.getByRole(AriaRole.ALERT)).containsText(
        "Scanned MUG-CERAMIC is not on the pick list of parcel 1 of " + orderNumber);
    assertThat(scan).isFocused();
    assertThat(scan).hasValue("");
    Browser.screenshot(page, "23-pick-wrong-scan");

    // when both pairs of sneakers are scanned
    page.keyboard().type("SNEAKER-TRAIL-42");
    page.keyboard().press("Enter");
    assertThat(page.getByTestId("pick-status")).containsText("Scanned Trail running shoes");
    assertThat(page.getByTestId("pick-status")).containsText("1 of 2. 2 units left.");
    assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
    page.keyboard().type("SNEAKER-TRAIL-42");
    page.keyboard().press("Enter");
    assertThat(page.getByTestId("pick-status")).containsText("2 of 2, line complete. 1 unit left.");
    assertThat(page.getByTestId("pick-line-SNEAKER-TRAIL-42")).hasClass(Pattern.compile("\\bdone\\b"));

    // and the headphones: their barcode, then the serial number on the item
    String serial = "SN-UI-" + madridId;
    page.keyboard().type("HEADPHONES-BT");
    page.keyboard().press("Enter");
    assertThat(page.getByLabel("Scan the serial number of Wireless headphones")).isFocused();
    Browser.screenshot(page, "22b-pick-serial");
    page.keyboard().type(serial);
    page.keyboard().press("Enter");

    // then every unit is in, and the pick can be completed
    assertThat(page.getByTestId("pick-status")).containsText("1 of 1, line complete. Every unit is scanned");
    assertThat(page.getByTestId("pick-line-HEADPHONES-BT")).containsText(serial);
    assertThat(page.getByText("All 3 units scanned")).isVisible();
    Locator completePick = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete pick"));
    assertThat(completePick).isFocused();
    completePick.click();
    assertThat(page.getByTestId("pick-done")).containsText("Pick of order " + orderNumber + ", parcel 1 completed");
    Browser.screenshot(page, "24-pick-done");

    // then the API shows the pick task completed by the picker, the serial recorded, and the order moved on to packing
    Map<String, Object> task = (Map<String, Object>) shop.get("/api/tasks/" + key).get("task");
    assertThat(task).containsEntry("state", "COMPLETED").containsEntry("completedBy", "picker.madrid")
        .containsEntry("assignee", "picker.madrid");
    assertThat(picking.serialsOf(madridId)).containsExactly(new Picking.PickedSerial(1, "HEADPHONES-BT", serial));
    assertThat(shop.awaitTask(DemoUser.PICKER_MADRID, madridId, "UserTask_PackOrder")).isNotNull();
    assertThat(consoleProblems).as("browser console").isEmpty();

    // tidy up: the Warsaw order is cancelled, its jeans go back on sale
    assertThat(shop.post("/api/orders/" + warsawId + "/cancellation", Map.of("reason", "browser test"))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  @DisplayName("A picker completes the pack task through its Camunda form (form-js): required fields are checked in "
      + "the page, the task is claimed and completed with the values entered")
  @SuppressWarnings("unchecked")
  void packThroughForm() {
    // given a picked order in Madrid: its pack task is open
    Map<String, Object> order = shop.place(orderBody("ES", card("pm_card_visa"), Map.of("SNEAKER-TRAIL-42", 1)));
    String orderId = (String) order.get("id");
    String orderNumber = (String) order.get("orderNumber");
    shop.acceptQuote(orderId);
    Map<String, Object> pick = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PickOrder");
    shop.scanPickList(pick);
    shop.completeTask(pick, Map.of("allLinesPicked", true));
    Map<String, Object> pack = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_PackOrder");
    Object key = pack.get("key");

    // when the picker opens it from the inbox
    page = open(1280, 900);
    Browser.signIn(page, DemoUser.PICKER_MADRID, "/inbox");
    page.getByTestId("task-" + key)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pack parcel").setExact(true)).click();
    page.waitForURL(Pattern.compile(".*#/tasks/" + key + "$"));

    // then the task's context and its form, filled with the task's variables, are shown
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pack parcel").setLevel(1)))
        .isVisible();
    assertThat(page.getByTestId("task-order-link")).hasText(orderNumber);
    assertThat(page.getByTestId("task-order-link")).hasAttribute("href", "#/orders/" + orderId);
    assertThat(page.getByText("Pack order " + orderNumber + ", parcel 1")).isVisible();
    assertThat(page.locator(".fjs-powered-by")).isVisible();

    // when it is submitted empty, then form-js refuses it in the page and nothing is sent
    Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim and complete"));
    submit.click();
    assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Please correct")))
        .containsText("Please correct 5 fields");
    assertThat(page.locator(".fjs-form-field-error").first()).isVisible();
    assertThat((Map<String, Object>) shop.get("/api/tasks/" + key).get("task"))
        .containsEntry("state", "CREATED").doesNotContainKey("assignee");

    // when the packer fills it in (the package type is a form-js dropdown)
    page.getByLabel("Parcel weight (kg)").fill("0.85");
    page.locator(".fjs-form-field-select").filter(new Locator.FilterOptions().setHasText("Package type"))
        .locator(".fjs-input-group").click();
    page.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText("Small box")).click();
    page.getByLabel("Length (cm)").fill("30");
    page.getByLabel("Width (cm)").fill("20");
    page.getByLabel("Height (cm)").fill("12");
    page.getByLabel("Packing notes").fill("Shoe box in a small box, tissue paper");
    Browser.screenshot(page, "21-task-form");
    submit.click();

    // then the inbox confirms it
    page.waitForURL(Pattern.compile(".*#/inbox$"));
    assertThat(page.getByTestId("inbox-flash")).hasText("Completed “Pack parcel” for order " + orderNumber + ".");
    assertThat(page.getByTestId("task-" + key)).hasCount(0);

    // and the API shows the task completed by the picker, and the parcel's next task sees the values entered
    Map<String, Object> task = (Map<String, Object>) shop.get("/api/tasks/" + key).get("task");
    assertThat(task).containsEntry("state", "COMPLETED").containsEntry("completedBy", "picker.madrid")
        .containsEntry("assignee", "picker.madrid");
    Map<String, Object> label = shop.awaitTask(DemoUser.PICKER_MADRID, orderId, "UserTask_LabelParcel");
    Map<String, Object> variables = (Map<String, Object>) shop.get("/api/tasks/" + label.get("key")).get("variables");
    assertThat(variables).containsEntry("packageType", "SMALL_BOX")
        .containsEntry("packNotes", "Shoe box in a small box, tissue paper");
    assertThat(((Number) variables.get("parcelWeightKg")).doubleValue()).isEqualTo(0.85);
    assertThat(((Number) variables.get("lengthCm")).intValue()).isEqualTo(30);
    assertThat(((Number) variables.get("widthCm")).intValue()).isEqualTo(20);
    assertThat(((Number) variables.get("heightCm")).intValue()).isEqualTo(12);
    assertThat(consoleProblems).as("browser console").isEmpty();
  }
}
