package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunResult;
import dev.vigil.store.OutboxMetrics;
import dev.vigil.store.OutboxSettings;
import dev.vigil.store.ResultOutbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox in front of a real PostgreSQL that goes away and comes back: nothing is lost. */
class OutboxOutageTest {
  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SampleRuns samples = new SampleRuns(7);
  private final List<String> offered = new ArrayList<>();
  private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
  private EmbeddedPostgres server;
  private PostgresStore store;

  @BeforeEach
  void startServer() throws Exception {
    server = TestPostgres.dedicated(dir.resolve("pg")).start();
    store = await(PostgresStore.start(vertx, PostgresStore.Settings.external(DatabaseUrl.parse(
        "postgresql://" + EmbeddedPostgres.USER + "@127.0.0.1:" + server.port() + "/postgres"))));
  }

  @AfterEach
  void stop() throws Exception {
    await(store.close());
    vertx.close().await(10, TimeUnit.SECONDS);
    server.stop();
  }

  @Test
  @DisplayName("PostgreSQL stopped for a while during a stream of runs: afterwards every run is in the database")
  void outage() throws Exception {
    ResultOutbox outbox = open();
    stream(outbox, 0, 200);
    eventually(() -> stored() == 200);

    server.stop();
    stream(outbox, 200, 500);
    eventually(() -> registry.counter("vigil.store.write.failures").count() >= 1 && outbox.buffered() == 300);
    server.start();
    stream(outbox, 500, 700);

    eventually(() -> outbox.buffered() == 0);
    assertEquals(new TreeSet<>(offered), storedIds());
    assertEquals(0, registry.counter("vigil.store.dropped.results").count());
    await(outbox.stop());
  }

  @Test
  @DisplayName("Vigil restarted while PostgreSQL is down: the next process writes what the last one buffered")
  void restartDuringOutage() throws Exception {
    ResultOutbox first = open();
    stream(first, 0, 100);
    eventually(() -> stored() == 100);
    server.stop();
    stream(first, 100, 400);
    eventually(() -> registry.counter("vigil.store.write.failures").count() >= 1);
    await(first.stop());

    ResultOutbox second = open();
    stream(second, 400, 450);
    server.start();
    stream(second, 450, 500);

    eventually(() -> second.buffered() == 0);
    assertEquals(new TreeSet<>(offered), storedIds());
    assertTrue(stored() == 500, "each run once");
    await(second.stop());
  }

  private ResultOutbox open() {
    OutboxSettings settings = OutboxSettings.defaults(dir.resolve("outbox"))
        .withRetry(Duration.ofMillis(100), Duration.ofMillis(500));
    return ResultOutbox.open(vertx, store.writer(), settings, new OutboxMetrics(registry));
  }

  private void stream(ResultOutbox outbox, int from, int to) {
    for (int i = from; i < to; i++) {
      RunResult run = samples.run("clinic-" + (i % 5), "invoice-posting", start.plusSeconds(i));
      offered.add(run.runId());
      outbox.onRunCompleted(run);
    }
  }

  private long stored() {
    try {
      return StoreTestSupport.count(store, "SELECT count(*) FROM runs");
    } catch (Exception e) {
      return -1;
    }
  }

  private TreeSet<String> storedIds() throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    for (Row row : await(store.pool().query("SELECT run_id FROM runs").execute())) {
      ids.add(row.getString(0));
    }
    return ids;
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
