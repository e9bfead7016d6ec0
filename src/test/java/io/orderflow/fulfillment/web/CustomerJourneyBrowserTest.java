package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's journey in Chromium: the catalogue, the cart, the checkout with a delivery slot and a test card, the
 * quote with its countdown, the confirmation, the order's timeline through the warehouse, the courier and a return;
 * public tracking; the shop and the order page on a phone. Every step is checked against the order the API holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Customer journey in the shop pages (Chromium)")
class CustomerJourneyBrowserTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  /** Waiting for the process (quote, pick task, courier): longer than a page's default. */
  static final LocatorAssertions.IsVisibleOptions PROCESS = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  ShopClient shop;
  Page page;
  final List<String> browserErrors = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() {
    Browser.require();
    shop = new ShopClient(http, jdbc);
  }

  @AfterEach
  void close() {
    Browser.close(page);
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Script errors and CSP violations fail the test; a 404 of an API call the page handles does not. */
  Page open(int width, int height) {
    Page p = Browser.open(base(), width, height);
    Browser.recordProblems(p, browserErrors);
    return p;
  }

  static String euro(Object amount) {
    return "€" + String.format(Locale.UK, "%,.2f", new BigDecimal(String.valueOf(amount)));
  }

  Locator button(String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  @Test
  @DisplayName("Ana buys trail shoes in size 42: cart, checkout with slot and card, quote countdown, confirmation, "
      + "timeline through the warehouse and the courier, tracking, invoice and a return")
  @SuppressWarnings("unchecked")
  void customerJourney() {
    page = open(1280, 900);
    Browser.signIn(page, DemoUser.ANA, "/shop");

    // a cart id the server does not know (an app restart loses carts): the next "Add to cart" starts a new one
    page.evaluate("localStorage.setItem('orderflow.cart.ana.customer', 'gone-cart')");

    // catalogue: one card per model, sizes as choices
    Locator shoes = page.getByTestId("product-SNEAKER-TRAIL");
    assertThat(shoes).containsText("Trail running shoes");
    assertThat(shoes).containsText("€89.95");
    assertThat(shoes.getByRole(AriaRole.RADIO)).hasCount(3);
    shoes.locator("label.chip", new Locator.LocatorOptions().setHasText("EU 42")).click();
    assertThat(shoes.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("EU 42"))).isChecked();
    shoes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to cart")).click();
    assertThat(shoes.getByRole(AriaRole.STATUS)).containsText("Added (EU 42): 1 item in your cart");
    page.getByLabel("Category").selectOption("footwear");
    assertThat(page.locator(".product-grid > li")).not().hasCount(0);
    page.getByLabel("Category").selectOption("");
    Browser.screenshot(page, "10-shop");

    // the server cart holds the size chosen
    String cartId = (String) page.evaluate("localStorage.getItem('orderflow.cart.ana.customer')");
    assertThat(cartId).isNotBlank().isNotEqualTo("gone-cart");
    Map<String, Object> cart = shop.get("/api/carts/" + cartId);
    assertThat((List<Map<String, Object>>) cart.get("lines")).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("sku", "SNEAKER-TRAIL-42").containsEntry("quantity", 1));

    // cart page: one more, one less
    page.getByTestId("cart-link").click();
    Locator line = page.getByTestId("cart-line-SNEAKER-TRAIL-42");
    assertThat(line).containsText("Trail running shoes");
    line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("One more Trail running shoes (EU 42)")).click();
    assertThat(page.getByTestId("cart-subtotal")).containsText("€179.90");
    assertThat(new BigDecimal(String.valueOf(shop.get("/api/carts/" + cartId).get("subtotal"))))
        .isEqualByComparingTo("179.90");
    line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("One less Trail running shoes (EU 42)")).click();
    assertThat(page.getByTestId("cart-subtotal")).containsText("€89.95");
    Browser.screenshot(page, "11-cart");

    // checkout: contact prefilled from the account, address, a delivery slot, gift wrap, a test card
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to checkout")).click();
    assertThat(page.getByLabel("Full name")).hasValue("Ana García López");
    assertThat(page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true))).hasValue(DemoUser.ANA.email());
    page.getByLabel("Street and number").fill("Calle Mayor 1");
    page.getByLabel("Postal code").fill("28013");
    page.getByLabel("City").fill("Madrid");
    page.getByLabel("Country").selectOption("ES");
    Locator slot = page.getByLabel("Delivery day and time");
    assertThat(slot.locator("option")).not().hasCount(0);
    slot.selectOption(new SelectOption().setIndex(1));
    String[] chosenSlot = slot.inputValue().split("\\|");
    page.getByLabel("Gift wrap").check();
    page.getByLabel("Gift message (optional)").fill("Happy running!");
    page.getByText("Mastercard ending in 4444").click();
    assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Mastercard ending in 4444")))
        .isChecked();
    Browser.screenshot(page, "12-checkout");
    button("Place order").click();

    // acknowledgement: the order number, progress, then the quote with a live countdown
    page.waitForURL(Pattern.compile(".*#/checkout/[^/]+$"));
    String orderId = page.url().replaceAll(".*#/checkout/", "");
    Map<String, Object> placed = shop.get("/api/orders/" + orderId);
    assertThat(page.getByTestId("order-number")).hasText((String) placed.get("orderNumber"));
    Locator confirm = button("Confirm and pay");
    assertThat(confirm).isVisible(PROCESS);
    Locator countdown = page.getByTestId("quote-countdown");
    assertThat(countdown).hasText(Pattern.compile("^(\\d+:)?\\d{1,2}:[0-5]\\d$"));
    String shown = countdown.textContent();
    assertThat(countdown).not().hasText(shown); // it ticks

    Map<String, Object> quoted = shop.get("/api/orders/" + orderId);
    assertThat(quoted).containsEntry("status", "QUOTED").containsEntry("paymentMethod", "CARD")
        .containsEntry("customerEmail", DemoUser.ANA.email());
    assertThat((List<Map<String, Object>>) quoted.get("lines")).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("sku", "SNEAKER-TRAIL-42").containsEntry("quantity", 1));
    Map<String, Object> delivery = (Map<String, Object>) quoted.get("delivery");
    assertThat(delivery).containsEntry("method", "STANDARD").containsEntry("slotDate", chosenSlot[0])
        .containsEntry("slotWindow", chosenSlot[1]).containsEntry("giftWrap", true)
        .containsEntry("giftMessage", "Happy running!");
    Map<String, Object> quote = (Map<String, Object>) quoted.get("quote");
    assertThat(page.getByTestId("quote-total")).hasText(euro(quote.get("amountDue")));
    assertThat(page.getByTestId("quote-shipping")).hasText(euro(quote.get("shippingCost")));
    assertThat(page.getByTestId("quote-parcel-1")).containsText("Madrid warehouse");
    Browser.screenshot(page, "13-quote");

    confirm.click();
    assertThat(page.getByTestId("progress")).containsText("Payment secured", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
    Map<String, Object> paid = shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED");
    assertThat((Map<String, Object>) paid.get("quote")).containsKey("acceptedAt");
    assertThat((Map<String, Object>) paid.get("payment")).containsEntry("status", "AUTHORIZED");

    // the order page: paid, now in the warehouse (the pick task), the timeline of what happened
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Where is my order?")).click();
    page.waitForURL(Pattern.compile(".*#/orders/" + Pattern.quote(orderId) + "$"));
    shop.awaitStep(orderId, "UserTask_PickOrder");
    assertThat(page.locator("[data-stage=paid]")).hasClass(Pattern.compile("\\bdone\\b"));
    assertThat(page.locator("[data-stage=warehouse]")).hasClass(Pattern.compile("\\bcurrent\\b"));
    assertThat(page.getByTestId("current-steps")).containsText("Pick parcel", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    Locator timeline = page.getByTestId("timeline");
    assertThat(timeline.locator("[data-milestone=ORDER_PLACED]")).containsText("Order placed");
    assertThat(timeline.locator("[data-milestone=ORDER_QUOTE_ACCEPTED]")).containsText("Quote confirmed");
    assertThat(timeline.locator("[data-milestone=ORDER_PAYMENT_AUTHORIZED]")).containsText("Payment secured");
    assertThat(page.getByTestId("what-next")).containsText("The warehouse picks and packs your order");
    assertThat(page.getByTestId("eta")).containsText("Delivery slot");
    Browser.screenshot(page, "14-order");

    // the warehouse ships it: the page (polling) shows the parcel with its tracking number
    String warehouse = (String) paid.get("warehouseId");
    shop.pickAndPack(warehouse, orderId);
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    String trackingNumber = (String) ((List<Map<String, Object>>) shipped.get("shipments")).get(0).get("trackingNumber");
    assertThat(shop.post("/api/courier/events", Map.of("eventId", "evt-transit-" + trackingNumber,
        "trackingNumber", trackingNumber, "type", "IN_TRANSIT", "occurredAt", java.time.Instant.now().toString(),
        "location", "Hub Getafe", "estimatedDelivery", java.time.Instant.now().plusSeconds(86_400).toString()))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Locator trackingLink = page.getByTestId("tracking-link");
    assertThat(trackingLink).hasText(trackingNumber, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    assertThat(page.locator("[data-stage=shipped]")).hasClass(Pattern.compile("\\bdone\\b"));
    assertThat(page.getByTestId("parcel-1")).containsText("Hub Getafe", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    assertThat(page.getByTestId("eta")).containsText("Expected delivery");

    // the public tracking page of the parcel
    trackingLink.click();
    page.waitForURL(Pattern.compile(".*#/track/" + trackingNumber + "$"));
    assertThat(page.getByTestId("tracking-result")).containsText("Parcel " + trackingNumber);
    assertThat(page.getByTestId("tracking-result")).containsText("In transit");
    Browser.screenshot(page, "15-tracking");

    // delivered: the invoice PDF and a return of the shoes
    shop.courierDelivered(trackingNumber);
    shop.awaitOrder(orderId, "DELIVERED");
    page.navigate("/#/orders/" + orderId);
    Locator invoice = page.getByTestId("invoice-link");
    assertThat(invoice).containsText("Invoice", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    String pdf = invoice.getAttribute("href");
    ResponseEntity<byte[]> invoicePdf = DemoUser.ANA.on(http).getForEntity(pdf, byte[].class);
    assertThat(invoicePdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(invoicePdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(page.locator("[data-stage=delivered]")).hasClass(Pattern.compile("\\bdone\\b"));

    button("Return items…").click();
    page.getByLabel("Reason").selectOption("WRONG_SIZE");
    page.getByLabel("Trail running shoes (EU 42) (ordered 1)").fill("1");
    button("Send return request").click();
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Return RMA-")))
        .isVisible();
    List<Map<String, Object>> returns = shop.exchange("/api/orders/" + orderId + "/returns", HttpMethod.GET, null, LIST)
        .getBody();
    assertThat(returns).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("kind", "RETURN").containsEntry("reason", "WRONG_SIZE");
      assertThat((List<Map<String, Object>>) r.get("lines")).singleElement()
          .satisfies(l -> assertThat(l).containsEntry("sku", "SNEAKER-TRAIL-42").containsEntry("requestedQuantity", 1));
    });
    assertThat(page.getByTestId("return-" + returns.get(0).get("rmaNumber"))).isVisible();
    Browser.screenshot(page, "14-order-delivered");

    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }

  @Test
  @DisplayName("a visitor browses without signing in and tracks an unknown parcel: a clear not-found message")
  void visitorTracksUnknownParcel() {
    page = open(1280, 900);
    page.navigate("/#/shop");
    assertThat(page.getByTestId("product-SNEAKER-TRAIL")).isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to buy")).first()).isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart"))).hasCount(0);

    page.navigate("/#/track");
    page.getByLabel("Tracking number").fill("zz999999999es");
    button("Track").click();
    page.waitForURL(Pattern.compile(".*#/track/ZZ999999999ES$"));
    Locator notFound = page.getByTestId("tracking-not-found");
    assertThat(notFound).isVisible();
    assertThat(notFound).hasAttribute("role", "alert");
    assertThat(notFound).containsText("No parcel found");
    assertThat(notFound).containsText("ZZ999999999ES");
    assertThat(shop.anonymous().getForEntity("/api/tracking/ZZ999999999ES", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    Browser.screenshot(page, "15-tracking-not-found");
    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }

  @Test
  @DisplayName("on a phone (390×844) the shop and the order page fit the screen; the customer cancels a quoted order")
  @SuppressWarnings("unchecked")
  void handheld() {
    Map<String, Object> order = shop.place(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("HOODIE-ZIP-M", 1, "TSHIRT-ORG-M", 2)));
    String orderId = (String) order.get("id");
    shop.awaitOrder(orderId, "QUOTED");

    // signed in at desktop width (the sign-in helper waits for the user's name, which a phone hides in the menu)
    page = open(1280, 900);
    Browser.signIn(page, DemoUser.ANA, "/shop");
    page.setViewportSize(390, 844);
    assertThat(page.getByTestId("product-HOODIE-ZIP")).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    Browser.screenshot(page, "10-shop-mobile");

    page.navigate("/#/orders/" + orderId);
    assertThat(button("Confirm and pay")).isVisible();
    assertThat(page.getByTestId("quote-countdown")).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    Browser.screenshot(page, "14-order-mobile");

    button("Cancel order…").click();
    page.getByLabel("Why do you cancel? (optional)").fill("Bought it elsewhere");
    button("Yes, cancel the order").click();
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Cancellation requested")))
        .isVisible();
    Map<String, Object> cancelled = shop.awaitOrder(orderId, "CANCELLED");
    assertThat((String) cancelled.get("cancellationReason")).contains("Bought it elsewhere");
    assertThat(page.locator("[data-stage=closed]")).containsText("Cancelled", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    assertThat(button("Confirm and pay")).hasCount(0);
    assertThat(button("Cancel order…")).hasCount(0);

    // her campaign offers: the page lists what the API has for her
    page.navigate("/#/offers");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your offers"))).isVisible();
    List<Map<String, Object>> offers = shop.as(DemoUser.ANA).exchange("/api/offers", HttpMethod.GET, null, LIST).getBody();
    if (offers.isEmpty()) {
      assertThat(page.getByText("No offers for you right now")).isVisible();
    } else {
      assertThat(page.locator(".offer")).hasCount(offers.size());
    }
    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }

  static String levelText(Object level) {
    return switch (String.valueOf(level)) {
      case "IN_STOCK" -> "In stock";
      case "LOW_STOCK" -> "Only a few left";
      default -> "Out of stock";
    };
  }

  @Test
  @DisplayName("the shop shows the stock of each size from the availability API; a sold-out product cannot be added")
  void stockInTheShop() {
    HttpStatus probe = HttpStatus.valueOf(shop.anonymous().getForEntity("/api/products/availability", String.class)
        .getStatusCode().value());
    assertThat(probe).as("GET /api/products/availability").isEqualTo(HttpStatus.OK);
    ResponseEntity<List<Map<String, Object>>> availability = shop.anonymous()
        .exchange("/api/products/availability", HttpMethod.GET, null, LIST);
    Map<String, Object> levels = new java.util.HashMap<>();
    availability.getBody().forEach(a -> levels.put((String) a.get("sku"), a.get("level")));
    assertThat(levels).containsEntry("PRINT-ARTIST-PROOF", "OUT_OF_STOCK");

    page = open(1280, 900);
    Browser.signIn(page, DemoUser.ANA, "/shop");
    assertThat(page.locator(".result-count")).not().containsText("stock levels are not available");
    Locator shoes = page.getByTestId("product-SNEAKER-TRAIL");
    for (String size : List.of("41", "42", "43")) {
      shoes.locator("label.chip", new Locator.LocatorOptions().setHasText("EU " + size)).click();
      assertThat(shoes.getByTestId("stock")).containsText(levelText(levels.get("SNEAKER-TRAIL-" + size)));
    }
    Locator soldOut = page.getByTestId("product-PRINT-ARTIST-PROOF");
    assertThat(soldOut.getByTestId("stock")).hasText("Out of stock");
    assertThat(soldOut.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sold out"))).isDisabled();
    Browser.screenshot(page, "10-shop-stock");
    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }

  @Test
  @DisplayName("my orders lists the customer's orders as the API does; customer service finds a customer's by e-mail")
  @SuppressWarnings("unchecked")
  void orderLists() {
    HttpStatus probe = HttpStatus.valueOf(shop.as(DemoUser.ANA).getForEntity("/api/orders", String.class)
        .getStatusCode().value());
    assertThat(probe).as("GET /api/orders").isEqualTo(HttpStatus.OK);
    Map<String, Object> order = shop.place(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("MUG-CERAMIC", 1)));
    List<Map<String, Object>> anas = shop.as(DemoUser.ANA).exchange("/api/orders", HttpMethod.GET, null, LIST).getBody();
    assertThat(anas).extracting(o -> o.get("id")).contains(order.get("id"));

    page = open(1280, 900);
    Browser.signIn(page, DemoUser.ANA, "/orders");
    Locator row = page.getByTestId("order-row-" + order.get("orderNumber"));
    assertThat(row).isVisible();
    assertThat(page.locator("[data-testid=order-list] tbody tr")).hasCount(anas.size());
    Browser.screenshot(page, "16-orders");
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName((String) order.get("orderNumber"))).click();
    page.waitForURL(Pattern.compile(".*#/orders/" + Pattern.quote((String) order.get("id")) + "$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Order " + order.get("orderNumber"))))
        .isVisible();
    Browser.close(page);

    page = open(1280, 900);
    Browser.signIn(page, DemoUser.CS_AGENT, "/orders");
    page.getByLabel("Customer e-mail").fill(DemoUser.ANA.email().toUpperCase(Locale.ROOT));
    button("Show orders").click();
    List<Map<String, Object>> forAna = shop.as(DemoUser.CS_AGENT)
        .exchange("/api/orders?email=" + DemoUser.ANA.email(), HttpMethod.GET, null, LIST).getBody();
    Locator rows = page.locator("[data-testid=order-list] tbody tr");
    assertThat(rows).hasCount(forAna.size());
    assertThat(rows.filter(new Locator.FilterOptions().setHasNotText(DemoUser.ANA.email()))).hasCount(0);
    assertThat(page.getByTestId("order-row-" + order.get("orderNumber"))).isVisible();
    Browser.screenshot(page, "16-orders-cs");
    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }

  @Test
  @DisplayName("items no warehouse has: the order page asks the customer, whose answer (cancel) reaches the process and "
      + "releases the stock")
  @SuppressWarnings("unchecked")
  void backorderQuestion() {
    int reservedBefore = shop.reserved("BACKPACK-20L");
    Map<String, Object> order = shop.place(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("BACKPACK-20L", 30)));
    String orderId = (String) order.get("id");
    Map<String, Object> asked = shop.awaitOrder(orderId, o -> "STOCK_RESERVED".equals(o.get("status"))
        && ((List<Map<String, Object>>) o.get("lines")).get(0).get("unavailableQuantity") instanceof Integer n && n > 0);
    int unavailable = (Integer) ((List<Map<String, Object>>) asked.get("lines")).get(0).get("unavailableQuantity");

    page = open(1280, 900);
    Browser.signIn(page, DemoUser.ANA, "/orders/" + orderId);
    Locator question = page.getByTestId("backorder-question");
    assertThat(question).containsText("Commuter backpack 20 l: " + unavailable + " of 30 not in stock");
    assertThat(page.getByTestId("what-next")).containsText("Some items are not available");
    Browser.screenshot(page, "14-order-backorder");

    question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel the order")).click();
    shop.awaitOrder(orderId, "CANCELLED");
    assertThat(page.locator("[data-stage=closed]")).containsText("Cancelled",
        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    assertThat(page.getByTestId("backorder-question")).hasCount(0);
    org.awaitility.Awaitility.await().atMost(ShopClient.WAIT)
        .until(() -> shop.reserved("BACKPACK-20L") == reservedBefore);
    assertThat(browserErrors).as("script errors and CSP violations").isEmpty();
  }
}
