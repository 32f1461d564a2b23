package dev.vigil.store.postgres;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job: creates the partitions of the next days ahead of time, drops the raw
 * partitions older than {@link Retention#rawDays()} and the rollup partitions older than
 * {@link Retention#rollupDays()}, and clears such rows from the default partitions. Idempotent;
 * safe to run from several replicas at once (it takes the partition advisory lock).
 */
public final class PgRetention {
  private static final Logger LOG = LoggerFactory.getLogger(PgRetention.class);
  private static final int DAYS_AHEAD = 3;
  private final Partitions partitions;

  PgRetention(Partitions partitions) {
    this.partitions = partitions;
  }

  /** One pass; completes with the names of the partitions dropped. */
  public Future<List<String>> run() {
    LocalDate today = Retention.day(partitions.clock().instant());
    TreeSet<LocalDate> ahead = new TreeSet<>();
    for (int i = 0; i < DAYS_AHEAD; i++) {
      ahead.add(today.plusDays(i));
    }
    return partitions.ensure(ahead)
        .compose(v -> partitions.dropExpired())
        .onSuccess(dropped -> {
          if (!dropped.isEmpty()) {
            LOG.info("retention dropped {} partition(s) past {}: {}", dropped.size(), partitions.retention(), dropped);
          }
        });
  }
}
