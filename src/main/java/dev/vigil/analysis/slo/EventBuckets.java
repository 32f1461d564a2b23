package dev.vigil.analysis.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Run counts in a ring of fixed-size time buckets (e.g. 360 one-minute buckets = the last 6 hours).
 * A window sum covers the buckets that start after {@code now − window}, the current one included,
 * so it is exact to one bucket. Not thread-safe.
 */
final class EventBuckets {
  private final long bucketMillis;
  private final long[] index;
  private final long[][] counts;

  EventBuckets(Duration bucket, int buckets) {
    this.bucketMillis = bucket.toMillis();
    this.index = new long[buckets];
    this.counts = new long[buckets][4];
    Arrays.fill(index, Long.MIN_VALUE);
  }

  Duration span() {
    return Duration.ofMillis(bucketMillis * index.length);
  }

  void add(Instant at, boolean passed, boolean slow) {
    long i = Math.floorDiv(at.toEpochMilli(), bucketMillis);
    int slot = (int) Math.floorMod(i, (long) index.length);
    if (index[slot] != i) {
      if (index[slot] > i) {
        return; // older than the ring holds
      }
      index[slot] = i;
      Arrays.fill(counts[slot], 0);
    }
    long[] c = counts[slot];
    c[0]++;
    c[passed ? 2 : 1]++;
    if (passed && slow) {
      c[3]++;
    }
  }

  Counts sum(Duration window, Instant now) {
    long last = Math.floorDiv(now.toEpochMilli(), bucketMillis);
    long first = Math.floorDiv(now.toEpochMilli() - window.toMillis(), bucketMillis) + 1;
    Counts sum = Counts.NONE;
    for (int slot = 0; slot < index.length; slot++) {
      if (index[slot] >= first && index[slot] <= last) {
        long[] c = counts[slot];
        sum = sum.plus(new Counts(c[0], c[1], c[2], c[3]));
      }
    }
    return sum;
  }
}
