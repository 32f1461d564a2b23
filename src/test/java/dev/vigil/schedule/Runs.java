package dev.vigil.schedule;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Run results for tests of the scheduler's bookkeeping. */
final class Runs {
  private Runs() {}

  static RunResult passed(String tenant, String journey) {
    return run(tenant, journey, Outcome.PASSED, null, false);
  }

  static RunResult slow(String tenant, String journey) {
    return run(tenant, journey, Outcome.PASSED, null, true);
  }

  static RunResult errored(String tenant, String journey, ErrorClass errorClass) {
    return run(tenant, journey, Outcome.ERRORED, errorClass, false);
  }

  static RunResult failed(String tenant, String journey) {
    return run(tenant, journey, Outcome.FAILED, ErrorClass.ASSERTION, false);
  }

  private static RunResult run(String tenant, String journey, Outcome outcome, ErrorClass errorClass, boolean overBudget) {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    return new RunResult("run-" + tenant + "-" + journey, tenant, journey, now, now, Duration.ofMillis(120),
        outcome, Optional.ofNullable(errorClass), outcome == Outcome.PASSED ? "passed" : "step x: broken",
        List.of(), List.of(), OptionalInt.of(18), overBudget, "test", RunSource.SCHEDULE);
  }
}
