package dev.vigil.bootstrap;

import dev.vigil.engine.browser.BrowserSettings;
import dev.vigil.api.ApiVerticle;
import dev.vigil.api.ReadinessCheck;
import dev.vigil.domain.Catalog;
import dev.vigil.journey.SecretResolver;
import dev.vigil.metrics.MonitorGauges;
import dev.vigil.metrics.PrometheusScrape;
import dev.vigil.metrics.RunMetrics;
import dev.vigil.metrics.VigilMetrics;
import dev.vigil.schedule.RunListener;
import dev.vigil.store.postgres.PgHistory;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.schedule.RunLogger;
import dev.vigil.schedule.RunnerPool;
import dev.vigil.schedule.RunnerVerticle;
import dev.vigil.schedule.ScheduleSettings;
import dev.vigil.schedule.SchedulerVerticle;
import dev.vigil.schedule.ownership.LeaseOwnership;
import dev.vigil.schedule.ownership.OwnershipSettings;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's main job, wired: Vert.x with Prometheus metrics, the stores (PostgreSQL history behind
 * an outbox, Redis live state), one runner verticle per core, the scheduler with its share of the
 * checks (leases in Redis, shared with the other replicas of its location) and its listeners
 * (run log, run metrics, outbox, live state), the HTTP server ({@code /metrics},
 * {@code /health/*}) and live reload of the catalog. Create it, start it with a validated catalog,
 * stop it on shutdown (in-flight runs finish their teardown).
 */
public final class Monitor {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
  private static final Duration MAX_JITTER = Duration.ofSeconds(1);

  private final RunConfig config;
  private final String httpHost;
  private final SecretResolver resolver;
  private final VigilMetrics metrics = new VigilMetrics();
  private final Vertx vertx;
  private CurrentSecrets secrets;
  private Engine engine;
  private SchedulerVerticle scheduler;
  private String schedulerDeployment;
  private ApiVerticle api;
  private CatalogReloader reloader;
  private Stores stores;
  private volatile boolean ready;

  /**
   * @param httpHost where the HTTP server listens: {@code 0.0.0.0} in a container, 127.0.0.1 for a demo
   */
  public Monitor(RunConfig config, String httpHost, SecretResolver resolver) {
    this.config = config;
    this.httpHost = httpHost;
    this.resolver = resolver;
    this.vertx = metrics.vertxBuilder(new VertxOptions()).build();
  }

  /** Starts monitoring this catalog. Reads its secrets: call from the main thread, not an event loop. */
  public Future<Void> start(Catalog catalog) {
    ResolvedSecrets initial = new ResolvedSecrets(catalog.tenants(), resolver);
    warnAboutSecrets(initial);
    secrets = new CurrentSecrets(initial);
    engine = new Engine(vertx, secrets, config.runnerName(),
        BrowserSettings.of(config.browserPath(), config.maxBrowserRuns(), config.dataDir()));
    stores = new Stores(vertx, config, metrics.registry());
    return stores.start().compose(ok -> deploy(catalog));
  }

  private Future<Void> deploy(Catalog catalog) {
    RunnerPool pool = new RunnerPool(engine.runner());
    List<RunListener> listeners = new ArrayList<>(List.of(new RunLogger(), new RunMetrics(metrics.registry())));
    listeners.addAll(stores.listeners());
    scheduler = new SchedulerVerticle(catalog, pool, settings(), listeners, ownership(), InstantSource.system());
    MonitorGauges gauges = new MonitorGauges(metrics.registry(), scheduler);
    api = new ApiVerticle(httpHost, config.httpPort(), new PrometheusScrape(metrics.registry(), List.of(gauges)),
        ReadinessCheck.when(() -> ready, "the catalog is not loaded yet"));
    reloader = new CatalogReloader(vertx, config.tenantsDir(), config.journeysDir(), config.reloadInterval(), resolver,
        loaded -> {
          warnAboutSecrets(loaded.secrets());
          secrets.replace(loaded.secrets());
          scheduler.swap(loaded.catalog());
          reloads("applied");
        },
        invalid -> reloads("rejected"));
    int runners = Math.max(1, Runtime.getRuntime().availableProcessors());
    return vertx.deployVerticle(() -> new RunnerVerticle(pool), new DeploymentOptions().setInstances(runners))
        .compose(id -> vertx.deployVerticle(scheduler))
        .compose(id -> {
          schedulerDeployment = id;
          return vertx.deployVerticle(api);
        })
        .compose(id -> reloader.start())
        .onSuccess(ok -> ready = true);
  }

  /** This replica's share of its location's checks, through leases in Redis (README, "Scale-out"). */
  private LeaseOwnership ownership() {
    OwnershipSettings share =
        OwnershipSettings.of(config.location(), config.shards(), config.leaseTtl(), config.runnerName());
    LeaseOwnership ownership = new LeaseOwnership(vertx, stores.live().leases(),
        stores.live().membership(config.location()), share, System::nanoTime);
    Gauge.builder("vigil_shards_held", ownership, LeaseOwnership::heldShards)
        .description("Shards of its location this replica holds leases on").register(metrics.registry());
    Gauge.builder("vigil_replicas_alive", ownership, LeaseOwnership::liveReplicas)
        .description("Live replicas of this replica's location, itself included").register(metrics.registry());
    return ownership;
  }

  private void reloads(String result) {
    metrics.registry().counter("vigil_catalog_reloads", "result", result).increment();
  }

  private ScheduleSettings settings() {
    return new ScheduleSettings(config.maxRunsInFlight(), config.maxRunsPerTenant(), config.maxQueuedRuns(),
        config.circuitFailures(), config.circuitProbeInterval(), MAX_JITTER, config.shutdownGrace(),
        config.maxBrowserRuns());
  }

  private static void warnAboutSecrets(ResolvedSecrets secrets) {
    secrets.failures().forEach((ref, failure) ->
        LOG.warn("{}: the tenants using it will fail to log in (AUTH) until it is set", failure.getMessage()));
  }

  /** The HTTP server's port (useful when {@code http_port} is 0). */
  public int httpPort() {
    return api.port();
  }

  /** The run history, once PostgreSQL is connected. */
  Optional<PgHistory> history() {
    return stores == null ? Optional.empty() : stores.history().map(PostgresStore::history);
  }

  /** Reloads tenants and journeys now (SIGHUP). */
  public void reloadNow() {
    if (reloader != null) {
      reloader.reloadNow();
    }
  }

  /**
   * Stops scheduling and completes once in-flight runs have finished their teardown and the
   * outbox has written (or spilled) their results; then closes the clients, the metrics and Vert.x (not waited for: nothing may listen on a future of a Vert.x
   * that is closing, its event loops are gone when it completes).
   */
  public Future<Void> stop() {
    ready = false;
    if (reloader != null) {
      reloader.stop();
    }
    Future<Void> drained = schedulerDeployment == null ? Future.succeededFuture() : vertx.undeploy(schedulerDeployment);
    return drained.transform(done -> {
      Future<Void> stored = stores == null ? Future.succeededFuture() : stores.stop();
      return stored.transform(ignored -> {
        if (engine != null) {
          engine.close();
        }
        metrics.close();
        vertx.close();
        return done.succeeded() ? Future.succeededFuture() : Future.failedFuture(done.cause());
      });
    });
  }
}
