package dev.vigil.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a journey: an action plus what to check and keep from its result.
 *
 * <p>Paths in {@code extract} and {@code assertions} are read from the step's result document
 * {@code {"result": <value>}} (see {@code dev.vigil.journey.ValuePath}).
 *
 * @param timeout limit for this step, retries and wizard-following included
 * @param budget latency budget; a passing step over budget makes the run DEGRADED
 * @param soft a failed soft step is reported but does not stop the journey
 * @param when run only when this condition holds (Odoo version, variables set or equal)
 * @param extract variable name to path; saved as {@code ${vars.name}}
 * @param fallback run instead when this step fails (e.g. cancel when delete is refused)
 */
public record Step(
    String name,
    StepAction action,
    Duration timeout,
    Optional<Duration> budget,
    boolean soft,
    Optional<Condition> when,
    Map<String, String> extract,
    List<Assertion> assertions,
    Optional<Step> fallback,
    SourcePos source) {

  public Step {
    extract = Map.copyOf(extract);
    assertions = List.copyOf(assertions);
  }
}
