package dev.vigil.analysis.neighbour;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.InstantSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Samples a shared PostgreSQL server's per-database activity over a read-only connection: from
 * {@code pg_stat_database} transactions, tuples (returned, fetched, inserted, updated, deleted)
 * and blocks (read, hit), from {@code pg_stat_activity} active backends, from {@code pg_locks}
 * ungranted locks; template databases are left out. Needs only the {@code pg_monitor} role (or
 * none: the statistics views are readable by any user, other users' query texts are not read).
 *
 * <p>One query per sample, with a timeout; keep calls on one context (the previous sample is
 * state). The pool is the caller's: it is not closed here.
 */
public final class PgActivitySampler implements ActivitySampler {
  static final String QUERY = """
      SELECT d.datname,
             d.xact_commit + d.xact_rollback AS xacts,
             d.tup_returned + d.tup_fetched + d.tup_inserted + d.tup_updated + d.tup_deleted AS tuples,
             d.blks_read + d.blks_hit AS blocks,
             (SELECT count(*) FROM pg_stat_activity a
               WHERE a.datname = d.datname AND a.state = 'active' AND a.pid <> pg_backend_pid()) AS active,
             (SELECT count(*) FROM pg_locks l WHERE l.database = d.datid AND NOT l.granted) AS lock_waits
        FROM pg_stat_database d
       WHERE d.datname IS NOT NULL AND NOT d.datname IN ('template0', 'template1')""";

  private final Pool pool;
  private final Duration timeout;
  private final InstantSource clock;
  private Map<String, PgCounters> previous;
  private Instant previousAt;

  public PgActivitySampler(Pool pool, Duration timeout, InstantSource clock) {
    this.pool = pool;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public Future<List<DatabaseLoad>> sample() {
    return counters().map(now -> {
      Instant at = clock.instant();
      List<DatabaseLoad> loads = previous == null
          ? List.of()
          : PgActivityDeltas.between(previous, now, Duration.between(previousAt, at));
      previous = now;
      previousAt = at;
      return loads;
    });
  }

  /** The counters of every database now. */
  public Future<Map<String, PgCounters>> counters() {
    return pool.query(QUERY).execute()
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .map(rows -> {
          Map<String, PgCounters> counters = new LinkedHashMap<>();
          for (Row row : rows) {
            PgCounters c = new PgCounters(row.getString("datname"), row.getLong("xacts"), row.getLong("tuples"),
                row.getLong("blocks"), row.getLong("active"), row.getLong("lock_waits"));
            counters.put(c.database(), c);
          }
          return counters;
        });
  }
}
