package dev.vigil.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable latency distribution on fixed log-scale buckets, as kept in the per-minute rollups.
 *
 * <p>Bucket {@code i} (1 ≤ i ≤ {@value #LAST_BUCKET} − 1) holds latencies in
 * {@code (MIN·γ^(i−1), MIN·γ^i]} milliseconds with γ = {@value #GAMMA} and MIN = {@value #MIN_MS} ms;
 * a percentile is reported as the bucket's value {@code 2·MIN·γ^i / (γ + 1)}, whose relative error
 * to any latency of the bucket is at most (γ − 1) / (γ + 1) ≈ 1.96 %. Bucket 0 holds everything
 * up to 0.1 ms (reported as 0.1 ms), bucket {@value #LAST_BUCKET} everything above one hour
 * (reported as one hour). Because the buckets are fixed, two histograms merge by adding counts,
 * exactly, in any order — which is what makes per-minute rows summable over any window.
 *
 * <p>The encoded form is a sparse {@code int[]} of (bucket, count) pairs in bucket order, stored as
 * a PostgreSQL {@code int[]}. Not thread-safe.
 */
public final class LatencyHistogram {
  /** Growth factor between bucket bounds. */
  public static final double GAMMA = 1.04;
  /** The largest relative error of a reported percentile, for latencies between 0.1 ms and 1 h. */
  public static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
  static final double MIN_MS = 0.1;
  static final double MAX_MS = 3_600_000;
  static final int LAST_BUCKET = (int) Math.ceil(Math.log(MAX_MS / MIN_MS) / Math.log(GAMMA)) + 1;

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  /** Counts one latency. */
  public LatencyHistogram record(Duration latency) {
    return recordMillis(latency.toNanos() / 1e6);
  }

  /** Counts one latency given in milliseconds. */
  public LatencyHistogram recordMillis(double millis) {
    add(bucket(millis), 1);
    return this;
  }

  /** Adds every count of {@code other} to this one. */
  public LatencyHistogram merge(LatencyHistogram other) {
    other.counts.forEach(this::add);
    return this;
  }

  public long count() {
    return total;
  }

  /**
   * The latency in milliseconds below or at which a fraction {@code q} (0 &lt; q ≤ 1) of the
   * recorded latencies lie (nearest rank), within {@link #RELATIVE_ERROR}; NaN when empty.
   */
  public double percentile(double q) {
    if (q <= 0 || q > 1) {
      throw new IllegalArgumentException("percentile " + q + " is not in (0, 1]");
    }
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return value(bucket.getKey());
      }
    }
    throw new IllegalStateException("counts do not add up to " + total);
  }

  /** The sparse (bucket, count) pairs, in bucket order. */
  public int[] encode() {
    int[] pairs = new int[counts.size() * 2];
    int i = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      pairs[i++] = bucket.getKey();
      pairs[i++] = Math.toIntExact(bucket.getValue());
    }
    return pairs;
  }

  /** The inverse of {@link #encode()}; refuses anything that is not (bucket, count) pairs. */
  public static LatencyHistogram decode(int[] pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("latency histogram of odd length " + pairs.length);
    }
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] < 0 || pairs[i] > LAST_BUCKET || pairs[i + 1] < 0) {
        throw new IllegalArgumentException("invalid latency histogram " + Arrays.toString(pairs));
      }
      histogram.add(pairs[i], pairs[i + 1]);
    }
    return histogram;
  }

  static int bucket(double millis) {
    if (!(millis > MIN_MS)) {
      return 0;
    }
    int bucket = (int) Math.ceil(Math.log(millis / MIN_MS) / Math.log(GAMMA));
    return Math.min(Math.max(bucket, 1), LAST_BUCKET);
  }

  static double value(int bucket) {
    if (bucket == 0) {
      return MIN_MS;
    }
    if (bucket == LAST_BUCKET) {
      return MAX_MS;
    }
    return 2 * MIN_MS * Math.pow(GAMMA, bucket) / (GAMMA + 1);
  }

  private void add(int bucket, long count) {
    if (count > 0) {
      counts.merge(bucket, count, Long::sum);
      total += count;
    }
  }
}
