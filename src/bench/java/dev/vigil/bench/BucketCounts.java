package dev.vigil.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * A histogram's cumulative bucket counts over a window (the difference of two scrapes), by upper
 * bound in seconds. Quantiles are only known to the bucket: {@link #quantileBound} is the upper
 * bound of the bucket the quantile falls in, so "p99 ≤ 0.1 s" is exact when 0.1 is a bound.
 */
record BucketCounts(Map<Double, Double> cumulative) {

  /** The observations made between two scrapes of the same histogram. */
  static BucketCounts between(Map<Double, Double> before, Map<Double, Double> after) {
    Map<Double, Double> window = new TreeMap<>();
    after.forEach((bound, count) -> window.put(bound, count - before.getOrDefault(bound, 0.0)));
    return new BucketCounts(window);
  }

  double count() {
    return cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
  }

  /** The smallest bound at or under which at least {@code q} of the observations fall (NaN when none). */
  double quantileBound(double q) {
    double total = count();
    if (total <= 0) {
      return Double.NaN;
    }
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= q * total) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The bucket the largest observation fell in: {lower bound, upper bound}, or null when none. */
  double[] maxBucket() {
    double lower = 0;
    double previousCount = 0;
    double[] highest = null;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() > previousCount) {
        highest = new double[] {lower, bucket.getKey()};
      }
      lower = bucket.getKey();
      previousCount = bucket.getValue();
    }
    return highest;
  }

  /** The bounds of the buckets, for saying the resolution. */
  Iterable<Double> bounds() {
    return cumulative.keySet();
  }
}
