package dev.vigil.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.vigil.engine.browser.BrowserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard end to end: {@code vigil demo} in a child JVM, Debian's Chromium driven by
 * Playwright, logging in as a tenant admin and as the platform team with the tokens the demo
 * prints, and watching statuses change without a reload as the demo's runs come in. Screenshots go
 * to {@code <vigil.buildDir>/screenshots/}. The browser is {@code /usr/bin/chromium} unless the
 * system property {@code vigil.browserPath} names another.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DashboardE2eTest {
  private static final Path BROWSER =
      Path.of(System.getProperty("vigil.browserPath", BrowserSettings.DEBIAN_CHROMIUM.toString()));
  private static final Path BUILD_DIR = Path.of(System.getProperty("vigil.buildDir", "target")).toAbsolutePath();
  private static final Path SCREENSHOTS = BUILD_DIR.resolve("screenshots");
  /** The same closed-network flags as the engine's browser: nothing may try to reach Google. */
  private static final List<String> CHROMIUM_FLAGS = List.of(
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");
  private static final Duration DEMO_START = Duration.ofMinutes(2);
  /** The demo's health checks run every 30 s: a live change shows within this, with room to spare. */
  private static final double LIVE_CHANGE_MS = 120_000;
  private static final double PAGE_MS = 30_000;

  /** Each card's or cell's key and last run id, as the page shows them now. */
  private static final String LAST_RUNS = "sel => [...document.querySelectorAll(sel)]"
      + ".map(e => [e.dataset.tenant + '/' + e.dataset.journey, e.dataset.lastRun])";
  /**
   * Whether an element now shows a run it did not show before, with a status: the page learnt of
   * a run and the status it led to.
   */
  private static final String NEW_RUN_SHOWN = "([sel, before]) => { const prior = new Map(before);"
      + " return [...document.querySelectorAll(sel)].some(e => e.dataset.lastRun"
      + " && e.dataset.lastRun !== prior.get(e.dataset.tenant + '/' + e.dataset.journey)"
      + " && e.dataset.status !== 'NONE'); }";

  @TempDir
  static Path dataDir;
  private static DemoProcess demo;
  private static Playwright playwright;
  private static Browser browser;
  private BrowserContext context;
  private Page page;
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private final List<String> foreignRequests = new CopyOnWriteArrayList<>();
  private final List<String> socketUrls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startDemo() throws Exception {
    assertTrue(Files.isExecutable(BROWSER), "the dashboard test needs Chromium at " + BROWSER
        + ": install it with apt-get install chromium (CI does), or set -Dvigil.browserPath");
    Files.createDirectories(SCREENSHOTS);
    Path project = Path.of(System.getProperty("vigil.project.dir", "")).toAbsolutePath();
    demo = DemoProcess.start(project, dataDir, BROWSER, BUILD_DIR.resolve("dashboard-e2e-demo.log"), DEMO_START);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(BROWSER).setHeadless(true).setTimeout(30_000).setArgs(CHROMIUM_FLAGS));
  }

  @AfterAll
  static void stopDemo() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    page = context.newPage();
    page.setDefaultTimeout(PAGE_MS);
    page.onPageError(error -> pageErrors.add(error));
    page.onRequest(request -> {
      String url = request.url();
      if (!url.startsWith(demo.baseUrl() + "/") && !url.startsWith(demo.baseUrl().replace("http:", "ws:") + "/")
          && !url.startsWith("data:")) {
        foreignRequests.add(url);
      }
    });
    page.onWebSocket(socket -> socketUrls.add(socket.url()));
  }

  @AfterEach
  void closePage() {
    try {
      assertEquals(List.of(), pageErrors, "script errors on the page");
      assertEquals(List.of(), foreignRequests, "the dashboard asked for something Vigil does not serve");
    } finally {
      context.close();
    }
  }

  @Test
  @DisplayName("A tenant admin logs in with its token, sees only its tenant's journeys, and sees a status arrive live")
  void tenantAdminSeesItsTenantLive() {
    DemoProcess.Token token = demo.token("tenant-admin");
    String tenant = token.tenant().orElseThrow(() -> new AssertionError("the demo's tenant admin token names no tenant: " + token));

    logIn(token);
    page.waitForURL("**/dashboard/#/tenant/" + tenant);
    page.waitForSelector(".card");
    assertTokenKeptPrivately(token);
    List<?> cards = (List<?>) page.evaluate(LAST_RUNS, ".card");
    assertFalse(cards.isEmpty(), "a card per journey");
    assertEquals(0, page.locator(".card:not([data-tenant='" + tenant + "'])").count(), "only the tenant's own checks");
    assertEquals(0, page.locator(".heatmap").count(), "no platform view for a tenant admin");

    page.evaluate("() => { window.e2eSamePage = true; }");
    page.waitForFunction(NEW_RUN_SHOWN, List.of(".card", cards), new Page.WaitForFunctionOptions().setTimeout(LIVE_CHANGE_MS));
    assertEquals(true, page.evaluate("() => window.e2eSamePage === true"), "the page changed without a reload");
    page.waitForSelector("#live[data-state='live']");
    assertTrue(page.locator(".card .badge:not([data-status='NONE'])").first().textContent().strip().length() > 2,
        "a status badge says its status in words");
    screenshot("tenant-admin");
  }

  @Test
  @DisplayName("The platform team logs in, sees every check in the heatmap updated live, and opens a tenant from it")
  void platformSeesEveryCheckLive() {
    DemoProcess.Token token = demo.token("platform");

    logIn(token);
    page.waitForURL("**/dashboard/#/platform");
    page.waitForSelector(".heatmap td.cell[data-status]");
    assertTokenKeptPrivately(token);
    assertEquals(demo.checks(), page.locator(".heatmap td.cell[data-status]").count(), "a heatmap cell per check");
    List<?> cells = (List<?>) page.evaluate(LAST_RUNS, ".heatmap td.cell[data-status]");

    page.evaluate("() => { window.e2eSamePage = true; }");
    page.waitForFunction(NEW_RUN_SHOWN, List.of(".heatmap td.cell[data-status]", cells),
        new Page.WaitForFunctionOptions().setTimeout(LIVE_CHANGE_MS));
    assertEquals(true, page.evaluate("() => window.e2eSamePage === true"), "the page changed without a reload");
    page.waitForSelector("#live[data-state='live']");
    page.waitForSelector(".ranking li");
    page.waitForSelector(".tier-chart[data-loaded]");
    page.waitForSelector(".analysis[data-loaded]");
    screenshot("platform");

    page.click("button[data-mode='p95']");
    page.waitForSelector(".heatmap td.cell .p95");
    screenshot("platform-p95");

    String tenant = demo.token("tenant-admin").tenant().orElseThrow();
    page.click(".heatmap th[scope='row'] a[href='#/tenant/" + tenant + "']");
    page.waitForURL("**/dashboard/#/tenant/" + tenant);
    page.waitForSelector(".card[data-tenant='" + tenant + "']");
    page.waitForSelector(".failures[data-loaded]");
    page.waitForSelector(".card:not([data-status='NONE'])");
    screenshot("platform-tenant");
  }

  @Test
  @DisplayName("A wrong token is refused on the login page, which says so and keeps nothing")
  void wrongTokenIsRefused() {
    page.navigate(demo.baseUrl() + "/dashboard/");
    page.fill("#token", "vgl_" + "x".repeat(43));
    page.click("form.login button[type='submit']");
    page.waitForSelector(".login-message:text-matches('refused|too many', 'i')");
    assertNull(page.evaluate("() => sessionStorage.getItem('vigil.token')"), "a refused token is not kept");
    assertTrue(page.locator("#top").isHidden(), "no dashboard without a valid token");
    screenshot("login-refused");
  }

  private void logIn(DemoProcess.Token token) {
    page.navigate(demo.baseUrl() + "/dashboard/");
    page.fill("#token", token.value());
    page.click("form.login button[type='submit']");
    page.waitForSelector("#top", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
  }

  /** The token is in this tab's sessionStorage only: never in a URL, a WebSocket URL or localStorage. */
  private void assertTokenKeptPrivately(DemoProcess.Token token) {
    assertEquals(token.value(), page.evaluate("() => sessionStorage.getItem('vigil.token')"));
    assertEquals(0, page.evaluate("() => localStorage.length"));
    assertFalse(page.url().contains(token.value()), "the token is not in the page's URL");
    page.waitForSelector("#live[data-state='live']");
    assertFalse(socketUrls.isEmpty(), "the live stream is open");
    for (String url : socketUrls) {
      assertTrue(url.endsWith("/ws"), url);
    }
  }

  private void screenshot(String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    assertTrue(file.toFile().length() > 0, "screenshot " + file);
  }
}
