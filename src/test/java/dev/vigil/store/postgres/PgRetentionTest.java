package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static dev.vigil.store.postgres.StoreTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunResult;
import dev.vigil.store.ResultBatch;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PgRetentionTest {
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  private final MovableClock clock = new MovableClock(START);
  private Vertx vertx;
  private PostgresStore store;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = StoreTestSupport.freshStore(vertx, new Retention(3, 40), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("partitions are made ahead, and raw days and rollup months past their retention are dropped")
  void dropsExpiredPartitions() throws Exception {
    assertEquals(1, count(store, "SELECT count(*) FROM pg_class WHERE relname = 'runs_d20261123'"), "made ahead");
    SampleRuns samples = new SampleRuns(1);
    List<RunResult> runs = List.of(samples.run("t", "j", START.minus(Duration.ofDays(2))),
        samples.run("t", "j", START.minus(Duration.ofDays(1))), samples.run("t", "j", START),
        samples.run("t", "j", START.minus(Duration.ofDays(10))));
    await(store.writer().write(new ResultBatch(runs, List.of())));
    assertEquals(1, count(store, "SELECT count(*) FROM runs_default"), "older than the raw retention");

    clock.now = START.plus(Duration.ofDays(2));
    List<String> dropped = await(store.retention().run());

    // three whole days are kept before today (the 23rd): the 20th, 21st and 22nd
    assertEquals(List.of("run_steps_d20261119", "runs_d20261119"), dropped);
    assertEquals(2, count(store, "SELECT count(*) FROM runs"));
    assertEquals(0, count(store, "SELECT count(*) FROM runs_default"));
    assertEquals(2 * (SampleRuns.STEPS.size() + 1), count(store, "SELECT count(*) FROM run_steps"));
    assertEquals(4, count(store, "SELECT sum(count) FROM rollups WHERE step = ''"), "rollups outlive raw runs");
    assertEquals(1, count(store, "SELECT count(*) FROM pg_class WHERE relname = 'runs_d20261125'"));

    clock.now = START.plus(Duration.ofDays(75));
    assertTrue(await(store.retention().run()).contains("rollups_m202611"));
    assertEquals(0, count(store, "SELECT count(*) FROM rollups"));
    assertEquals(List.of(), await(store.retention().run()).stream().filter(n -> n.startsWith("rollups")).toList(),
        "a second pass finds nothing more to drop");
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
