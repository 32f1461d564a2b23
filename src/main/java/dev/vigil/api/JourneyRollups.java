package dev.vigil.api;

import dev.vigil.store.LatencyHistogram;
import dev.vigil.store.postgres.Stats;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * One journey's whole-journey rollups over a window, per tenant, kept mergeable (counts and
 * latency histograms) so that groups of tenants — a tier, a placement — get true percentiles
 * rather than averages of percentiles. Non-blocking; bounded by the pool's statement timeout.
 */
final class JourneyRollups {
  private static final String QUERY = "SELECT tenant_id, count, failures, over_budget, latency FROM rollups "
      + "WHERE journey_id = $1 AND step = '' AND minute >= $2 AND minute < $3";

  /** Runs of one tenant, or of a group, merged. */
  static final class Totals {
    private long count;
    private long failures;
    private long overBudget;
    private final LatencyHistogram latency = new LatencyHistogram();

    Totals add(Totals other) {
      count += other.count;
      failures += other.failures;
      overBudget += other.overBudget;
      latency.merge(other.latency);
      return this;
    }

    Stats stats() {
      return new Stats(count, failures, overBudget, latency.percentile(0.50), latency.percentile(0.95),
          latency.percentile(0.99));
    }

    private void add(Row row) {
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
  }

  private JourneyRollups() {}

  /** By tenant id: every tenant with rollups of the journey in {@code [from, to)}. */
  static Future<Map<String, Totals>> byTenant(Pool pool, String journeyId, Instant from, Instant to) {
    return pool.preparedQuery(QUERY).execute(Tuple.of(journeyId, micros(from), micros(to))).map(rows -> {
      Map<String, Totals> byTenant = new HashMap<>();
      for (Row row : rows) {
        byTenant.computeIfAbsent(row.getString("tenant_id"), t -> new Totals()).add(row);
      }
      return byTenant;
    });
  }

  private static java.time.OffsetDateTime micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
