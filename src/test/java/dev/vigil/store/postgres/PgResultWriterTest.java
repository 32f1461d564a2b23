package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static dev.vigil.store.postgres.StoreTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.store.ResultBatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PgResultWriterTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private final SampleRuns samples = new SampleRuns(42);
  private Vertx vertx;
  private PostgresStore store;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = StoreTestSupport.freshStore(vertx, Retention.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("runs, steps, teardown and status changes read back exactly as written, to the nanosecond")
  void roundTrip() throws Exception {
    List<RunResult> runs = samples.runs("clinic-north", "invoice-posting", NOW.minusSeconds(600), Duration.ofMinutes(1), 20);
    StatusChange change = new StatusChange("clinic-north", "invoice-posting", null, Status.UP,
        runs.get(0).startedAt().plusNanos(17), "passed", runs.get(0).runId());

    await(store.writer().write(new ResultBatch(runs, List.of(change))));

    for (RunResult run : runs) {
      assertEquals(run, await(store.history().run(run.runId())).orElseThrow());
    }
    assertEquals(1, count(store, "SELECT count(*) FROM status_changes WHERE at_ns = " + change.at().getNano() % 1000));
    assertEquals(true, await(store.history().run("no-such-run")).isEmpty());
  }

  @Test
  @DisplayName("a batch written twice, or overlapping an earlier one, is stored once with exact rollup counts")
  void duplicatesAndOverlaps() throws Exception {
    List<RunResult> runs = samples.runs("t1", "j1", NOW.minusSeconds(3600), Duration.ofSeconds(30), 100);
    List<StatusChange> changes = List.of(new StatusChange("t1", "j1", Status.UP, Status.PENDING, NOW, "x",
        runs.get(5).runId()));
    ResultBatch first = new ResultBatch(runs.subList(0, 60), changes);
    ResultBatch overlapping = new ResultBatch(runs.subList(40, 100), changes);

    await(store.writer().write(first));
    await(store.writer().write(first));
    await(store.writer().write(overlapping));
    await(Future.all(store.writer().write(overlapping), store.writer().write(overlapping)));

    assertEquals(100, count(store, "SELECT count(*) FROM runs"));
    long steps = runs.stream().mapToLong(r -> r.steps().size() + r.teardown().size()).sum();
    assertEquals(steps, count(store, "SELECT count(*) FROM run_steps"));
    assertEquals(1, count(store, "SELECT count(*) FROM status_changes"));
    assertEquals(100, count(store, "SELECT sum(count) FROM rollups WHERE step = ''"));
    long failures = runs.stream().filter(r -> !r.outcome().name().equals("PASSED")).count();
    assertEquals(failures, count(store, "SELECT sum(failures) FROM rollups WHERE step = ''"));
    long postsRun = runs.stream().filter(r -> r.steps().get(3).outcome() != StepOutcome.SKIPPED).count();
    assertEquals(postsRun, count(store, "SELECT sum(count) FROM rollups WHERE step = 'post-invoice'"));
    assertEquals(100, count(store, "SELECT sum(x) FROM (SELECT latency[i + 1] AS x FROM rollups, "
        + "generate_series(1, array_length(latency, 1), 2) AS i WHERE step = '') AS counts"));
  }

  @Test
  @DisplayName("every pooled connection has a statement timeout")
  void statementTimeout() throws Exception {
    String timeout = await(store.pool().query("SHOW statement_timeout").execute()).iterator().next().getString(0);
    assertEquals("30s", timeout);
  }

  @Test
  @DisplayName("a run from before the retention, or days old after an outage, or from tomorrow, is accepted")
  void oldAndFutureRuns() throws Exception {
    List<RunResult> runs = new ArrayList<>();
    runs.add(samples.run("t1", "j1", NOW.minus(Duration.ofDays(45))));
    runs.add(samples.run("t1", "j1", NOW.minus(Duration.ofDays(6))));
    runs.add(samples.run("t1", "j1", NOW.plus(Duration.ofHours(20))));

    await(store.writer().write(new ResultBatch(runs, List.of())));
    await(store.writer().write(new ResultBatch(runs, List.of())));

    for (RunResult run : runs) {
      assertEquals(run, await(store.history().run(run.runId())).orElseThrow());
    }
    assertEquals(1, count(store, "SELECT count(*) FROM runs_default"));
    assertEquals(1, count(store, "SELECT count(*) FROM runs_d20261115"));
    assertEquals(1, count(store, "SELECT count(*) FROM runs_d20261122"));
    assertEquals(3, count(store, "SELECT sum(count) FROM rollups WHERE step = ''"));
  }
}
