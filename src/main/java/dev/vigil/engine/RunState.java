package dev.vigil.engine;

import dev.vigil.domain.StepResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run has gathered so far: variables saved by {@code extract}, each step's result, the
 * step results in order, and the non-soft failure that stopped it, if any. Immutable: every step
 * returns a new state (values may be null, so copies are unmodifiable views, not {@code Map.copyOf}).
 */
public record RunState(
    Map<String, Object> vars,
    Map<String, Object> stepResults,
    List<StepResult> results,
    Optional<StepResult> stoppedBy) {

  public static RunState start() {
    return new RunState(Map.of(), Map.of(), List.of(), Optional.empty());
  }

  /** A state with one more step result, its saved variables, and its result document. */
  public RunState with(StepResult result, Map<String, Object> newVars, Optional<Object> stepResult) {
    Map<String, Object> vars = new LinkedHashMap<>(this.vars);
    vars.putAll(newVars);
    Map<String, Object> steps = new LinkedHashMap<>(this.stepResults);
    stepResult.ifPresent(value -> steps.put(result.name(), Collections.singletonMap("result", value)));
    List<StepResult> results = new ArrayList<>(this.results);
    results.add(result);
    Optional<StepResult> stopped =
        stoppedBy.isPresent() || !result.failed() || result.soft() ? stoppedBy : Optional.of(result);
    return new RunState(
        Collections.unmodifiableMap(vars),
        Collections.unmodifiableMap(steps),
        List.copyOf(results),
        stopped);
  }

  /** The same variables and results, with an empty list of step results (for teardown). */
  public RunState forTeardown() {
    return new RunState(vars, stepResults, List.of(), Optional.empty());
  }
}
