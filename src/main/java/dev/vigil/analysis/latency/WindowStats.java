package dev.vigil.analysis.latency;

import java.time.Duration;
import java.time.Instant;

/**
 * What one closed window of one series saw: how many runs (or step executions), how many passed,
 * and the nearest-rank percentiles of their durations in milliseconds.
 */
public record WindowStats(
    SeriesKey key, Instant start, Duration length, int count, int passed, long p50, long p95, long p99) {

  public Instant end() {
    return start.plus(length);
  }

  /** Passed ÷ count, 1.0 for an empty window. */
  public double successRatio() {
    return count == 0 ? 1.0 : (double) passed / count;
  }
}
