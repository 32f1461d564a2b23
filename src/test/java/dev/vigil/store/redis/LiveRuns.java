package dev.vigil.store.redis;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Runs and status changes for live-state tests: the n-th run of a check, distinct and in order. */
final class LiveRuns {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

  private LiveRuns() {}

  static RunResult run(String tenant, String journey, int n) {
    Instant due = T0.plusSeconds(60L * n);
    boolean passed = n % 3 != 0;
    return new RunResult(runId(tenant, journey, n), tenant, journey, due, due.plusMillis(4),
        Duration.ofMillis(200 + n), passed ? Outcome.PASSED : Outcome.FAILED,
        passed ? Optional.empty() : Optional.of(ErrorClass.ASSERTION), passed ? "passed" : "check-posted: state is draft",
        List.of(new StepResult("login", "call", StepOutcome.PASSED, Duration.ofMillis(120), Optional.empty(), "passed",
            false, false, false, Map.of(), Optional.empty())),
        List.of(), OptionalInt.of(18), false, "runner-1", RunSource.SCHEDULE);
  }

  static StatusChange status(String tenant, String journey, int n, Status from, Status to) {
    return new StatusChange(tenant, journey, from, to, T0.plusSeconds(60L * n), "run " + n, runId(tenant, journey, n));
  }

  static String runId(String tenant, String journey, int n) {
    return String.format("%s-%s-%05d", tenant, journey, n);
  }
}
