package dev.vigil.gate.report;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepResult;

/**
 * A run that did not pass, as reports tell it: the step that stopped it (the first non-soft step
 * that failed; {@code -} when none did, as when the journey's time ran out between steps) and why.
 */
record FailedRun(String runId, String outcome, String errorClass, String step, String message) {

  static FailedRun of(RunResult run) {
    String step = run.steps().stream().filter(s -> s.failed() && !s.soft()).findFirst()
        .map(StepResult::name).orElse("-");
    String message = run.steps().stream().filter(s -> s.failed() && !s.soft()).findFirst()
        .map(StepResult::message).orElse(run.message());
    return new FailedRun(run.runId(), run.outcome().name(), run.errorClass().map(Enum::name).orElse(""), step, message);
  }

  /** {@code run 01a…: ERRORED (CONNECTION) at step login: connection refused}. */
  String describe() {
    return "run " + runId + ": " + outcome + (errorClass.isEmpty() ? "" : " (" + errorClass + ")")
        + " at step " + step + ": " + message;
  }
}
