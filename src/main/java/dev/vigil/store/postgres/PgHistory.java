package dev.vigil.store.postgres;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.store.LatencyHistogram;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the history: run lists (keyset-paged), single runs with their steps, and statistics and
 * series from the per-minute rollups (percentiles merged from their latency histograms). Windows
 * are {@code [from, to)}; rollup-based answers count the minutes starting in it. Non-blocking;
 * every query bounded by the pool's {@code statement_timeout}.
 */
public final class PgHistory {
  /** The step name under which {@link #stepStats} reports the whole journey. */
  public static final String JOURNEY = Rollups.JOURNEY;
  private static final String LIST_RUNS = "SELECT run_id, tenant_id, journey_id, started_at, started_ns, duration_ns, "
      + "outcome, error_class, message, over_budget FROM runs WHERE tenant_id = $1 "
      + "AND ($2::text IS NULL OR journey_id = $2) AND ($3::text IS NULL OR outcome = $3) "
      + "AND started_at >= $4 AND started_at < $5 "
      + "AND ($6::timestamptz IS NULL OR (started_at, run_id) < ($6::timestamptz, $7::text)) "
      + "ORDER BY started_at DESC, run_id DESC LIMIT $8";
  private static final String ONE_RUN = "SELECT * FROM runs WHERE run_id = $1";
  private static final String STEPS = "SELECT * FROM run_steps WHERE run_id = $1 AND started_at = $2 "
      + "ORDER BY phase, position";
  private static final String CHECK_ROLLUPS = "SELECT step, minute, count, failures, over_budget, latency FROM rollups "
      + "WHERE tenant_id = $1 AND journey_id = $2 AND minute >= $3 AND minute < $4";
  private static final String JOURNEY_ROLLUPS = "SELECT tenant_id, count, failures, over_budget, latency FROM rollups "
      + "WHERE journey_id = $1 AND step = '' AND minute >= $2 AND minute < $3";

  private final Pool pool;

  PgHistory(Pool pool) {
    this.pool = pool;
  }

  /** A page of runs, newest first. */
  public Future<RunPage> runs(RunQuery query) {
    Optional<Cursor> after;
    try {
      after = query.cursor().map(Cursor::decode);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Tuple params = Tuple.tuple()
        .addValue(query.tenantId())
        .addValue(query.journeyId().orElse(null))
        .addValue(query.outcome().map(Outcome::name).orElse(null))
        .addValue(Instants.micros(query.from()))
        .addValue(Instants.micros(query.to()))
        .addValue(after.map(Cursor::startedAt).orElse(null))
        .addValue(after.map(Cursor::runId).orElse(null))
        .addValue(query.limit() + 1);
    return pool.preparedQuery(LIST_RUNS).execute(params).map(rows -> {
      List<RunSummary> runs = new ArrayList<>();
      Cursor last = null;
      for (Row row : rows) {
        if (runs.size() == query.limit()) {
          return new RunPage(runs, Optional.of(last.encode()));
        }
        runs.add(summary(row));
        last = new Cursor(row.getOffsetDateTime("started_at"), row.getString("run_id"));
      }
      return new RunPage(runs, Optional.empty());
    });
  }

  /** The run exactly as written, with its steps and teardown; empty if unknown or expired. */
  public Future<Optional<RunResult>> run(String runId) {
    return pool.preparedQuery(ONE_RUN).execute(Tuple.of(runId)).compose(runs -> {
      if (runs.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Row run = runs.iterator().next();
      return pool.preparedQuery(STEPS).execute(Tuple.of(runId, run.getOffsetDateTime("started_at")))
          .map(steps -> Optional.of(result(run, steps)));
    });
  }

  /** Per step of one tenant × journey over a window, plus the whole journey under {@link #JOURNEY}; by step name. */
  public Future<Map<String, Stats>> stepStats(String tenantId, String journeyId, Instant from, Instant to) {
    return pool.preparedQuery(CHECK_ROLLUPS)
        .execute(Tuple.of(tenantId, journeyId, Instants.micros(from), Instants.micros(to)))
        .map(rows -> aggregate(rows, row -> row.getString("step")));
  }

  /**
   * One tenant × journey × step ({@link #JOURNEY} for the whole journey) in buckets of
   * {@code bucket} (a whole number of minutes) from {@code from}; buckets without runs are left out.
   */
  public Future<List<SeriesPoint>> series(String tenantId, String journeyId, String step, Instant from, Instant to,
      Duration bucket) {
    if (bucket.toMinutes() < 1 || !bucket.equals(Duration.ofMinutes(bucket.toMinutes()))) {
      return Future.failedFuture(new IllegalArgumentException("series bucket " + bucket + " is not whole minutes"));
    }
    return pool.preparedQuery(CHECK_ROLLUPS + " AND step = $5")
        .execute(Tuple.of(tenantId, journeyId, Instants.micros(from), Instants.micros(to), step))
        .map(rows -> {
          Map<Instant, Aggregate> buckets = new TreeMap<>();
          for (Row row : rows) {
            Instant minute = row.getOffsetDateTime("minute").toInstant();
            long index = Duration.between(from, minute).toMillis() / bucket.toMillis();
            buckets.computeIfAbsent(from.plus(bucket.multipliedBy(index)), k -> new Aggregate()).add(row);
          }
          List<SeriesPoint> points = new ArrayList<>();
          buckets.forEach((start, a) -> points.add(new SeriesPoint(start, a.count, a.failures,
              a.latency.percentile(0.50), a.latency.percentile(0.95))));
          return points;
        });
  }

  /** One journey across every tenant that ran it over a window (whole-journey rollups); by tenant. */
  public Future<Map<String, Stats>> compareTenants(String journeyId, Instant from, Instant to) {
    return pool.preparedQuery(JOURNEY_ROLLUPS)
        .execute(Tuple.of(journeyId, Instants.micros(from), Instants.micros(to)))
        .map(rows -> aggregate(rows, row -> row.getString("tenant_id")));
  }

  private static Map<String, Stats> aggregate(RowSet<Row> rows, Function<Row, String> key) {
    Map<String, Aggregate> groups = new TreeMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new Aggregate()).add(row);
    }
    Map<String, Stats> stats = new TreeMap<>();
    groups.forEach((name, a) -> stats.put(name, a.stats()));
    return stats;
  }

  private static RunSummary summary(Row row) {
    return new RunSummary(row.getString("run_id"), row.getString("tenant_id"), row.getString("journey_id"),
        Instants.join(row.getOffsetDateTime("started_at"), row.getShort("started_ns")),
        Duration.ofNanos(row.getLong("duration_ns")), Outcome.valueOf(row.getString("outcome")), errorClass(row),
        row.getString("message"), row.getBoolean("over_budget"));
  }

  private static RunResult result(Row run, RowSet<Row> stepRows) {
    List<StepResult> steps = new ArrayList<>();
    List<StepResult> teardown = new ArrayList<>();
    for (Row row : stepRows) {
      (row.getString("phase").equals("teardown") ? teardown : steps).add(step(row));
    }
    Integer version = run.getInteger("odoo_version");
    return new RunResult(run.getString("run_id"), run.getString("tenant_id"), run.getString("journey_id"),
        Instants.join(run.getOffsetDateTime("scheduled_at"), run.getShort("scheduled_ns")),
        Instants.join(run.getOffsetDateTime("started_at"), run.getShort("started_ns")),
        Duration.ofNanos(run.getLong("duration_ns")), Outcome.valueOf(run.getString("outcome")), errorClass(run),
        run.getString("message"), steps, teardown, version == null ? OptionalInt.empty() : OptionalInt.of(version),
        run.getBoolean("over_budget"), run.getString("runner"), RunSource.valueOf(run.getString("source")),
        lease(run));
  }

  private static Optional<RunLease> lease(Row run) {
    String location = run.getString("location");
    return location == null
        ? Optional.empty()
        : Optional.of(new RunLease(location, run.getInteger("shard"), run.getLong("lease_token")));
  }

  private static StepResult step(Row row) {
    Map<String, Double> timings = new HashMap<>();
    Object json = row.getValue("timings");
    if (json instanceof JsonObject object) {
      object.forEach(e -> timings.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    }
    return new StepResult(row.getString("name"), row.getString("kind"), StepOutcome.valueOf(row.getString("outcome")),
        Duration.ofNanos(row.getLong("duration_ns")), errorClass(row), row.getString("message"),
        row.getBoolean("soft"), row.getBoolean("over_budget"), row.getBoolean("used_fallback"), timings,
        Optional.ofNullable(row.getString("artifact")));
  }

  private static Optional<ErrorClass> errorClass(Row row) {
    return Optional.ofNullable(row.getString("error_class")).map(ErrorClass::valueOf);
  }

  /** Rollup rows summed: counts added, histograms merged. */
  private static final class Aggregate {
    long count;
    long failures;
    long overBudget;
    final LatencyHistogram latency = new LatencyHistogram();

    void add(Row row) {
      count += row.getLong("count");
      failures += row.getLong("failures");
      overBudget += row.getLong("over_budget");
      Integer[] pairs = row.getArrayOfIntegers("latency");
      int[] unboxed = new int[pairs.length];
      for (int i = 0; i < pairs.length; i++) {
        unboxed[i] = pairs[i];
      }
      latency.merge(LatencyHistogram.decode(unboxed));
    }

    Stats stats() {
      return new Stats(count, failures, overBudget, latency.percentile(0.50), latency.percentile(0.95),
          latency.percentile(0.99));
    }
  }

  /** Where a page ended: the last run's start (to the microsecond, as stored) and id. */
  private record Cursor(OffsetDateTime startedAt, String runId) {

    String encode() {
      String text = startedAt.toInstant() + "|" + runId;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        return new Cursor(Instants.micros(Instant.parse(text.substring(0, bar))), text.substring(bar + 1));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("invalid page cursor");
      }
    }
  }
}
