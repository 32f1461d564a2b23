package dev.vigil.bootstrap;

import dev.vigil.engine.JourneyRunner;
import dev.vigil.engine.StepExecutors;
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
import java.time.InstantSource;

/**
 * The journey engine wired for production: one HTTP client for Odoo calls and HTTP steps alike
 * (it does not follow redirects by itself: the Odoo client reads them as a lost session, HTTP
 * steps follow them within allowed origins), the per-tenant Odoo clients, the executor registry
 * and the runner. Holds its client in a field so it lives as long as the engine.
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

  public Engine(Vertx vertx, Function<SecretRef, Secret> secrets, String runnerName) {
    this.http = WebClient.create(vertx, clientOptions(), poolOptions());
    this.odooClients = new OdooClients(vertx, http, secrets);
    StepExecutors executors = new StepExecutors(java.util.List.of(
        new LoginExecutor(),
        new OdooCallExecutor(),
        new EnsureExecutor(),
        new PollExecutor(),
        new RequireModulesExecutor(),
        new HttpExecutor(http)));
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

  /** Closes the HTTP client. */
  public void close() {
    http.close();
  }
}
