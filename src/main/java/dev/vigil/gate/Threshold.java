package dev.vigil.gate;

import java.util.Optional;

/**
 * A pass/fail criterion of a gate, in the k6 style: {@code invoice-posting:p95<800ms},
 * {@code invoice-posting/post-invoice:max<1s}, {@code success>=100%}.
 *
 * <p>Scope: with a journey, it is checked for each tenant of the gate on that journey's runs (or,
 * with a step, on that step's results); without, once over every run of the gate.
 *
 * @param limit milliseconds for latency metrics, a ratio from 0 to 1 for {@code success}
 * @param origin where it comes from: {@code --threshold}, a request, or the default's source
 *     (e.g. {@code budget})
 */
public record Threshold(
    Optional<String> journey, Optional<String> step, Metric metric, Comparison comparison, double limit,
    String origin) {

  /** Overall (not scoped to a journey). */
  public boolean overall() {
    return journey.isEmpty();
  }

  /** The threshold as it is written: {@code invoice-posting:p95<800ms}. */
  public String text() {
    String scope = journey.map(j -> j + step.map(s -> "/" + s).orElse("") + ":").orElse("");
    return scope + metric.label() + comparison.symbol() + Thresholds.formatValue(metric, limit);
  }

  /** Whether a measured value meets the threshold. */
  public boolean met(double actual) {
    return comparison.holds(actual, limit);
  }
}
