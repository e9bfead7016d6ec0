package io.orderflow.fulfillment.security;

import static io.orderflow.fulfillment.testsupport.ShopClient.card;
import static io.orderflow.fulfillment.testsupport.ShopClient.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.FulfillmentApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.testsupport.Browser;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.KeycloakServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The app with the real Keycloak: a second application context with the issuer set to the test server's realm. As a
 * resource server, called with real access tokens of the demo users and of the callbacks' service account; and as the
 * browser users' sign-in (authorization code + PKCE with {@code fulfillment-web}), walked through step by step by a
 * {@link Browser} (cookies kept, redirects not followed) against Keycloak's real login form.
 */
@Tag("keycloak")
class KeycloakSecurityTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  static KeycloakServer keycloak;
  static ConfigurableApplicationContext app;
  static TestRestTemplate http;
  static String appUrl;

  /** Per test, so that with -Dkeycloak.skip=true every test is reported as skipped; both start only once. */
  @BeforeEach
  void start() {
    keycloak = KeycloakServer.get();
    if (app == null) {
      // command-line arguments: they win over application.yml (builder properties would not)
      app = new SpringApplicationBuilder(FulfillmentApplication.class).run(
          "--server.port=0", "--fulfillment.engine.port=0", "--fulfillment.orders.start-retry-interval=PT1H",
          "--fulfillment.mail.embedded-smtp.port=0", "--fulfillment.security.issuer-uri=" + keycloak.issuerUri());
      String port = app.getEnvironment().getProperty("local.server.port");
      appUrl = "http://127.0.0.1:" + port;
      http = new TestRestTemplate(new RestTemplateBuilder().rootUri(appUrl));
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  String token(DemoUser user) {
    return user == DemoUser.CALLBACKS ? keycloak.serviceAccountToken() : keycloak.tokenFor(user.username(),
        user.password());
  }

  <T> ResponseEntity<T> call(DemoUser user, HttpMethod method, String path, Object body,
      ParameterizedTypeReference<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBearerAuth(token(user));
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  @Test
  @DisplayName("Without a token, or with a forged one, the API answers 401 as a problem; the built-in users are off")
  void noTokenNoAccess() {
    ResponseEntity<Map<String, Object>> none = call(null, HttpMethod.GET, "/api/orders/x", null, MAP);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(none.getBody().get("detail").toString()).startsWith("Sign in");

    HttpHeaders forged = new HttpHeaders();
    forged.setBearerAuth(token(DemoUser.ANA).substring(0, 40) + "x.y.z");
    assertThat(http.exchange("/api/orders/x", HttpMethod.GET, new HttpEntity<>(forged), MAP).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("ana.customer", "ana.customer-demo").getForEntity("/api/orders/x", String.class)
        .getStatusCode()).as("no password sign-in in Keycloak mode").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/products", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Ana places and reads her own order with her token; Piotr's token gets 404; finance reads its money movements")
  void customersAndFinance() {
    ResponseEntity<Map<String, Object>> placed = call(DemoUser.ANA, HttpMethod.POST, "/api/orders",
        orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)), MAP);
    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String path = "/api/orders/" + placed.getBody().get("id");

    assertThat(call(DemoUser.ANA, HttpMethod.GET, path, null, MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call(DemoUser.PIOTR, HttpMethod.GET, path, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    Map<String, Object> forPiotr = new HashMap<>(orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)));
    forPiotr.put("customer", Map.of("name", "Piotr", "email", DemoUser.PIOTR.email()));
    ResponseEntity<Map<String, Object>> refused = call(DemoUser.ANA, HttpMethod.POST, "/api/orders", forPiotr, MAP);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(call(DemoUser.FINANCE, HttpMethod.GET, path + "/money-movements", null, LIST).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> anaMoney = call(DemoUser.ANA, HttpMethod.GET, path + "/money-movements", null,
        MAP);
    assertThat(anaMoney.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anaMoney.getBody().get("detail").toString()).contains("Your role customer may not GET");
  }

  @Test
  @DisplayName("picker.madrid sees and completes Madrid's pick task; picker.warsaw does not see it")
  @SuppressWarnings("unchecked")
  void warehouseTasks() {
    ResponseEntity<Map<String, Object>> placed = call(DemoUser.ANA, HttpMethod.POST, "/api/orders",
        orderBody("ES", card("pm_card_visa"), Map.of("MUG-CERAMIC", 1)), MAP);
    String orderId = (String) placed.getBody().get("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> "QUOTED".equals(
        call(DemoUser.ANA, HttpMethod.GET, "/api/orders/" + orderId, null, MAP).getBody().get("status")));
    assertThat(call(DemoUser.ANA, HttpMethod.POST, "/api/orders/" + orderId + "/quote/acceptance", Map.of(), MAP)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    Map<String, Object> pick = await().atMost(Duration.ofSeconds(60)).until(() -> call(DemoUser.PICKER_MADRID,
            HttpMethod.GET, "/api/tasks?orderId=" + orderId, null, LIST).getBody().stream()
            .filter(t -> "UserTask_PickOrder".equals(t.get("elementId"))).findFirst(), Optional::isPresent)
        .orElseThrow();
    String task = "/api/tasks/" + pick.get("key");
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, "/api/tasks?orderId=" + orderId, null, LIST).getBody())
        .isEmpty();
    assertThat(call(DemoUser.PICKER_WARSAW, HttpMethod.GET, task, null, MAP).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Map<String, Object> list = call(DemoUser.PICKER_MADRID, HttpMethod.GET, task + "/pick-list", null, MAP).getBody();
    for (Map<String, Object> line : (List<Map<String, Object>>) list.get("lines")) {
      for (int i = 0; i < (Integer) line.get("quantity"); i++) {
        assertThat(call(DemoUser.PICKER_MADRID, HttpMethod.POST, task + "/scans", Map.of("barcode", line.get("sku")),
            MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
      }
    }
    ResponseEntity<Map<String, Object>> done = call(DemoUser.PICKER_MADRID, HttpMethod.POST, task + "/complete",
        Map.of("variables", Map.of("allLinesPicked", true)), MAP);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("completedBy", "picker.madrid");
  }

  @Test
  @DisplayName("The courier callback takes the callbacks' service account token, not a user's")
  void callbacksNeedTheServiceAccount() {
    Map<String, Object> event = Map.of("eventId", "evt-kc-1", "trackingNumber", "SX000000002ES", "type", "DELIVERED",
        "occurredAt", "2026-11-23T12:00:00Z");
    assertThat(call(null, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(DemoUser.OPS, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(DemoUser.CALLBACKS, HttpMethod.POST, "/api/courier/events", event, MAP).getStatusCode())
        .as("authorized; the tracking number is unknown").isEqualTo(HttpStatus.NOT_FOUND);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Browser sign-in (OIDC, authorization code + PKCE)

  /**
   * Walks the sign-in from a page request up to Keycloak's answer to the login form: GET /me, the app's authorization
   * redirect (PKCE S256 asserted), Keycloak's login page, the form post. Returns Keycloak's answer to the form.
   */
  HttpResponse<String> submitLogin(Browser browser, String username, String password) {
    HttpResponse<String> page = browser.get(appUrl + "/me");
    assertThat(page.statusCode()).as("unauthenticated page").isEqualTo(302);
    URI start = Browser.location(page);
    assertThat(start.toString()).isEqualTo(appUrl + "/oauth2/authorization/keycloak");

    HttpResponse<String> toKeycloak = browser.get(start.toString());
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    URI authorization = Browser.location(toKeycloak);
    assertThat(authorization.toString()).startsWith(keycloak.authorizationEndpoint() + "?");
    Map<String, String> query = query(authorization);
    assertThat(query).containsEntry("client_id", KeycloakServer.WEB_CLIENT).containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", appUrl + "/login/oauth2/code/keycloak")
        .containsKeys("state", "nonce");
    assertThat(query.get("code_challenge")).as("S256 challenge: 43 base64url characters").matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("scope").split(" ")).contains("openid");

    HttpResponse<String> loginPage = browser.get(authorization.toString());
    assertThat(loginPage.statusCode()).as("Keycloak's login page").isEqualTo(200);
    Element form = Jsoup.parse(loginPage.body(), authorization.toString()).getElementById("kc-form-login");
    assertThat(form).as("the login form").isNotNull();
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
    fields.put("username", username);
    fields.put("password", password);
    return browser.postForm(form.absUrl("action"), fields);
  }

  /** The whole sign-in, up to the page the user asked for. */
  HttpResponse<String> signIn(Browser browser, DemoUser user) {
    HttpResponse<String> answer = submitLogin(browser, user.username(), user.password());
    assertThat(answer.statusCode()).as("Keycloak accepts %s: %s", user, answer.body()).isEqualTo(302);
    URI callback = Browser.location(answer);
    assertThat(callback.toString()).startsWith(appUrl + "/login/oauth2/code/keycloak?");
    assertThat(query(callback)).containsKeys("code", "state").doesNotContainKey("error");

    HttpResponse<String> signedIn = browser.get(callback.toString());
    assertThat(signedIn.statusCode()).as("the app's callback: %s", signedIn.body()).isEqualTo(302);
    URI back = Browser.location(signedIn);
    assertThat(back.getPath()).as("back to the page asked for").isEqualTo("/me");
    HttpResponse<String> page = browser.get(back.toString());
    assertThat(page.statusCode()).isEqualTo(200);
    return page;
  }

  HttpResponse<String> apiMe(Browser browser) {
    return browser.get(appUrl + "/api/me", Map.of("Accept", "application/json"));
  }

  @Test
  @DisplayName("Ana signs in through Keycloak's login form (code + PKCE S256); /me and /api/me show her; the session "
      + "calls the API (writes with the CSRF token only); signing out ends the app's and Keycloak's session")
  void browserSignInSessionAndSignOut() {
    Browser browser = new Browser();
    HttpResponse<String> page = signIn(browser, DemoUser.ANA);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("the sign-out form's redirect to Keycloak is allowed").contains("form-action 'self' " + keycloak.baseUrl());
    Document me = Jsoup.parse(page.body(), appUrl + "/me");
    assertThat(me.getElementById("username").text()).isEqualTo("ana.customer");
    assertThat(me.getElementById("display-name").text()).isEqualTo("Ana García López");
    assertThat(me.getElementById("email").text()).isEqualTo(DemoUser.ANA.email());
    assertThat(me.getElementById("roles").text()).isEqualTo("customer");
    assertThat(me.getElementById("warehouses").text()).isEqualTo("–");

    HttpResponse<String> json = apiMe(browser);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(KeycloakServer.json(json.body()).toString()).isEqualTo(KeycloakServer.json("""
        {"username":"ana.customer","displayName":"Ana García López","email":"ana.garcia@example.com",
         "roles":["customer"],"warehouses":[]}""").toString());
    assertThat(json.headers().firstValue("Set-Cookie")).as("the API creates no session of its own").isEmpty();

    // a role rule still applies to the session: customers may not read money movements
    HttpResponse<String> refused = browser.get(appUrl + "/api/payments/bank-statements/unmatched",
        Map.of("Accept", "application/json"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Your role customer may not GET");

    // writes of the session need the CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN)
    HttpResponse<String> noToken = browser.postJson(appUrl + "/api/carts", "{}", Map.of());
    assertThat(noToken.statusCode()).as("POST without the CSRF token").isEqualTo(403);
    assertThat(noToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(noToken.body()).contains("CSRF token");
    String csrf = browser.cookie(appUrl, "XSRF-TOKEN").orElseThrow();
    HttpResponse<String> wrongToken = browser.postJson(appUrl + "/api/carts", "{}",
        Map.of("X-XSRF-TOKEN", "not-the-token"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    HttpResponse<String> cart = browser.postJson(appUrl + "/api/carts", "{}", Map.of("X-XSRF-TOKEN", csrf));
    assertThat(cart.statusCode()).as("POST with the token: %s", cart.body()).isEqualTo(201);
    // a bearer caller sends no CSRF token (and the session cookie changes nothing for it)
    HttpResponse<String> bearer = browser.postJson(appUrl + "/api/carts", "{}",
        Map.of("Authorization", "Bearer " + token(DemoUser.PIOTR)));
    assertThat(bearer.statusCode()).isEqualTo(201);
    assertThat(KeycloakServer.json(bearer.body()).path("id").asText())
        .isNotEqualTo(KeycloakServer.json(cart.body()).path("id").asText());

    // sign out: the form of /me (with its CSRF field) → Keycloak's end-session endpoint → the app's signed-out page
    Element signOut = me.getElementById("sign-out");
    Map<String, String> fields = new LinkedHashMap<>();
    signOut.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
    assertThat(fields).containsKey("_csrf");
    HttpResponse<String> loggedOut = browser.postForm(signOut.absUrl("action"), fields);
    assertThat(loggedOut.statusCode()).isEqualTo(302);
    URI endSession = Browser.location(loggedOut);
    assertThat(endSession.toString())
        .startsWith(keycloak.openIdConfiguration().path("end_session_endpoint").asText() + "?");
    assertThat(query(endSession)).containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", appUrl + "/signed-out");
    assertThat(apiMe(browser).statusCode()).as("the app's session is gone").isEqualTo(401);

    HttpResponse<String> keycloakLogout = browser.get(endSession.toString());
    assertThat(keycloakLogout.statusCode()).as("Keycloak ends its session: %s", keycloakLogout.body()).isEqualTo(302);
    URI signedOut = Browser.location(keycloakLogout);
    assertThat(signedOut.toString()).startsWith(appUrl + "/signed-out");
    HttpResponse<String> signedOutPage = browser.get(signedOut.toString());
    assertThat(signedOutPage.statusCode()).isEqualTo(200);
    assertThat(signedOutPage.body()).contains("You are signed out");

    HttpResponse<String> afterwards = apiMe(browser);
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // Keycloak's session is gone too: the next sign-in asks for the password again instead of coming straight back
    HttpResponse<String> again = browser.get(Browser.location(browser.get(Browser.location(
        browser.get(appUrl + "/me")).toString())).toString());
    assertThat(again.statusCode()).as("Keycloak shows its login form again").isEqualTo(200);
    assertThat(again.body()).contains("kc-form-login");
  }

  @Test
  @DisplayName("In Chromium: the application page's Sign in goes through Keycloak's login form and back to the page, "
      + "which shows the user and their navigation; Sign out ends the session at Keycloak too")
  void applicationPageSignsInThroughKeycloakInChromium() {
    io.orderflow.fulfillment.web.Browser.require();
    com.microsoft.playwright.Page page = io.orderflow.fulfillment.web.Browser.open(appUrl);
    try {
      page.navigate("/#/orders");
      page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
          new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in").setExact(true)).first().click();
      page.waitForURL(url -> url.startsWith(keycloak.baseUrl()));
      page.locator("#username").fill(DemoUser.SUPERVISOR_MADRID.username());
      page.locator("#password").fill(DemoUser.SUPERVISOR_MADRID.password());
      page.locator("#kc-login").click();
      try {
        page.waitForURL(url -> url.startsWith(appUrl) && url.endsWith("/#/orders"),
            new com.microsoft.playwright.Page.WaitForURLOptions().setTimeout(60_000));
      } catch (com.microsoft.playwright.PlaywrightException e) {
        io.orderflow.fulfillment.web.Browser.screenshot(page, "02-start-keycloak-failed");
        throw new AssertionError("after Keycloak's login the browser is at " + page.url() + ": "
            + page.locator("body").innerText().strip().lines().limit(5).toList(), e);
      }
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByTestId("signed-in-user"))
          .containsText("madrid");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
          page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION)).containsText("Inbox");
      io.orderflow.fulfillment.web.Browser.screenshot(page, "02-start-keycloak-supervisor");

      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
          new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out")).click();
      page.waitForURL(url -> url.startsWith(appUrl + "/signed-out"));
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body"))
          .containsText("You are signed out");
      // Keycloak's session ended too: signing in again shows its login form
      page.navigate(appUrl + "/signin?to=/");
      page.waitForURL(url -> url.startsWith(keycloak.baseUrl()));
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#kc-login")).isVisible();
    } finally {
      io.orderflow.fulfillment.web.Browser.close(page);
    }
  }

  @Test
  @DisplayName("A warehouse supervisor's browser session has the same roles and warehouses as their bearer token")
  void browserSessionMapsLikeTheToken() {
    Browser browser = new Browser();
    Document me = Jsoup.parse(signIn(browser, DemoUser.SUPERVISOR_MADRID).body());
    assertThat(me.getElementById("roles").text()).isEqualTo("warehouse, warehouse-supervisor");
    assertThat(me.getElementById("warehouses").text()).isEqualTo("madrid");

    HttpResponse<String> session = apiMe(browser);
    ResponseEntity<Map<String, Object>> bearer = call(DemoUser.SUPERVISOR_MADRID, HttpMethod.GET, "/api/me", null, MAP);
    assertThat(bearer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bearer.getBody()).containsEntry("roles", List.of("warehouse", "warehouse-supervisor"))
        .containsEntry("warehouses", List.of("madrid")).containsEntry("displayName", "Lucía Fernández");
    assertThat(KeycloakServer.json(session.body())).isEqualTo(new ObjectMapper().valueToTree(bearer.getBody()));
    assertThat(browser.get(appUrl + "/api/stock?sku=MUG-CERAMIC", Map.of("Accept", "application/json"))
        .statusCode()).as("a warehouse read with the session").isEqualTo(200);
  }

  @Test
  @DisplayName("A wrong password keeps the user at Keycloak's login form; the app has no session for them")
  void wrongPasswordKeepsTheUserOut() {
    Browser browser = new Browser();
    // a user no other test signs in with: Keycloak's brute-force detection counts the failure
    HttpResponse<String> answer = submitLogin(browser, DemoUser.MARKETING.username(), "not-the-password");
    assertThat(answer.statusCode()).as("the login form again, no redirect to the app").isEqualTo(200);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.body()).contains("kc-form-login").contains("Invalid username or password");

    assertThat(apiMe(browser).statusCode()).isEqualTo(401);
    assertThat(browser.get(appUrl + "/me").statusCode()).as("still sent to the sign-in").isEqualTo(302);
    // a made-up callback (no authorization request of this session) signs nobody in
    HttpResponse<String> forged = browser.get(appUrl + "/login/oauth2/code/keycloak?code=made-up&state=made-up");
    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(Browser.location(forged).toString()).isEqualTo(appUrl + "/signed-out?failed");
    assertThat(apiMe(browser).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("Without a session: pages redirect to the sign-in, the API answers 401 as a problem (no redirect)")
  void unauthenticatedPagesRedirectApiAnswers401() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(appUrl + "/me");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(Browser.location(page).toString()).isEqualTo(appUrl + "/oauth2/authorization/keycloak");

    for (String accept : List.of("application/json", Browser.HTML)) {
      HttpResponse<String> api = browser.get(appUrl + "/api/me", Map.of("Accept", accept));
      assertThat(api.statusCode()).as("GET /api/me, Accept %s", accept).isEqualTo(401);
      assertThat(api.headers().firstValue("Location")).isEmpty();
      assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    HttpResponse<String> post = browser.postJson(appUrl + "/api/carts", "{}", Map.of());
    assertThat(post.statusCode()).as("no session, no credentials: 401, not a CSRF refusal").isEqualTo(401);
    assertThat(call(DemoUser.CALLBACKS, HttpMethod.GET, "/api/me", null, MAP).getStatusCode())
        .as("the machine caller is no person").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(browser.get(appUrl + "/signed-out").statusCode()).as("open to anyone").isEqualTo(200);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return parameters;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }
}
