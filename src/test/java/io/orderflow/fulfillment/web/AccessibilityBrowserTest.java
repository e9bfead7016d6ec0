package io.orderflow.fulfillment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.orderflow.fulfillment.testsupport.DemoUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main pages checked by axe-core (the accessibility engine browsers' developer tools use; from the npm registry,
 * pinned in package-lock.json) for WCAG 2.1 A and AA rules: no serious or critical violation, on a desktop and on a
 * handheld viewport. axe is injected into a context that bypasses the page's CSP (the page itself allows no inline
 * script).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
@DisplayName("Accessibility of the main pages (axe-core, WCAG 2.1 AA)")
class AccessibilityBrowserTest {

  static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @BeforeEach
  void browser() {
    Browser.require();
    assertThat(AXE).as("axe-core is installed by the pages' build (npm ci)").exists();
  }

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(null, "/"), Arguments.of(null, "/shop"), Arguments.of(null, "/track"),
        Arguments.of(DemoUser.ANA, "/orders"), Arguments.of(DemoUser.ANA, "/cart"),
        Arguments.of(DemoUser.ANA, "/checkout"), Arguments.of(DemoUser.ANA, "/offers"),
        Arguments.of(DemoUser.CS_AGENT, "/orders"), Arguments.of(DemoUser.CS_AGENT, "/inbox"),
        Arguments.of(DemoUser.MARKETING, "/campaigns/new"),
        Arguments.of(DemoUser.PICKER_MADRID, "/inbox"), Arguments.of(DemoUser.OPS, "/ops"),
        Arguments.of(DemoUser.OPS, "/ops/stuck"), Arguments.of(DemoUser.OPS, "/kpis"),
        Arguments.of(DemoUser.OPS, "/mail"), Arguments.of(DemoUser.MARKETING_ASSISTANT, "/campaigns"),
        Arguments.of(DemoUser.PURCHASING, "/purchasing"), Arguments.of(DemoUser.PURCHASING, "/purchasing/policies"),
        Arguments.of(DemoUser.SUPERVISOR_MADRID, "/purchasing/transfers"),
        Arguments.of(DemoUser.CS_AGENT, "/returns"), Arguments.of(DemoUser.SUPERVISOR_MADRID, "/returns"),
        Arguments.of(DemoUser.FINANCE, "/finance"), Arguments.of(DemoUser.ANALYST, "/models"));
  }

  @ParameterizedTest(name = "{1} as {0}")
  @MethodSource("pages")
  void noSeriousViolations(DemoUser user, String route) throws Exception {
    for (int[] viewport : new int[][] {{1280, 900}, {390, 844}}) {
      BrowserContext context = Browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setBaseURL("http://localhost:" + port).setViewportSize(viewport[0], viewport[1]).setBypassCSP(true));
      try {
        Page page = context.newPage();
        if (user != null) {
          Browser.signIn(page, user, route);
        } else {
          page.navigate("/#" + route);
        }
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("h1").first().waitFor();
        page.waitForFunction("() => !document.querySelector('main .loading')");
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
        String result = (String) page.evaluate("async () => JSON.stringify(await axe.run(document, "
            + "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result).path("violations")) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at "
                + String.join(", ", targets.subList(0, Math.min(5, targets.size()))) + " — "
                + v.path("nodes").path(0).path("failureSummary").asText());
          }
        }
        assertThat(serious).as("axe violations on %s (%dx%d)", route, viewport[0], viewport[1]).isEmpty();
      } finally {
        context.close();
      }
    }
  }

}
