package dev.vigil.bootstrap;

import dev.vigil.analysis.neighbour.ActivitySampler;
import dev.vigil.analysis.neighbour.DatabaseLoad;
import dev.vigil.sandbox.SandboxControl;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's stand-in for the PostgreSQL sampler ({@code vigil demo} and tests): each
 * database's worker time per second ({@code busy_ms_per_s}, background load included) from the
 * sandbox's own counters, since the previous sample. Never blocks and never fails: the counters
 * are read in memory. Keep calls on one context (the previous sample is state).
 */
public final class SandboxActivitySampler implements ActivitySampler {
  private final SandboxControl control;
  private final List<String> databases;
  private final InstantSource clock;
  private Map<String, Long> previous;
  private Instant previousAt;

  public SandboxActivitySampler(SandboxControl control, List<String> databases, InstantSource clock) {
    this.control = control;
    this.databases = List.copyOf(databases);
    this.clock = clock;
  }

  @Override
  public Future<List<DatabaseLoad>> sample() {
    Instant now = clock.instant();
    Map<String, Long> busy = new HashMap<>();
    databases.forEach(db -> busy.put(db, control.busyMillis(db)));
    List<DatabaseLoad> loads = new ArrayList<>();
    if (previous != null) {
      double seconds = Math.max(1, Duration.between(previousAt, now).toMillis()) / 1000.0;
      databases.forEach(db -> loads.add(new DatabaseLoad(db,
          Map.of("busy_ms_per_s", (busy.get(db) - previous.get(db)) / seconds))));
    }
    previous = busy;
    previousAt = now;
    return Future.succeededFuture(loads);
  }
}
