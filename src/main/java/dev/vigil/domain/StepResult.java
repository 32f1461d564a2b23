package dev.vigil.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What happened in one step.
 *
 * @param message a person-readable reason for anything but PASSED (never holds a secret)
 * @param overBudget the step passed but took longer than its latency budget
 * @param usedFallback the step's own action failed and its fallback ran instead
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
    boolean usedFallback) {

  public boolean failed() {
    return outcome == StepOutcome.FAILED
        || outcome == StepOutcome.ERRORED
        || outcome == StepOutcome.TIMED_OUT;
  }
}
