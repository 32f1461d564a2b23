package dev.vigil.analysis.latency;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The samples of one open window. Windows hold few samples (a check runs every 10 s or more), so
 * the exact durations are kept and percentiles are exact nearest-rank values.
 */
final class WindowAccumulator {
  private final SeriesKey key;
  private final Instant start;
  private final Duration length;
  private long[] millis = new long[8];
  private int count;
  private int passed;

  WindowAccumulator(SeriesKey key, Instant start, Duration length) {
    this.key = key;
    this.start = start;
    this.length = length;
  }

  Instant start() {
    return start;
  }

  Instant end() {
    return start.plus(length);
  }

  void add(long durationMillis, boolean pass) {
    if (count == millis.length) {
      millis = Arrays.copyOf(millis, count * 2);
    }
    millis[count++] = durationMillis;
    if (pass) {
      passed++;
    }
  }

  WindowStats close() {
    long[] sorted = Arrays.copyOf(millis, count);
    Arrays.sort(sorted);
    return new WindowStats(key, start, length, count, passed,
        rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99));
  }

  /** Nearest-rank percentile: the smallest sample with at least {@code q} of the samples at or below it. */
  static long rank(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
