package dev.vigil.engine;

import dev.vigil.domain.StepResult;
import java.util.Map;
import java.util.Optional;

/**
 * What one step produced: its result line, the variables it saved, and its result value (absent
 * when the action gave none). Values may be null, hence no {@code Map.copyOf}.
 */
record StepReport(StepResult result, Map<String, Object> saved, Optional<Object> value) {

  static StepReport of(StepResult result) {
    return new StepReport(result, Map.of(), Optional.empty());
  }

  /** This report with the step's timings and artifact. */
  StepReport withEvidence(StepEvidence evidence) {
    return new StepReport(evidence.appliedTo(result), saved, value);
  }

  RunState appliedTo(RunState state) {
    return state.with(result, saved, value);
  }
}
