package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.store.LatencyHistogram;
import dev.vigil.store.ResultBatch;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final Instant START = NOW.minus(Duration.ofHours(30));
  private final List<RunResult> all = new ArrayList<>();
  private Vertx vertx;
  private PostgresStore store;

  @BeforeAll
  void writeHistory() throws Exception {
    vertx = Vertx.vertx();
    store = StoreTestSupport.freshStore(vertx, Retention.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    SampleRuns samples = new SampleRuns(2026);
    for (String tenant : List.of("clinic-east", "clinic-west", "clinic-north")) {
      all.addAll(samples.runs(tenant, "invoice-posting", START, Duration.ofMinutes(2), 900));
      all.addAll(samples.runs(tenant, "login", START, Duration.ofMinutes(5), 300));
    }
    for (int from = 0; from < all.size(); from += 250) {
      await(store.writer().write(new ResultBatch(all.subList(from, Math.min(all.size(), from + 250)), List.of())));
    }
  }

  @AfterAll
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("paging through a tenant's runs lists each run once, newest first, with no gap")
  void pagingWithoutGapsOrDuplicates() throws Exception {
    RunQuery query = RunQuery.of("clinic-east", START, NOW, 97);
    List<String> listed = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      RunPage page = await(store.history().runs(cursor.map(query::after).orElse(query)));
      page.runs().forEach(run -> listed.add(run.runId()));
      cursor = page.next();
    } while (cursor.isPresent());

    assertEquals(expected(run -> run.tenantId().equals("clinic-east")), listed);
  }

  @Test
  @DisplayName("a run list filters by journey, outcome and window")
  void filters() throws Exception {
    Instant from = START.plus(Duration.ofHours(3));
    Instant to = START.plus(Duration.ofHours(9));
    RunQuery query = RunQuery.of("clinic-west", from, to, 1000).journey("invoice-posting").outcome(Outcome.ERRORED);

    RunPage page = await(store.history().runs(query));

    List<String> expected = expected(run -> run.tenantId().equals("clinic-west")
        && run.journeyId().equals("invoice-posting") && run.outcome() == Outcome.ERRORED
        && !run.startedAt().isBefore(from) && run.startedAt().isBefore(to));
    assertTrue(expected.size() > 10);
    assertEquals(expected, page.runs().stream().map(RunSummary::runId).toList());
    assertEquals(Optional.empty(), page.next());
  }

  @Test
  @DisplayName("window statistics from rollups match the raw runs: counts exactly, percentiles within the histogram's error")
  void statsMatchRawRuns() throws Exception {
    Instant from = START.plus(Duration.ofHours(2));
    Instant to = START.plus(Duration.ofHours(20));
    Map<String, Stats> stats = await(store.history().stepStats("clinic-north", "invoice-posting", from, to));

    List<RunResult> runs = all.stream().filter(run -> run.tenantId().equals("clinic-north")
        && run.journeyId().equals("invoice-posting") && !run.startedAt().isBefore(from) && run.startedAt().isBefore(to))
        .toList();
    assertMatches(runs.stream().map(RunResult::duration).toList(), runs.stream().filter(r -> r.outcome() != Outcome.PASSED)
        .count(), stats.get(PgHistory.JOURNEY));
    List<StepResult> posts = runs.stream().map(run -> run.steps().get(3))
        .filter(step -> step.outcome() != StepOutcome.SKIPPED).toList();
    assertMatches(posts.stream().map(StepResult::duration).toList(), posts.stream().filter(StepResult::failed).count(),
        stats.get("post-invoice"));
    assertEquals(7, stats.size(), "the journey, five steps and the teardown step: " + stats.keySet());
  }

  @Test
  @DisplayName("a series has one point per bucket with the bucket's runs")
  void series() throws Exception {
    List<SeriesPoint> points = await(store.history().series("clinic-east", "login", PgHistory.JOURNEY, START,
        START.plus(Duration.ofHours(10)), Duration.ofHours(1)));

    assertEquals(10, points.size());
    for (SeriesPoint point : points) {
      List<RunResult> inBucket = all.stream().filter(run -> run.tenantId().equals("clinic-east")
          && run.journeyId().equals("login") && !run.startedAt().isBefore(point.start())
          && run.startedAt().isBefore(point.start().plus(Duration.ofHours(1)))).toList();
      assertEquals(inBucket.size(), point.count());
      assertEquals(inBucket.stream().filter(r -> r.outcome() != Outcome.PASSED).count(), point.failures());
    }
  }

  @Test
  @DisplayName("tenants compare on one journey over a window")
  void compareTenants() throws Exception {
    Map<String, Stats> byTenant = await(store.history().compareTenants("login", START, NOW));

    assertEquals(List.of("clinic-east", "clinic-north", "clinic-west"), List.copyOf(byTenant.keySet()));
    for (Map.Entry<String, Stats> tenant : byTenant.entrySet()) {
      List<RunResult> runs = all.stream().filter(run -> run.tenantId().equals(tenant.getKey())
          && run.journeyId().equals("login")).toList();
      assertMatches(runs.stream().map(RunResult::duration).toList(),
          runs.stream().filter(r -> r.outcome() != Outcome.PASSED).count(), tenant.getValue());
    }
  }

  private List<String> expected(Predicate<RunResult> filter) {
    return all.stream().filter(filter)
        .sorted(Comparator.comparing((RunResult run) -> run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
            .thenComparing(RunResult::runId).reversed())
        .map(RunResult::runId).toList();
  }

  private static void assertMatches(List<Duration> durations, long failures, Stats stats) {
    assertEquals(durations.size(), stats.count());
    assertEquals(failures, stats.failures());
    double[] sorted = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
    double[] quantiles = {0.5, 0.95, 0.99};
    double[] reported = {stats.p50Ms(), stats.p95Ms(), stats.p99Ms()};
    for (int i = 0; i < quantiles.length; i++) {
      double exact = sorted[(int) Math.ceil(quantiles[i] * sorted.length) - 1];
      assertTrue(Math.abs(reported[i] - exact) / exact <= LatencyHistogram.RELATIVE_ERROR + 1e-9,
          "p" + quantiles[i] + ": " + reported[i] + " ms vs exact " + exact + " ms");
    }
  }
}
