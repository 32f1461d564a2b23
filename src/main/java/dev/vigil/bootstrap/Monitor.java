package dev.vigil.bootstrap;

import dev.vigil.engine.browser.BrowserSettings;
import dev.vigil.analysis.AnalysisEngine;
import dev.vigil.analysis.AnalysisSettings;
import dev.vigil.analysis.neighbour.ActivitySampler;
import dev.vigil.analysis.alert.NotifierSettings;
import dev.vigil.analysis.alert.WebhookNotifier;
import dev.vigil.api.ApiRoutes;
import dev.vigil.api.ApiSources;
import dev.vigil.api.ApiVerticle;
import dev.vigil.api.DashboardRoutes;
import dev.vigil.api.OpenApiRoutes;
import dev.vigil.api.ReadinessCheck;
import dev.vigil.api.RestRoutes;
import dev.vigil.api.RunbookRoutes;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.RunResult;
import dev.vigil.gate.BudgetThresholds;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateRunner;
import dev.vigil.gate.http.GateRoutes;
import dev.vigil.live.AllowedOrigins;
import dev.vigil.live.LiveRoutes;
import dev.vigil.live.LiveSettings;
import dev.vigil.journey.SecretResolver;
import dev.vigil.metrics.MonitorGauges;
import dev.vigil.metrics.PrometheusScrape;
import dev.vigil.metrics.RunMetrics;
import dev.vigil.metrics.VigilMetrics;
import dev.vigil.schedule.RunListener;
import dev.vigil.store.postgres.PgAnalysisStore;
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
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's main job, wired: Vert.x with Prometheus metrics, the stores (PostgreSQL history behind
 * an outbox, Redis live state), one runner verticle per core, the scheduler with its share of the
 * checks (leases in Redis, shared with the other replicas of its location) and its listeners
 * (run log, run metrics, outbox, live state, the analysis with its alert webhooks, the samplers
 * of shared PostgreSQL servers and the store of its findings and alerts), the HTTP server
 * ({@code /metrics}, {@code /health/*}, the REST API, the HTTP gate, the live stream, OpenAPI,
 * runbooks, the dashboard) and live reload of the catalog. Create it, start it with a validated
 * catalog, stop it on shutdown (in-flight runs finish their teardown).
 */
public final class Monitor {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
  private static final Duration MAX_JITTER = Duration.ofSeconds(1);
  /** How long a Flagger call waits for its gate: under Flagger's default webhook timeout (60 s). */
  private static final Duration FLAGGER_ANSWER_WITHIN = Duration.ofSeconds(10);
  /** Alerts link to {@code /runbooks/<kind>} on Vigil itself ({@link RunbookRoutes}). */
  private static final String RUNBOOKS = "";

  private final RunConfig config;
  private final String httpHost;
  private final SecretResolver resolver;
  private final VigilMetrics metrics = new VigilMetrics();
  private final Vertx vertx;
  private final AtomicReference<Catalog> current = new AtomicReference<>();
  private CurrentSecrets secrets;
  private AlertRoutes alertRoutes;
  private WebClient webhooks;
  private AnalysisVerticle analysis;
  private ActivitySamplers samplers;
  private final List<Consumer<AnalysisEngine>> extraSamplers = new ArrayList<>();
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

  /**
   * Samples the activity of the server behind a placement label besides the configured
   * {@code activity_samplers} ({@code vigil demo}'s sandboxes). Call before {@link #start}.
   */
  public void watch(String labelKey, String labelValue, ActivitySampler sampler) {
    extraSamplers.add(target -> target.watch(labelKey, labelValue, sampler));
  }

  /** Starts monitoring this catalog. Reads its secrets: call from the main thread, not an event loop. */
  public Future<Void> start(Catalog catalog) {
    ResolvedSecrets initial = new ResolvedSecrets(catalog.tenants(), resolver);
    warnAboutSecrets(initial);
    secrets = new CurrentSecrets(initial);
    alertRoutes = AlertRoutes.resolve(catalog, resolver, config.platformAlertWebhook());
    samplers = ActivitySamplers.open(vertx, config.activitySamplers(), resolver);
    engine = new Engine(vertx, secrets, config.runnerName(),
        BrowserSettings.of(config.browserPath(), config.maxBrowserRuns(), config.dataDir()));
    stores = new Stores(vertx, config, metrics.registry());
    return stores.start().compose(ok -> deploy(catalog));
  }

  private Future<Void> deploy(Catalog catalog) {
    current.set(catalog);
    RunnerPool pool = new RunnerPool(engine.runner());
    List<RunListener> listeners = new ArrayList<>(List.of(new RunLogger(), new RunMetrics(metrics.registry())));
    listeners.addAll(stores.listeners());
    webhooks = WebClient.create(vertx);
    AnalysisEngine analysisEngine = new AnalysisEngine(catalog,
        AnalysisSettings.defaults(RUNBOOKS).withWindow(config.analysisWindow()),
        alertRoutes.routing(), new WebhookNotifier(vertx, webhooks, NotifierSettings.DEFAULTS), InstantSource.system());
    samplers.watchFrom(analysisEngine);
    extraSamplers.forEach(watch -> watch.accept(analysisEngine));
    analysis = new AnalysisVerticle(analysisEngine);
    analysis.addListener(new PgAnalysisStore(() -> stores.history().map(PostgresStore::pool)));
    listeners.add(analysis);
    scheduler = new SchedulerVerticle(catalog, pool, settings(), listeners, ownership(), InstantSource.system());
    MonitorGauges gauges = new MonitorGauges(metrics.registry(), scheduler);
    api = new ApiVerticle(httpHost, config.httpPort(), new PrometheusScrape(metrics.registry(), List.of(gauges)),
        ReadinessCheck.when(() -> ready, "the catalog is not loaded yet"), routes());
    reloader = new CatalogReloader(vertx, config.tenantsDir(), config.journeysDir(), config.reloadInterval(), resolver,
        loaded -> {
          warnAboutSecrets(loaded.secrets());
          secrets.replace(loaded.secrets());
          current.set(loaded.catalog());
          scheduler.swap(loaded.catalog());
          analysis.updateCatalog(loaded.catalog());
          vertx.executeBlocking(() -> {
            alertRoutes.replace(loaded.catalog());
            return null;
          });
          reloads("applied");
        },
        invalid -> reloads("rejected"));
    int runners = Math.max(1, Runtime.getRuntime().availableProcessors());
    return vertx.deployVerticle(() -> new RunnerVerticle(pool), new DeploymentOptions().setInstances(runners))
        .compose(id -> vertx.deployVerticle(analysis))
        .compose(id -> vertx.deployVerticle(scheduler))
        .compose(id -> {
          schedulerDeployment = id;
          return vertx.deployVerticle(api);
        })
        .compose(id -> reloader.start())
        .onSuccess(ok -> ready = true);
  }

  /** The API's routes: REST, the HTTP gate, the live stream (hearing the analysis), OpenAPI, runbooks, dashboard. */
  private List<ApiRoutes> routes() {
    ApiSources sources = new ApiSources(current::get, stores::history, stores.live().liveState(), analysis,
        InstantSource.system());
    GateRoutes gates = new GateRoutes(current::get, new GateRunner(vertx, engine.runner(), InstantSource.system()),
        new GatePlanner(new BudgetThresholds()), stores.tokens(), this::stored, FLAGGER_ANSWER_WITHIN);
    LiveRoutes live = new LiveRoutes(vertx, stores.live(), stores.tokens(), stores.tokens(), current::get,
        new AllowedOrigins(config.dashboardOrigins(), this::httpPort), LiveSettings.defaults(), analysis);
    analysis.addListener(live);
    return List.of(new RestRoutes(sources, stores.tokens()), gates::mount, live, new OpenApiRoutes(vertx),
        new RunbookRoutes(vertx), new DashboardRoutes());
  }

  /** A gate run goes where scheduled runs go to be kept and streamed: the outbox and the live state. */
  private void stored(RunResult run) {
    stores.listeners().forEach(listener -> listener.onRunCompleted(run));
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

  /** The API tokens, once PostgreSQL is connected (for {@code vigil demo}'s tokens). */
  public Optional<TokenStore> tokens() {
    return stores == null ? Optional.empty() : stores.tokens().store();
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
      return stored.eventually(() -> samplers == null ? Future.succeededFuture() : samplers.close()).transform(ignored -> {
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
