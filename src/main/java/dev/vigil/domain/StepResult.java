package dev.vigil.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What happened in one step.
 *
 * @param message a person-readable reason for anything but PASSED (never holds a secret)
 * @param overBudget the step passed but took longer than its latency budget
 * @param usedFallback the step's own action failed and its fallback ran instead
 * @param timings finer timings of the step in milliseconds, by name (a browser navigation's
 *     {@code ttfb}, {@code domContentLoaded}, {@code load}, {@code lcp}); empty for most steps
 * @param artifact a file kept as evidence (a screenshot of a failed browser step), relative to
 *     the data directory
 */
public record StepResult(
    String name,
    String kind,
    StepOutcome outcome,
    Duration duration,
    Optional<ErrorClass> errorClass,
    String message,
    boolean soft,
    boolean overBudget,
    boolean usedFallback,
    Map<String, Double> timings,
    Optional<String> artifact) {

  public StepResult {
    timings = Map.copyOf(timings);
  }

  public boolean failed() {
    return outcome == StepOutcome.FAILED
        || outcome == StepOutcome.ERRORED
        || outcome == StepOutcome.TIMED_OUT;
  }
}
