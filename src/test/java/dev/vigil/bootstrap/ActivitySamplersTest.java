package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analysis.AnalysisEngine;
import dev.vigil.analysis.AnalysisSettings;
import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.Route;
import dev.vigil.analysis.latency.DetectionSettings;
import dev.vigil.analysis.neighbour.DatabaseLoad;
import dev.vigil.domain.Catalog;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.TestPostgres;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
@DisplayName("Samplers of shared PostgreSQL servers (activity_samplers)")
class ActivitySamplersTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  @Test
  @DisplayName("an entry whose variable holds a URL is sampled by the engine; an unset variable or a non-URL is skipped")
  void samplesThroughTheEngine() throws Exception {
    PgConnectOptions db = TestPostgres.freshDatabase();
    String url = "postgresql://" + db.getUser() + "@" + db.getHost() + ":" + db.getPort() + "/" + db.getDatabase();
    Map<String, String> env = Map.of("PG_A_URL", url, "PG_C_URL", "mysql://monitor:s3cret@pg-c/postgres");
    ActivitySamplers samplers = ActivitySamplers.open(vertx, List.of(new ActivitySamplerRef("postgres", "pg-a", "PG_A_URL"),
        new ActivitySamplerRef("postgres", "pg-b", "PG_B_URL"), new ActivitySamplerRef("postgres", "pg-c", "PG_C_URL")),
        new SecretResolver(env::get));
    assertEquals(List.of("postgres=pg-a"), samplers.placements());

    AnalysisSettings settings = new AnalysisSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
        DetectionSettings.DEFAULTS, Duration.ofSeconds(1), "");
    AnalysisEngine engine = new AnalysisEngine(new Catalog(List.of(), List.of()), settings,
        new AlertRouting(Route.NOWHERE, id -> Route.NOWHERE), (n, r) -> Future.succeededFuture(), InstantSource.system());
    samplers.watchFrom(engine);
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> engine.start(vertx));
    try {
      Map<String, List<DatabaseLoad>> loads = Map.of();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (loads.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        Promise<Map<String, List<DatabaseLoad>>> read = Promise.promise();
        context.runOnContext(v -> read.complete(engine.sampledLoads()));
        loads = await(read.future());
      }
      assertEquals(List.of("postgres=pg-a"), List.copyOf(loads.keySet()));
      assertTrue(loads.get("postgres=pg-a").stream().anyMatch(load -> load.database().equals(db.getDatabase())
          && load.rates().containsKey("xacts_per_s")), loads.toString());
    } finally {
      context.runOnContext(v -> engine.stop());
      await(samplers.close());
    }
  }

  @Test
  @DisplayName("vigil run with a sampler holds one read-only connection to the sampled server while it runs, none once stopped")
  void monitorWiring(@TempDir Path dir) throws Exception {
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    String sampled = TestPostgres.freshDatabaseUrl();
    RunConfig config = new RunConfig(0, dir.resolve("data"), tenants, journeys, 16, 2, 100, 3,
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), "test-runner",
        Path.of("/usr/bin/chromium"), 2, Optional.of(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl())),
        Optional.of(REDIS.redisUrl()), 30, 400, 10_000)
        .withAnalysis(List.of(new ActivitySamplerRef("postgres", "pg-a", "PG_A_MONITOR_URL")), Duration.ofSeconds(30));
    Monitor monitor = new Monitor(config, "127.0.0.1", new SecretResolver(Map.of("PG_A_MONITOR_URL", sampled)::get));
    Pool observer = PgBuilder.pool().connectingTo(TestPostgres.freshDatabase()).using(vertx).build();
    try {
      await(monitor.start(CatalogLoader.load(tenants, journeys)));
      assertTrue(waitForSamplerConnections(observer, 1), "the sampler connected, read-only");
    } finally {
      await(monitor.stop());
    }
    assertTrue(waitForSamplerConnections(observer, 0), "the sampler's pool is closed on stop");
    await(observer.close());
  }

  /** Whether the server comes to hold {@code count} read-only sampler sessions within 30 s. */
  private static boolean waitForSamplerConnections(Pool observer, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      long found = await(observer.query("SELECT count(*) AS n FROM pg_stat_activity a"
          + " WHERE a.application_name = 'vigil-activity'").execute()).iterator().next().getLong("n");
      if (found == count) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
