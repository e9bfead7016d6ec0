package io.orderflow.fulfillment.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.testsupport.Browser;
import io.orderflow.fulfillment.testsupport.DemoUser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The browser with the built-in users (no Keycloak): the login form, then the same session on the pages and on the
 * API (writes with the CSRF token), and the sign-out; HTTP basic callers as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class BuiltInWebLoginTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static Map<String, String> fields(Element form) {
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
    return fields;
  }

  @Test
  @DisplayName("Picker Madrid signs in with the login form; /me and /api/me show them; session writes need the CSRF "
      + "token; signing out ends the session")
  void formLoginSession() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(url("/me"));
    assertThat(page.statusCode()).isEqualTo(302);
    URI login = Browser.location(page);
    assertThat(login.getPath()).isEqualTo("/login");

    Element form = Jsoup.parse(browser.get(login.toString()).body(), login.toString()).selectFirst("form");
    Map<String, String> credentials = fields(form);
    assertThat(credentials).containsKey("_csrf");
    credentials.put("username", DemoUser.PICKER_MADRID.username());
    credentials.put("password", DemoUser.PICKER_MADRID.password());
    HttpResponse<String> signedIn = browser.postForm(form.absUrl("action"), credentials);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(Browser.location(signedIn).getPath()).isEqualTo("/me");

    HttpResponse<String> mePage = browser.get(Browser.location(signedIn).toString());
    assertThat(mePage.statusCode()).isEqualTo(200);
    Document me = Jsoup.parse(mePage.body(), url("/me"));
    assertThat(me.getElementById("username").text()).isEqualTo("picker.madrid");
    assertThat(me.getElementById("display-name").text()).isEqualTo("Javier Moreno");
    assertThat(me.getElementById("roles").text()).isEqualTo("warehouse");
    assertThat(me.getElementById("warehouses").text()).isEqualTo("madrid");

    HttpResponse<String> json = browser.get(url("/api/me"), Map.of("Accept", "application/json"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(json.body())).isEqualTo(new ObjectMapper().readTree("""
        {"username":"picker.madrid","displayName":"Javier Moreno","email":"javier.moreno@orderflow.example",
         "roles":["warehouse"],"warehouses":["madrid"]}"""));
    assertThat(browser.get(url("/api/stock?sku=MUG-CERAMIC"), Map.of("Accept", "application/json")).statusCode())
        .isEqualTo(200);

    // picker.madrid may not create carts: the CSRF check comes first, then the role rule
    HttpResponse<String> noToken = browser.postJson(url("/api/carts"), "{}", Map.of());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("CSRF token");
    String csrf = browser.cookie(url("/"), "XSRF-TOKEN").orElseThrow();
    HttpResponse<String> withToken = browser.postJson(url("/api/carts"), "{}", Map.of("X-XSRF-TOKEN", csrf));
    assertThat(withToken.statusCode()).isEqualTo(403);
    assertThat(withToken.body()).contains("Your role warehouse may not POST /api/carts");

    HttpResponse<String> signedOut = browser.postForm(me.getElementById("sign-out").absUrl("action"),
        fields(me.getElementById("sign-out")));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(Browser.location(signedOut).toString()).endsWith("/login?logout");
    assertThat(browser.get(url("/api/me"), Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
    assertThat(browser.get(url("/me")).statusCode()).isEqualTo(302);
  }

  @Test
  @DisplayName("Ana's session creates a cart with the CSRF token; a basic-auth caller needs none and gets no cookie")
  void sessionWritesAndBasicCallers() {
    Browser browser = new Browser();
    HttpResponse<String> loginPage = browser.get(url("/login"));
    Element form = Jsoup.parse(loginPage.body(), url("/login")).selectFirst("form");
    Map<String, String> credentials = fields(form);
    credentials.put("username", DemoUser.ANA.username());
    credentials.put("password", "wrong-password");
    HttpResponse<String> wrong = browser.postForm(form.absUrl("action"), credentials);
    assertThat(Browser.location(wrong).toString()).endsWith("/login?error");
    assertThat(browser.get(url("/api/me"), Map.of("Accept", "application/json")).statusCode())
        .as("a wrong password signs nobody in").isEqualTo(401);

    credentials = fields(Jsoup.parse(browser.get(url("/login")).body(), url("/login")).selectFirst("form"));
    credentials.put("username", DemoUser.ANA.username());
    credentials.put("password", DemoUser.ANA.password());
    assertThat(browser.postForm(url("/login"), credentials).statusCode()).isEqualTo(302);
    assertThat(browser.get(url("/me")).statusCode()).as("a page, which hands out the CSRF token").isEqualTo(200);
    String csrf = browser.cookie(url("/"), "XSRF-TOKEN").orElseThrow();
    assertThat(browser.postJson(url("/api/carts"), "{}", Map.of("X-XSRF-TOKEN", csrf)).statusCode()).isEqualTo(201);

    ResponseEntity<Map> basic = http.withBasicAuth(DemoUser.ANA.username(), DemoUser.ANA.password())
        .postForEntity("/api/carts", null, Map.class);
    assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(basic.getHeaders().get("Set-Cookie")).isNull();
    ResponseEntity<Map> me = http.withBasicAuth(DemoUser.CALLBACKS.username(), DemoUser.CALLBACKS.password())
        .getForEntity("/api/me", Map.class);
    assertThat(me.getStatusCode()).as("the machine caller is no person").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(DemoUser.OPS.username(), DemoUser.OPS.password()).getForEntity("/api/me", Map.class)
        .getBody()).containsEntry("username", "ops.viewer").containsEntry("displayName", "Tomasz Zieliński");
  }
}
