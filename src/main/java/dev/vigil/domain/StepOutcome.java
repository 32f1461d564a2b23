package dev.vigil.domain;

/** How one step ended. SKIPPED: not run (an earlier failure, a version condition, nothing to clean). */
public enum StepOutcome {
  PASSED,
  FAILED,
  ERRORED,
  TIMED_OUT,
  SKIPPED
}
