package dev.vigil.analysis.neighbour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-database rates from two samples of the server's counters: counters become per-second
 * deltas, gauges are the later sample's values. A counter that went down (statistics reset, a
 * database dropped and re-created) counts as zero for that interval; a database missing from the
 * earlier sample is left out until it has two samples.
 */
public final class PgActivityDeltas {
  private PgActivityDeltas() {}

  public static List<DatabaseLoad> between(Map<String, PgCounters> before, Map<String, PgCounters> after, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    List<DatabaseLoad> loads = new ArrayList<>();
    for (PgCounters now : after.values()) {
      PgCounters then = before.get(now.database());
      if (then == null) {
        continue;
      }
      Map<String, Double> rates = new LinkedHashMap<>();
      rates.put("xacts_per_s", rate(then.xacts(), now.xacts(), seconds));
      rates.put("tuples_per_s", rate(then.tuples(), now.tuples(), seconds));
      rates.put("blocks_per_s", rate(then.blocks(), now.blocks(), seconds));
      rates.put("active", (double) now.active());
      rates.put(DatabaseLoad.LOCK_WAITS, (double) now.lockWaits());
      loads.add(new DatabaseLoad(now.database(), rates));
    }
    return loads;
  }

  private static double rate(long before, long after, double seconds) {
    return after < before ? 0 : (after - before) / seconds;
  }
}
