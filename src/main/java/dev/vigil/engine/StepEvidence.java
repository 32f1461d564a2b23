package dev.vigil.engine;

import dev.vigil.domain.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an executor records about one attempt of a step besides its result, kept whether the step
 * passes or fails: finer timings (a navigation's TTFB) and an artifact (a screenshot). Confined to
 * the run's event loop.
 */
public final class StepEvidence {
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private Optional<String> artifact = Optional.empty();

  /** Records a timing in milliseconds. */
  public void timing(String name, double millis) {
    timings.put(name, millis);
  }

  /** Records a file kept as evidence, relative to the data directory. */
  public void artifact(String relativePath) {
    artifact = Optional.of(relativePath);
  }

  /** The result with these timings and artifact (unchanged when nothing was recorded). */
  StepResult appliedTo(StepResult result) {
    if (timings.isEmpty() && artifact.isEmpty()) {
      return result;
    }
    return new StepResult(result.name(), result.kind(), result.outcome(), result.duration(),
        result.errorClass(), result.message(), result.soft(), result.overBudget(), result.usedFallback(),
        timings, artifact.or(result::artifact));
  }
}
