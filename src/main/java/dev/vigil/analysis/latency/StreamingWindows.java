package dev.vigil.analysis.latency;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tumbling windows of a fixed length, aligned on the epoch, per tenant × journey and per
 * tenant × journey × step. A run counts in the window of its completion time (start plus
 * duration), or in the series' open window when it completes earlier than that window (a late
 * arrival), so a closed window never reopens. Windows close when a later run arrives or when
 * {@link #closeUpTo} passes their end; series with no run in a window produce no window.
 *
 * <p>Not thread-safe: confined to the analysis' event loop.
 */
public final class StreamingWindows {
  private final Duration length;
  private final Map<SeriesKey, WindowAccumulator> open = new HashMap<>();
  private final Map<SeriesKey, WindowStats> latest = new HashMap<>();

  public StreamingWindows(Duration length) {
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("window length must be positive");
    }
    this.length = length;
  }

  public Duration length() {
    return length;
  }

  /** Adds a finished run (its journey series and each step that ran); returns windows it closed. */
  public List<WindowStats> record(RunResult run) {
    Instant completed = run.startedAt().plus(run.duration());
    List<WindowStats> closed = new ArrayList<>();
    add(SeriesKey.journey(run.tenantId(), run.journeyId()), completed, run.duration().toMillis(),
        run.outcome() == Outcome.PASSED, closed);
    for (StepResult step : run.steps()) {
      if (step.outcome() != StepOutcome.SKIPPED) {
        add(SeriesKey.step(run.tenantId(), run.journeyId(), step.name()), completed,
            step.duration().toMillis(), step.outcome() == StepOutcome.PASSED, closed);
      }
    }
    return closed;
  }

  /** Closes every window that ended at or before {@code now}. */
  public List<WindowStats> closeUpTo(Instant now) {
    List<WindowStats> closed = new ArrayList<>();
    Iterator<Map.Entry<SeriesKey, WindowAccumulator>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      WindowAccumulator window = it.next().getValue();
      if (!window.end().isAfter(now)) {
        closed.add(close(window));
        it.remove();
      }
    }
    return closed;
  }

  /** The last closed window of each series (for the dashboard). */
  public Map<SeriesKey, WindowStats> latest() {
    return Map.copyOf(latest);
  }

  /** Forgets the series of tenants no longer monitored. */
  public void retainTenants(Set<String> tenantIds) {
    open.keySet().removeIf(key -> !tenantIds.contains(key.tenantId()));
    latest.keySet().removeIf(key -> !tenantIds.contains(key.tenantId()));
  }

  private void add(SeriesKey key, Instant completed, long millis, boolean passed, List<WindowStats> closed) {
    WindowStats last = latest.get(key);
    Instant at = last != null && completed.isBefore(last.end()) ? last.end() : completed;
    WindowAccumulator window = open.get(key);
    if (window != null && !at.isBefore(window.end())) {
      closed.add(close(window));
      window = null;
    }
    if (window == null) {
      window = new WindowAccumulator(key, windowStart(at), length);
      open.put(key, window);
    }
    window.add(millis, passed);
  }

  private WindowStats close(WindowAccumulator window) {
    WindowStats stats = window.close();
    latest.put(stats.key(), stats);
    return stats;
  }

  private Instant windowStart(Instant at) {
    long size = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }
}
