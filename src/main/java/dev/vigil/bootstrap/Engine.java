package dev.vigil.bootstrap;

import dev.vigil.engine.JourneyRunner;
import dev.vigil.engine.StepExecutors;
import dev.vigil.engine.browser.AssertTextExecutor;
import dev.vigil.engine.browser.AssertVisibleExecutor;
import dev.vigil.engine.browser.BrowserHost;
import dev.vigil.engine.browser.BrowserSettings;
import dev.vigil.engine.browser.ClickExecutor;
import dev.vigil.engine.browser.FillExecutor;
import dev.vigil.engine.browser.NavigateExecutor;
import dev.vigil.engine.browser.PressExecutor;
import dev.vigil.engine.browser.ScreenshotExecutor;
import dev.vigil.engine.browser.WaitForExecutor;
import dev.vigil.engine.http.HttpExecutor;
import dev.vigil.engine.rpc.EnsureExecutor;
import dev.vigil.engine.rpc.LoginExecutor;
import dev.vigil.engine.rpc.OdooCallExecutor;
import dev.vigil.engine.rpc.PollExecutor;
import dev.vigil.engine.rpc.RequireModulesExecutor;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import java.util.function.Function;
import dev.vigil.odoo.OdooClients;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * The journey engine wired for production: one HTTP client for Odoo calls and HTTP steps alike
 * (it does not follow redirects by itself: the Odoo client reads them as a lost session, HTTP
 * steps follow them within allowed origins), the per-tenant Odoo clients, the browser host of
 * browser steps (Chromium starts only when a browser step first runs), the executor registry and
 * the runner. Holds its client in a field so it lives as long as the engine.
 */
public final class Engine {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  /**
   * Connections per Odoo origin. Tenants of one server (one URL, several databases) share the
   * pool, and a hung database holds a connection for each of its runs in flight: with Vert.x's
   * default of 5, two hung tenants made every other tenant of their server wait for a connection
   * and fail as CONNECTION. Concurrency is bounded per tenant by its runs, not by this pool.
   */
  private static final int CONNECTIONS_PER_ORIGIN = 256;

  private final WebClient http;
  private final OdooClients odooClients;
  private final JourneyRunner runner;
  private final BrowserHost browsers;

  /** With Debian's Chromium, the default cap on browser runs, and {@code .vigil} as data directory. */
  public Engine(Vertx vertx, Function<SecretRef, Secret> secrets, String runnerName) {
    this(vertx, secrets, runnerName, BrowserSettings.of(
        BrowserSettings.DEBIAN_CHROMIUM, BrowserSettings.defaultMaxRuns(), Path.of(".vigil")));
  }

  /** @param browser how browser steps run Chromium, and where their screenshots go */
  public Engine(
      Vertx vertx, Function<SecretRef, Secret> secrets, String runnerName, BrowserSettings browser) {
    this.http = WebClient.create(vertx, clientOptions(), poolOptions());
    this.odooClients = new OdooClients(vertx, http, secrets);
    this.browsers = new BrowserHost(browser);
    StepExecutors executors = new StepExecutors(List.of(
        new LoginExecutor(),
        new OdooCallExecutor(),
        new EnsureExecutor(),
        new PollExecutor(),
        new RequireModulesExecutor(),
        new HttpExecutor(http),
        new NavigateExecutor(browsers),
        new FillExecutor(browsers, secrets),
        new ClickExecutor(browsers),
        new PressExecutor(browsers),
        new WaitForExecutor(browsers),
        new AssertTextExecutor(browsers),
        new AssertVisibleExecutor(browsers),
        new ScreenshotExecutor(browsers)));
    this.runner = new JourneyRunner(vertx, executors, odooClients::forTenant,
        InstantSource.system(), System::nanoTime, runnerName);
  }

  private static WebClientOptions clientOptions() {
    return new WebClientOptions()
        .setUserAgent("vigil")
        .setFollowRedirects(false)
        .setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setKeepAlive(true);
  }

  private static PoolOptions poolOptions() {
    return new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_ORIGIN);
  }

  public JourneyRunner runner() {
    return runner;
  }

  public OdooClients odooClients() {
    return odooClients;
  }

  public BrowserHost browsers() {
    return browsers;
  }

  /** Closes the HTTP client, and the browsers on their own threads (not waited for). */
  public void close() {
    http.close();
    browsers.close();
  }
}
