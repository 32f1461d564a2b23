package dev.vigil.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One execution of one journey for one tenant.
 *
 * @param scheduledAt when the run was due (equal to {@code startedAt} for unscheduled runs)
 * @param duration the steps' wall time on a monotonic clock, teardown excluded
 * @param teardown teardown steps, reported apart: their failures do not change {@code outcome}
 * @param odooVersion the major version detected, when the run got that far
 * @param overBudget passed, but slower than a step's or the journey's latency budget
 * @param lease the lease a scheduled run was started under (location, shard, fencing token)
 */
public record RunResult(
    String runId,
    String tenantId,
    String journeyId,
    Instant scheduledAt,
    Instant startedAt,
    Duration duration,
    Outcome outcome,
    Optional<ErrorClass> errorClass,
    String message,
    List<StepResult> steps,
    List<StepResult> teardown,
    OptionalInt odooVersion,
    boolean overBudget,
    String runner,
    RunSource source,
    Optional<RunLease> lease) {

  public RunResult {
    steps = List.copyOf(steps);
    teardown = List.copyOf(teardown);
  }

  /** A run under no lease (gates, manual checks). */
  public RunResult(String runId, String tenantId, String journeyId, Instant scheduledAt, Instant startedAt,
      Duration duration, Outcome outcome, Optional<ErrorClass> errorClass, String message, List<StepResult> steps,
      List<StepResult> teardown, OptionalInt odooVersion, boolean overBudget, String runner, RunSource source) {
    this(runId, tenantId, journeyId, scheduledAt, startedAt, duration, outcome, errorClass, message, steps, teardown,
        odooVersion, overBudget, runner, source, Optional.empty());
  }

  /** Teardown steps that failed: what a journey may have left behind in the tenant's books. */
  public List<StepResult> teardownFailures() {
    return teardown.stream().filter(StepResult::failed).toList();
  }
}
