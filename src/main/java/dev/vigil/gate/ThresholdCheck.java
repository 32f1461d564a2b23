package dev.vigil.gate;

import java.util.OptionalDouble;

/**
 * A threshold checked on one scope's sample.
 *
 * @param scope {@code tenant/journey} for scoped thresholds, {@code overall} otherwise
 * @param actual the measured value (ms or ratio); empty when there was nothing to measure, which
 *     fails the threshold
 */
public record ThresholdCheck(Threshold threshold, String scope, OptionalDouble actual, boolean passed) {

  static ThresholdCheck of(Threshold threshold, String scope, Sample sample) {
    OptionalDouble actual = sample.value(threshold.metric());
    return new ThresholdCheck(threshold, scope, actual, actual.isPresent() && threshold.met(actual.getAsDouble()));
  }

  /** {@code p95<800ms (actual 1234ms)}, or why nothing was measured. */
  public String describe() {
    String measured = actual.isPresent()
        ? "actual " + Thresholds.formatValue(threshold.metric(), round(actual.getAsDouble()))
        : threshold.metric().isLatency() ? "no passed run to measure" : "no run to measure";
    return threshold.text() + " (" + measured + ")";
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
