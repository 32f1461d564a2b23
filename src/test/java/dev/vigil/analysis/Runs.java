package dev.vigil.analysis;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Synthetic finished runs for analysis tests: one step, {@code login}, taking the whole run. */
public final class Runs {
  private Runs() {}

  public static RunResult run(String tenant, String journey, Instant startedAt, long millis, boolean passed) {
    Duration duration = Duration.ofMillis(millis);
    StepResult step = new StepResult("login", "login", passed ? StepOutcome.PASSED : StepOutcome.ERRORED, duration,
        passed ? Optional.empty() : Optional.of(ErrorClass.SERVER_ERROR), passed ? "" : "boom", false, false, false,
        Map.of(), Optional.empty());
    return new RunResult(tenant + "-" + startedAt.toEpochMilli(), tenant, journey, startedAt, startedAt, duration,
        passed ? Outcome.PASSED : Outcome.ERRORED, step.errorClass(), passed ? "passed" : "boom", List.of(step),
        List.of(), OptionalInt.of(18), false, "test", RunSource.SCHEDULE);
  }

  public static RunResult passed(String tenant, String journey, Instant startedAt, long millis) {
    return run(tenant, journey, startedAt, millis, true);
  }
}
