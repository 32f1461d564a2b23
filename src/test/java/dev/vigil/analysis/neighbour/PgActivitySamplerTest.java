package dev.vigil.analysis.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.store.postgres.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Attribution with a real PostgreSQL: two tenant databases on one server, one of them hammered. */
class PgActivitySamplerTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<Pool> pools = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (Pool pool : pools) {
      await(pool.close());
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Sampling pg_stat_database names the database a heavy workload runs in, not its quiet neighbour")
  void namesTheHammeredDatabase() throws Exception {
    PgConnectOptions noisy = TestPostgres.freshDatabase();
    PgConnectOptions quiet = TestPostgres.freshDatabase();
    Pool monitor = pool(new PgConnectOptions(noisy).setDatabase("postgres"), 1);
    Pool noisyClients = pool(noisy, 6);
    Pool quietClients = pool(quiet, 1);
    await(noisyClients.query("CREATE TABLE moves (id serial PRIMARY KEY, qty int)").execute());
    PgActivitySampler sampler = new PgActivitySampler(monitor, Duration.ofSeconds(5), InstantSource.system());
    assertTrue(await(sampler.sample()).isEmpty(), "the first sample only sets the baseline");

    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      work.add(noisyClients.query("INSERT INTO moves (qty) SELECT g FROM generate_series(1, 200) g").execute()
          .compose(done -> noisyClients.query("SELECT sum(qty) FROM moves").execute()));
      if (i % 30 == 0) {
        work.add(quietClients.query("SELECT 1").execute());
      }
    }
    await(Future.all(work));
    // a backend publishes its statistics when it ends (else at most once a second while busy, 10 s
    // after it went idle): closing the workload's connections makes the sample deterministic
    await(noisyClients.close());
    await(quietClients.close());
    Thread.sleep(300);
    List<DatabaseLoad> loads = await(sampler.sample()).stream()
        .filter(load -> load.database().equals(noisy.getDatabase()) || load.database().equals(quiet.getDatabase()))
        .toList();

    assertEquals(2, loads.size(), loads.toString());
    PlacementGroup server = new PlacementGroup(Map.of("postgres", "pg-test"), List.of(
        new TenantHealth("clinic-noisy", Map.of("postgres", "pg-test"), noisy.getDatabase(), false, 1.0, Optional.empty()),
        new TenantHealth("clinic-quiet", Map.of("postgres", "pg-test"), quiet.getDatabase(), true, 2.0, Optional.empty())));
    Suspicion suspicion = new ActivityAttribution(group -> Optional.of(loads)).attribute(server)
        .orElseThrow(() -> new AssertionError("no suspect from " + loads));
    assertEquals(List.of("clinic-noisy"), suspicion.suspects());
    assertTrue(suspicion.evidence().get("clinic-noisy.load_share") > 0.8, suspicion.evidence().toString());
  }

  private Pool pool(PgConnectOptions options, int size) {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options).using(vertx).build();
    pools.add(pool);
    return pool;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
