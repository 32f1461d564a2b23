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
 * The journey engine wired for production: one HTTP client for Odoo and one for HTTP steps
 * (neither follows redirects by itself), the per-tenant Odoo clients, the executor registry and
 * the runner. Holds its clients in fields so they live as long as the engine.
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

  private final WebClient odooHttp;
  private final WebClient stepHttp;
  private final OdooClients odooClients;
  private final JourneyRunner runner;

  public Engine(Vertx vertx, Function<SecretRef, Secret> secrets, String runnerName) {
    this.odooHttp = WebClient.create(vertx, clientOptions("vigil-odoo"), poolOptions());
    this.stepHttp = WebClient.create(vertx, clientOptions("vigil-http-step"), poolOptions());
    this.odooClients = new OdooClients(vertx, odooHttp, secrets);
    StepExecutors executors = new StepExecutors(java.util.List.of(
        new LoginExecutor(),
        new OdooCallExecutor(),
        new EnsureExecutor(),
        new PollExecutor(),
        new RequireModulesExecutor(),
        new HttpExecutor(stepHttp)));
    this.runner = new JourneyRunner(vertx, executors, odooClients::forTenant,
        InstantSource.system(), System::nanoTime, runnerName);
  }

  private static WebClientOptions clientOptions(String userAgent) {
    return new WebClientOptions()
        .setUserAgent(userAgent)
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

  /** Closes the HTTP clients. */
  public void close() {
    odooHttp.close();
    stepHttp.close();
  }
}
