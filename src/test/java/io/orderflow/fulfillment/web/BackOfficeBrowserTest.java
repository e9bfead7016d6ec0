package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The marketing and purchasing pages in Chromium: marketing.assistant defines a campaign through the form (a bad
 * discount is refused with the server's message next to the field, and nothing is stored), and it is stored as theirs,
 * awaiting a manager's approval; buyer.purchasing finds the purchase order a sale caused and its lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Marketing and purchasing pages in Chromium")
class BackOfficeBrowserTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;
  Page page;
  final List<String> consoleProblems = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  @AfterEach
  void close() {
    Browser.close(page);
  }

  /** Signs in on a desktop viewport (the header shows the user there), then switches to the given one. */
  void open(DemoUser user, String route, int width, int height) {
    page = Browser.open("http://localhost:" + port);
    Browser.recordProblems(page, consoleProblems);
    Browser.signIn(page, user, route);
    page.setViewportSize(width, height);
  }

  List<Map<String, Object>> campaignsNamed(String name) {
    return DemoUser.MARKETING_ASSISTANT.on(http).exchange("/api/campaigns", HttpMethod.GET, null, LIST).getBody()
        .stream().filter(c -> name.equals(c.get("name"))).toList();
  }

  @Test
  @DisplayName("marketing.assistant defines a campaign in the form: a 95 % discount is refused next to its field and "
      + "stores nothing; corrected, the campaign is stored as theirs and awaits a manager's approval; they cancel it")
  void campaignThroughTheForm() {
    String name = "Hoodie week " + UUID.randomUUID().toString().substring(0, 6);
    open(DemoUser.MARKETING_ASSISTANT, "/campaigns", 1280, 900);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign")).click();
    page.waitForURL("**/#/campaigns/new");

    page.getByLabel("Name").fill(name);
    page.getByLabel("Segment", new Page.GetByLabelOptions().setExact(true)).selectOption("LOYAL");
    page.getByLabel("Find a product").fill("HOODIE-ZIP-M");
    page.getByRole(AriaRole.CHECKBOX).first().check();
    page.getByLabel("Discount (%)").fill("95");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();

    // the server's 400 names the field: shown next to it, the field marked invalid and focused
    assertThat(page.getByTestId("error-discountPercent")).containsText("between 1 and 90");
    assertThat(page.getByLabel("Discount (%)")).hasAttribute("aria-invalid", "true");
    assertThat(page.getByLabel("Discount (%)")).isFocused();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("discountPercent");
    Browser.screenshot(page, "36-campaign-new");
    assertThat(campaignsNamed(name)).as("nothing stored for a refused definition").isEmpty();

    page.getByLabel("Discount (%)").fill("20");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
    assertThat(page.getByTestId("campaign-approval")).containsText("awaiting approval by a marketing manager in the inbox",
        new LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();

    List<Map<String, Object>> stored = campaignsNamed(name);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).containsEntry("createdBy", DemoUser.MARKETING_ASSISTANT.username())
        .containsEntry("rule", "SEGMENT").containsEntry("segment", "LOYAL").containsEntry("discountPercent", 20)
        .containsEntry("products", List.of("HOODIE-ZIP-M"));
    assertThat(stored.get(0).get("status")).isIn("AWAITING_APPROVAL", "DRAFT");
    assertThat(page.url()).endsWith("#/campaigns/" + stored.get(0).get("id") + "?created=1");

    // the list shows it with its status
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All campaigns")).click();
    Locator row = page.getByTestId("campaign-list").locator("tr[data-campaign-id='" + stored.get(0).get("id") + "']");
    assertThat(row).containsText(name);
    assertThat(row).containsText("AWAITING APPROVAL");
    Browser.screenshot(page, "35-campaigns");

    // its author cancels it on its page, after confirming
    row.getByRole(AriaRole.LINK).click();
    page.getByTestId("cancel-campaign").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel it")).click();
    assertThat(page.getByText("Cancelled: its open offers expired")).isVisible();
    assertThat(campaignsNamed(name).get(0)).containsEntry("status", "CANCELLED");
    assertThat(page.getByTestId("cancel-campaign")).hasCount(0);
    assertThat(consoleProblems).isEmpty();
  }

  @Test
  @DisplayName("buyer.purchasing finds the purchase order a sale below the reorder point caused, with its lines")
  @SuppressWarnings("unchecked")
  void purchaseOrders() {
    // given a sale that takes Sofia's backpacks (8, nobody can spare any) below their reorder point (5)
    shop.place(ShopClient.orderBody("BG", ShopClient.card("pm_card_visa"), Map.of("BACKPACK-20L", 4)));
    Map<String, Object> po = await().atMost(ShopClient.WAIT).until(() -> DemoUser.PURCHASING.on(http)
        .exchange("/api/purchase-orders", HttpMethod.GET, null, LIST).getBody().stream()
        .filter(p -> "sofia".equals(p.get("warehouseId")) && ((List<Map<String, Object>>) p.get("lines")).stream()
            .anyMatch(l -> "BACKPACK-20L".equals(l.get("sku")))).findFirst(), Optional::isPresent).orElseThrow();
    Map<String, Object> line = ((List<Map<String, Object>>) po.get("lines")).get(0);

    open(DemoUser.PURCHASING, "/purchasing", 390, 844);
    Locator table = page.getByTestId("purchase-orders");
    Locator link = table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName((String) po.get("number")));
    assertThat(link).isVisible();
    Browser.screenshot(page, "37-purchasing");
    link.click();
    page.waitForURL("**/#/purchasing/" + po.get("id"));
    Locator lines = page.getByTestId("po-lines");
    assertThat(lines).containsText("BACKPACK-20L");
    assertThat(lines.locator("tbody tr").first().locator("td").nth(1)).hasText(String.valueOf(line.get("orderedQuantity")));
    assertThat(page.getByTestId("supplier-answer")).isVisible();
    Browser.screenshot(page, "37-purchasing-detail");

    // the other sections: transfers and the reorder policies (purchasing)
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All purchase orders")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reorder policies")).click();
    page.getByLabel("Find").fill("BACKPACK-20L");
    assertThat(page.getByTestId("reorder-policies").locator("tbody tr")).hasCount(3);
    assertThat(consoleProblems).isEmpty();
  }
}
