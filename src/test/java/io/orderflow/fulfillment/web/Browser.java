package io.orderflow.fulfillment.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.orderflow.fulfillment.testsupport.DemoUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser of the end-to-end tests: the machine's headless Chromium (Debian's {@code chromium}, system property
 * {@code browser.executable}) driven by Playwright; Playwright never downloads a browser here. One browser per JVM; a
 * fresh context (cookies, storage) per {@link #open}. Without the executable the tests are skipped with the reason,
 * unless {@code BROWSER_TESTS_REQUIRED} is set (as {@code .ci/run} does): then they fail.
 *
 * <p>Screenshots go to {@code target/screenshots} (system property {@code browser.screenshots}).
 */
public final class Browser {

  /** Chromium's flags for a closed network: no background connections, no first-run, no sandbox (root). */
  static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");

  private static Playwright playwright;
  private static com.microsoft.playwright.Browser browser;

  private Browser() {}

  static Path executable() {
    return Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium"));
  }

  /** Skips (or, when required, fails) the test if the machine has no Chromium. */
  public static void require() {
    Path exe = executable();
    if (Files.isExecutable(exe)) {
      return;
    }
    String why = "No Chromium at " + exe + " for the browser tests: install Debian's chromium package "
        + "(apt-get install chromium) or set -Dbrowser.executable=…";
    if (System.getenv("BROWSER_TESTS_REQUIRED") != null) {
      Assertions.fail(why);
    }
    Assumptions.abort(why);
  }

  static synchronized com.microsoft.playwright.Browser browser() {
    require();
    if (browser == null) {
      // web-first assertions wait up to 20 s (default 5 s): a page's first load on a busy 2-core CI machine can be slow
      com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable()).setHeadless(true).setArgs(new ArrayList<>(FLAGS)));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          browser.close();
          playwright.close();
        } catch (RuntimeException ignored) {
          // the JVM is ending anyway
        }
      }));
    }
    return browser;
  }

  /** A new browser context (no cookies) with a desktop viewport, opened at the app's start page. */
  public static Page open(String baseUrl) {
    return open(baseUrl, 1280, 900);
  }

  /** A new context of the given viewport (e.g. 390×844 for a handheld). */
  public static synchronized Page open(String baseUrl, int width, int height) {
    BrowserContext context = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("en-GB").setTimezoneId("Europe/Madrid"));
    context.setDefaultTimeout(20_000);
    Page page = context.newPage();
    page.navigate("/");
    return page;
  }

  /**
   * Signs in with the built-in user's demo password through the app's login form (the route {@code /signin} sends an
   * anonymous browser there), and waits until the page shows the user as signed in at the given route.
   */
  public static void signIn(Page page, DemoUser user, String route) {
    page.navigate("/signin?to=" + route);
    page.waitForURL(Pattern.compile(".*/login.*"));
    page.locator("input[name=username]").fill(user.username());
    page.locator("input[name=password]").fill(user.username() + "-demo");
    page.locator("button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/#" + Pattern.quote(route) + "$"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    // attached, not visible: on a handheld viewport the user's name sits in the collapsed menu
    page.getByTestId("signed-in-user").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
  }

  /**
   * Records what a page must never show in its console: CSP violations, uncaught script errors, and console errors
   * other than the browser's note on a request the API refused with a 4xx (the pages show those answers as problems).
   * A 5xx answer counts.
   */
  public static Page recordProblems(Page page, java.util.List<String> problems) {
    page.onConsoleMessage(m -> {
      String text = m.text();
      boolean csp = text.contains("Content Security Policy") || text.contains("Refused to");
      boolean refusedByApi = text.startsWith("Failed to load resource: the server responded with a status of 4");
      if (csp || ("error".equals(m.type()) && !refusedByApi)) {
        problems.add(m.type() + ": " + text);
      }
    });
    page.onPageError(e -> problems.add("page error: " + e));
    return page;
  }

  /** Writes a full-page screenshot to target/screenshots/{name}.png. */
  public static Path screenshot(Page page, String name) {
    Path dir = Paths.get(System.getProperty("browser.screenshots", "target/screenshots"));
    Path file = dir.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  /** Closes the page's context (its cookies and pages). */
  public static void close(Page page) {
    if (page != null) {
      page.context().close();
    }
  }
}
