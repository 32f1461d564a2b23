package dev.vigil.api;

import dev.vigil.api.auth.FailureThrottle;
import dev.vigil.api.auth.IssuedToken;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.store.ResultBatch;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.store.postgres.TestPostgres;
import dev.vigil.store.redis.RedisStore;
import dev.vigil.store.redis.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The API as Vigil serves it, over real stores, for tests: a fresh PostgreSQL database (history and
 * tokens), a Redis (live state, event channel), a catalog of three tenants — {@code clinic-north}
 * (shared, pg-a), {@code clinic-south} (shared, pg-a) and {@code hospital} (dedicated, pg-b) —
 * running {@code login} and {@code health}, and an {@link ApiVerticle} on an ephemeral port of
 * 127.0.0.1 with the route groups the test gives. Its methods block: call them from the test thread.
 */
public final class ApiTestServer implements AutoCloseable {
  public static final Path JOURNEYS = Path.of(System.getProperty("vigil.project.dir", ".")).resolve("journeys");
  public static final Instant NOW = Instant.now();

  public final Vertx vertx = Vertx.vertx();
  public final Catalog catalog;
  public final PostgresStore postgres;
  public final RedisStore redis;
  public final TokenStore tokens;
  public final TestAnalysis analysis = new TestAnalysis();
  private final List<ApiVerticle> deployed = new ArrayList<>();
  private ApiVerticle api;

  /** @param throttle how the token store slows down failing clients */
  public ApiTestServer(TestRedis testRedis, FailureThrottle throttle) throws Exception {
    Catalog journeys = CatalogLoader.loadJourneys(JOURNEYS);
    catalog = new Catalog(List.of(
        tenant("clinic-north", "Clinic North", Tier.SHARED, "pg-a"),
        tenant("clinic-south", "Clinic South", Tier.SHARED, "pg-a"),
        tenant("hospital", "Hospital", Tier.DEDICATED, "pg-b")),
        List.copyOf(journeys.journeys()));
    postgres = await(PostgresStore.start(vertx,
        PostgresStore.Settings.external(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()))));
    redis = await(RedisStore.start(vertx, testRedis.settings("api-test"), new SimpleMeterRegistry()));
    tokens = new TokenStore(postgres.pool(), throttle);
  }

  /** A throttle that never slows anyone down (for tests that fail on purpose many times). */
  public static FailureThrottle lenient() {
    return new FailureThrottle(InstantSource.system(), 1_000_000, Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofMinutes(1), 1000);
  }

  private static Tenant tenant(String id, String name, Tier tier, String postgres) {
    return new Tenant(id, name, URI.create("http://127.0.0.1:1"), id.replace('-', '_'), OdooApi.SESSION,
        new Credentials("admin", new SecretRef.Env("UNUSED")), tier, Map.of("postgres", postgres, "odoo_pool", "pool-1"),
        List.of(new TenantJourney("login", Duration.ofMinutes(1), Map.of(), Optional.of(Duration.ofSeconds(3))),
            new TenantJourney("health", Duration.ofSeconds(30), Map.of(), Optional.empty())),
        Set.of(), "UTC", List.of(), Optional.empty(), AlertContacts.NONE, SourcePos.none("test"));
  }

  /** The sources of the REST resources over these stores, with the real clock. */
  public ApiSources sources() {
    return new ApiSources(() -> catalog, () -> Optional.of(postgres), redis.liveState(), analysis,
        InstantSource.system());
  }

  /** Deploys an API server with these route groups, built with this server's Vert.x. */
  public ApiTestServer serve(Function<ApiTestServer, List<ApiRoutes>> routes) throws Exception {
    api = new ApiVerticle("127.0.0.1", 0, () -> "", ReadinessCheck.when(() -> true, ""), routes.apply(this));
    await(vertx.deployVerticle(api));
    deployed.add(api);
    return this;
  }

  public int port() {
    return api.port();
  }

  public String token(Role role, String tenant) throws Exception {
    return await(tokens.create(role, Optional.ofNullable(tenant), "test", Optional.empty())).token();
  }

  public IssuedToken issue(Role role, String tenant) throws Exception {
    return await(tokens.create(role, Optional.ofNullable(tenant), "test", Optional.empty()));
  }

  /** The n-th run of a check, {@code minutesAgo} minutes before {@link #NOW}; every third one fails. */
  public static RunResult run(String tenant, String journey, int n, long minutesAgo) {
    Instant started = NOW.minus(Duration.ofMinutes(minutesAgo));
    boolean passed = n % 3 != 0;
    return new RunResult(tenant + "-" + journey + "-" + n, tenant, journey, started.minusMillis(3), started,
        Duration.ofMillis(100 + 10L * n), passed ? Outcome.PASSED : Outcome.FAILED,
        passed ? Optional.empty() : Optional.of(ErrorClass.ASSERTION), passed ? "passed" : "state is draft",
        List.of(new StepResult("login", "login", passed ? StepOutcome.PASSED : StepOutcome.FAILED,
            Duration.ofMillis(80 + 10L * n), passed ? Optional.empty() : Optional.of(ErrorClass.ASSERTION),
            passed ? "passed" : "state is draft", false, false, false, Map.of(), Optional.empty())),
        List.of(), OptionalInt.of(18), false, "test-runner", RunSource.SCHEDULE);
  }

  /** Writes the runs to the history and the live state (with a status UP for each check), and waits for both. */
  public void store(List<RunResult> runs) throws Exception {
    List<StatusChange> changes = runs.stream().map(r -> new StatusChange(r.tenantId(), r.journeyId(), null, Status.UP,
        r.startedAt().plus(r.duration()), "passed", r.runId())).toList();
    await(postgres.writer().write(new ResultBatch(runs, changes)));
    runs.forEach(redis.liveState()::onRunCompleted);
    changes.forEach(redis.liveState()::onStatusChanged);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (redis.liveState().dirtyChecks() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    try {
      await(redis.close().eventually(postgres::close));
    } finally {
      await(vertx.close());
    }
  }
}
