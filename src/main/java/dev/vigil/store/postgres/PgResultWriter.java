package dev.vigil.store.postgres;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepResult;
import dev.vigil.store.ResultBatch;
import dev.vigil.store.ResultWriter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes batches to PostgreSQL: one transaction per batch, one multi-row statement per table
 * ({@code unnest} of arrays). Runs are inserted {@code ON CONFLICT DO NOTHING} and only the runs
 * actually inserted add their steps and their rollup contributions, so a batch written again —
 * whole, in part, or overlapping an earlier one — stores one copy and keeps rollup counts exact.
 * Status changes are keyed by run id likewise. Rollup rows are upserted in key order (no deadlock
 * between replicas) and their latency histograms merged in SQL ({@code latency_merge}).
 * Partitions for the batch's days are made first. Each statement is bounded by the pool's
 * {@code statement_timeout}; a failed batch stores nothing and may simply be written again.
 * Non-blocking; thread-safe.
 */
public final class PgResultWriter implements ResultWriter {
  private static final String INSERT_RUNS = "INSERT INTO runs (run_id, tenant_id, journey_id, scheduled_at, "
      + "scheduled_ns, started_at, started_ns, duration_ns, outcome, error_class, message, odoo_version, over_budget, "
      + "runner, source, location, shard, lease_token) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], "
      + "$4::timestamptz[], $5::smallint[], $6::timestamptz[], $7::smallint[], $8::bigint[], $9::text[], $10::text[], "
      + "$11::text[], $12::integer[], $13::boolean[], $14::text[], $15::text[], $16::text[], $17::integer[], "
      + "$18::bigint[]) ON CONFLICT DO NOTHING RETURNING run_id";
  private static final String INSERT_STEPS = "INSERT INTO run_steps (run_id, started_at, phase, position, name, kind, "
      + "outcome, duration_ns, error_class, message, soft, over_budget, used_fallback, timings, artifact) "
      + "SELECT r, s, p, i, n, k, o, d, e, m, so, ob, f, t::jsonb, a FROM unnest($1::text[], $2::timestamptz[], "
      + "$3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[], "
      + "$11::boolean[], $12::boolean[], $13::boolean[], $14::text[], $15::text[]) "
      + "AS u(r, s, p, i, n, k, o, d, e, m, so, ob, f, t, a)";
  private static final String UPSERT_ROLLUPS = "INSERT INTO rollups (tenant_id, journey_id, step, minute, count, "
      + "failures, over_budget, latency) SELECT t, j, s, m, c, f, o, l::integer[] FROM unnest($1::text[], $2::text[], "
      + "$3::text[], $4::timestamptz[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[]) "
      + "AS u(t, j, s, m, c, f, o, l) ON CONFLICT (tenant_id, journey_id, step, minute) DO UPDATE SET "
      + "count = rollups.count + excluded.count, failures = rollups.failures + excluded.failures, "
      + "over_budget = rollups.over_budget + excluded.over_budget, "
      + "latency = latency_merge(rollups.latency, excluded.latency)";
  private static final String INSERT_CHANGES = "INSERT INTO status_changes (run_id, tenant_id, journey_id, from_status, "
      + "to_status, at, at_ns, reason) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], "
      + "$6::timestamptz[], $7::smallint[], $8::text[]) ON CONFLICT (run_id) DO NOTHING";

  private final Pool pool;
  private final Partitions partitions;

  PgResultWriter(Pool pool, Partitions partitions) {
    this.pool = pool;
    this.partitions = partitions;
  }

  @Override
  public Future<Void> write(ResultBatch batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, RunResult> runs = new LinkedHashMap<>();
    batch.runs().forEach(run -> runs.putIfAbsent(run.runId(), run));
    TreeSet<LocalDate> days = new TreeSet<>();
    runs.values().forEach(run -> days.add(Retention.day(run.startedAt())));
    return partitions.ensure(days)
        .compose(v -> pool.withTransaction(conn -> insertRuns(conn, runs.values())
            .compose(inserted -> {
              List<RunResult> fresh = runs.values().stream().filter(run -> inserted.contains(run.runId())).toList();
              return insertSteps(conn, fresh).compose(x -> upsertRollups(conn, fresh));
            })
            .compose(x -> insertChanges(conn, batch.changes()))));
  }

  private static Future<Set<String>> insertRuns(SqlConnection conn, Collection<RunResult> runs) {
    if (runs.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    Tuple columns = Tuple.tuple()
        .addValue(column(runs, String.class, RunResult::runId))
        .addValue(column(runs, String.class, RunResult::tenantId))
        .addValue(column(runs, String.class, RunResult::journeyId))
        .addValue(column(runs, OffsetDateTime.class, run -> Instants.micros(run.scheduledAt())))
        .addValue(column(runs, Short.class, run -> Instants.subMicros(run.scheduledAt())))
        .addValue(column(runs, OffsetDateTime.class, run -> Instants.micros(run.startedAt())))
        .addValue(column(runs, Short.class, run -> Instants.subMicros(run.startedAt())))
        .addValue(column(runs, Long.class, run -> run.duration().toNanos()))
        .addValue(column(runs, String.class, run -> run.outcome().name()))
        .addValue(column(runs, String.class, run -> run.errorClass().map(ErrorClass::name).orElse(null)))
        .addValue(column(runs, String.class, RunResult::message))
        .addValue(column(runs, Integer.class, run -> run.odooVersion().isPresent() ? run.odooVersion().getAsInt() : null))
        .addValue(column(runs, Boolean.class, RunResult::overBudget))
        .addValue(column(runs, String.class, RunResult::runner))
        .addValue(column(runs, String.class, run -> run.source().name()))
        .addValue(column(runs, String.class, run -> run.lease().map(RunLease::location).orElse(null)))
        .addValue(column(runs, Integer.class, run -> run.lease().map(RunLease::shard).orElse(null)))
        .addValue(column(runs, Long.class, run -> run.lease().map(RunLease::token).orElse(null)));
    return conn.preparedQuery(INSERT_RUNS).execute(columns).map(rows -> {
      Set<String> inserted = new HashSet<>();
      for (Row row : rows) {
        inserted.add(row.getString(0));
      }
      return inserted;
    });
  }

  private static Future<Void> insertSteps(SqlConnection conn, List<RunResult> runs) {
    List<StepRow> steps = new ArrayList<>();
    for (RunResult run : runs) {
      for (int i = 0; i < run.steps().size(); i++) {
        steps.add(new StepRow(run, "step", i, run.steps().get(i)));
      }
      for (int i = 0; i < run.teardown().size(); i++) {
        steps.add(new StepRow(run, "teardown", i, run.teardown().get(i)));
      }
    }
    if (steps.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple columns = Tuple.tuple()
        .addValue(column(steps, String.class, s -> s.run().runId()))
        .addValue(column(steps, OffsetDateTime.class, s -> Instants.micros(s.run().startedAt())))
        .addValue(column(steps, String.class, StepRow::phase))
        .addValue(column(steps, Short.class, s -> (short) s.position()))
        .addValue(column(steps, String.class, s -> s.step().name()))
        .addValue(column(steps, String.class, s -> s.step().kind()))
        .addValue(column(steps, String.class, s -> s.step().outcome().name()))
        .addValue(column(steps, Long.class, s -> s.step().duration().toNanos()))
        .addValue(column(steps, String.class, s -> s.step().errorClass().map(ErrorClass::name).orElse(null)))
        .addValue(column(steps, String.class, s -> s.step().message()))
        .addValue(column(steps, Boolean.class, s -> s.step().soft()))
        .addValue(column(steps, Boolean.class, s -> s.step().overBudget()))
        .addValue(column(steps, Boolean.class, s -> s.step().usedFallback()))
        .addValue(column(steps, String.class, s -> timings(s.step())))
        .addValue(column(steps, String.class, s -> s.step().artifact().orElse(null)));
    return conn.preparedQuery(INSERT_STEPS).execute(columns).mapEmpty();
  }

  private static Future<Void> upsertRollups(SqlConnection conn, List<RunResult> runs) {
    if (runs.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Map.Entry<Rollups.Key, Rollups.Counts>> rows = new ArrayList<>(Rollups.of(runs).entrySet());
    Tuple columns = Tuple.tuple()
        .addValue(column(rows, String.class, r -> r.getKey().tenantId()))
        .addValue(column(rows, String.class, r -> r.getKey().journeyId()))
        .addValue(column(rows, String.class, r -> r.getKey().step()))
        .addValue(column(rows, OffsetDateTime.class, r -> Instants.micros(r.getKey().minute())))
        .addValue(column(rows, Long.class, r -> r.getValue().count))
        .addValue(column(rows, Long.class, r -> r.getValue().failures))
        .addValue(column(rows, Long.class, r -> r.getValue().overBudget))
        .addValue(column(rows, String.class, r -> arrayLiteral(r.getValue().latency.encode())));
    return conn.preparedQuery(UPSERT_ROLLUPS).execute(columns).mapEmpty();
  }

  private static Future<Void> insertChanges(SqlConnection conn, List<StatusChange> changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple columns = Tuple.tuple()
        .addValue(column(changes, String.class, StatusChange::runId))
        .addValue(column(changes, String.class, StatusChange::tenantId))
        .addValue(column(changes, String.class, StatusChange::journeyId))
        .addValue(column(changes, String.class, c -> c.from() == null ? null : c.from().name()))
        .addValue(column(changes, String.class, c -> c.to().name()))
        .addValue(column(changes, OffsetDateTime.class, c -> Instants.micros(c.at())))
        .addValue(column(changes, Short.class, c -> Instants.subMicros(c.at())))
        .addValue(column(changes, String.class, StatusChange::reason));
    return conn.preparedQuery(INSERT_CHANGES).execute(columns).mapEmpty();
  }

  private static String timings(StepResult step) {
    if (step.timings().isEmpty()) {
      return null;
    }
    JsonObject json = new JsonObject();
    step.timings().forEach(json::put);
    return json.encode();
  }

  private static String arrayLiteral(int[] values) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      literal.append(i == 0 ? "" : ",").append(values[i]);
    }
    return literal.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static <R, T> T[] column(Collection<R> rows, Class<T> type, Function<R, T> value) {
    T[] column = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
    int i = 0;
    for (R row : rows) {
      column[i++] = value.apply(row);
    }
    return column;
  }

  private record StepRow(RunResult run, String phase, int position, StepResult step) {}
}
