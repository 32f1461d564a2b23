package dev.vigil.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions of {@code runs} and {@code run_steps} (one per UTC day) and of {@code rollups}
 * (one per UTC month). A partition is created on demand for any day or month still inside the
 * retention (a run arriving after an outage may be days old), ahead of time by the retention job,
 * and dropped once outside it. Rows older than the retention when written go to the default
 * partitions, which the retention job empties: old data is accepted, and kept no longer than the
 * rest. Creating and dropping take a transaction-level advisory lock, so replicas never race.
 * Thread-safe; non-blocking.
 */
final class Partitions {
  private static final long LOCK_KEY = 0x76_69_67_69_6c_70_61_72L;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private final Pool pool;
  private final Retention retention;
  private final Clock clock;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  Partitions(Pool pool, Retention retention, Clock clock) {
    this.pool = pool;
    this.retention = retention;
    this.clock = clock;
  }

  Retention retention() {
    return retention;
  }

  Clock clock() {
    return clock;
  }

  /** Makes sure the partitions for these days (and their months) exist, where inside the retention. */
  Future<Void> ensure(SortedSet<LocalDate> days) {
    LocalDate firstDay = retention.firstRawDay(clock.instant());
    YearMonth firstMonth = retention.firstRollupMonth(clock.instant());
    List<String> missing = new ArrayList<>();
    SortedSet<YearMonth> months = new TreeSet<>();
    for (LocalDate day : days) {
      if (!day.isBefore(firstDay)) {
        missing.addAll(dayPartitions(day));
      }
      months.add(YearMonth.from(day));
    }
    for (YearMonth month : months) {
      if (!month.isBefore(firstMonth)) {
        missing.add(monthPartition(month));
      }
    }
    missing.removeIf(known::contains);
    if (missing.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.<Void>withTransaction(conn -> lock(conn).compose(v -> create(conn, missing)))
        .onSuccess(v -> known.addAll(missing));
  }

  /** Drops every partition wholly outside the retention and empties the default partitions of such rows. */
  Future<List<String>> dropExpired() {
    LocalDate firstDay = retention.firstRawDay(clock.instant());
    YearMonth firstMonth = retention.firstRollupMonth(clock.instant());
    String rawCutoff = "'" + firstDay.atStartOfDay(ZoneOffset.UTC) + "'";
    String rollupCutoff = "'" + firstMonth.atDay(1).atStartOfDay(ZoneOffset.UTC) + "'";
    return pool.withTransaction(conn -> lock(conn)
        .compose(v -> conn.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            + "WHERE i.inhparent IN ('runs'::regclass, 'run_steps'::regclass, 'rollups'::regclass) ORDER BY 1").execute())
        .compose(rows -> {
          List<String> expired = new ArrayList<>();
          for (Row row : rows) {
            String name = row.getString(0);
            if (isExpired(name, firstDay, firstMonth)) {
              expired.add(name);
            }
          }
          Future<Void> chain = Future.succeededFuture();
          for (String name : expired) {
            chain = chain.compose(x -> conn.query("DROP TABLE " + name).execute()).mapEmpty();
            known.remove(name);
          }
          return chain
              .compose(x -> conn.query("DELETE FROM runs_default WHERE started_at < " + rawCutoff).execute())
              .compose(x -> conn.query("DELETE FROM run_steps_default WHERE started_at < " + rawCutoff).execute())
              .compose(x -> conn.query("DELETE FROM rollups_default WHERE minute < " + rollupCutoff).execute())
              .map(x -> expired);
        }));
  }

  static List<String> dayPartitions(LocalDate day) {
    return List.of("runs_d" + DAY.format(day), "run_steps_d" + DAY.format(day));
  }

  static String monthPartition(YearMonth month) {
    return "rollups_m" + MONTH.format(month);
  }

  private static boolean isExpired(String name, LocalDate firstDay, YearMonth firstMonth) {
    int at = name.lastIndexOf('_');
    String suffix = name.substring(at + 1);
    if (suffix.startsWith("d") && suffix.length() == 9) {
      return LocalDate.parse(suffix.substring(1), DAY).isBefore(firstDay);
    }
    if (suffix.startsWith("m") && suffix.length() == 7) {
      return YearMonth.parse(suffix.substring(1), MONTH).isBefore(firstMonth);
    }
    return false;
  }

  private static Future<Void> lock(SqlConnection conn) {
    return conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute().mapEmpty();
  }

  private Future<Void> create(SqlConnection conn, List<String> names) {
    Future<Void> chain = Future.succeededFuture();
    for (String name : names) {
      chain = chain.compose(v -> conn.query(createStatement(name)).execute()).mapEmpty();
    }
    return chain;
  }

  private static String createStatement(String name) {
    String parent = name.substring(0, name.lastIndexOf('_'));
    String suffix = name.substring(name.lastIndexOf('_') + 2);
    String from;
    String to;
    if (parent.equals("rollups")) {
      YearMonth month = YearMonth.parse(suffix, MONTH);
      from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toString();
      to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toString();
    } else {
      LocalDate day = LocalDate.parse(suffix, DAY);
      from = day.atStartOfDay(ZoneOffset.UTC).toString();
      to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toString();
    }
    return "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + parent + " FOR VALUES FROM ('" + from + "') TO ('"
        + to + "')";
  }
}
