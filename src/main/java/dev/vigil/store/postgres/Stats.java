package dev.vigil.store.postgres;

/**
 * Runs (or step executions) over a window, from the per-minute rollups; latencies in
 * milliseconds within {@link dev.vigil.store.LatencyHistogram#RELATIVE_ERROR}, NaN when
 * {@code count} is 0.
 */
public record Stats(long count, long failures, long overBudget, double p50Ms, double p95Ms, double p99Ms) {

  /** Passed / all; NaN when nothing ran. */
  public double successRatio() {
    return count == 0 ? Double.NaN : (double) (count - failures) / count;
  }
}
