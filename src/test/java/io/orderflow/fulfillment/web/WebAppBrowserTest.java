package io.orderflow.fulfillment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.orderflow.fulfillment.testsupport.DemoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application page in a real browser: public for visitors, the sign-in round trip, navigation by role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("The application page in Chromium")
class WebAppBrowserTest {

  @LocalServerPort int port;
  Page page;
  final java.util.List<String> problems = new java.util.ArrayList<>();

  @BeforeEach
  void browser() {
    Browser.require();
  }

  @AfterEach
  void close() {
    Browser.close(page);
  }

  @Test
  @DisplayName("a visitor sees the start page without signing in; the page is never cached, its assets are")
  void visitor() {
    page = Browser.recordProblems(Browser.open("http://localhost:" + port), problems);
    page.reload();
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
        new Page.GetByRoleOptions().setName("Welcome to OrderFlow"))).isVisible();
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
        new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first()).isVisible();
    Response html = page.navigate("/");
    assertThat(html.headers().get("cache-control")).contains("no-store");
    assertThat(html.headers().get("content-security-policy")).contains("default-src 'self'");
    Browser.screenshot(page, "00-start-visitor");
    assertThat(problems).as("CSP violations and script errors").isEmpty();
  }

  @Test
  @DisplayName("signing in returns to the page it started from and shows the user; sign-out ends the session")
  void signInAndOut() {
    page = Browser.open("http://localhost:" + port);
    Browser.signIn(page, DemoUser.OPS, "/");
    assertThat(page.getByTestId("signed-in-user")).containsText("Tomasz");
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION)).containsText("Processes");
    Browser.screenshot(page, "01-start-ops");
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Sign out")).click();
    page.navigate("/");
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
        new Page.GetByRoleOptions().setName("Welcome to OrderFlow"))).isVisible();
  }
}
