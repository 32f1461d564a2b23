package dev.vigil.analysis.latency;

import java.util.Arrays;

/** Median and median absolute deviation: location and spread that a few outliers do not move. */
final class RobustStats {
  /** MAD × this estimates the standard deviation of normally distributed data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private RobustStats() {}

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double mad(double[] values, double median) {
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - median);
    }
    return median(deviations);
  }
}
