package dev.vigil.schedule;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The status of each tenant × journey, moved only by finished runs:
 *
 * <ul>
 *   <li>a pass within budget → UP; a pass over budget → DEGRADED;
 *   <li>a failure inside a maintenance window → MAINTENANCE (never DOWN, no retry);
 *   <li>a first failure → PENDING, and the scheduler retries at once to confirm it;
 *   <li>a failure while PENDING or DOWN → DOWN.
 * </ul>
 *
 * A check has no status until its first run; that first status is reported with {@code from}
 * null. Only transitions are reported. Not thread-safe: confined to the scheduler's event loop.
 */
final class StatusTracker {
  private final Map<CheckKey, Status> statuses = new HashMap<>();

  /** What a finished run means for its check: the change, if any, and whether to retry now. */
  record Verdict(Optional<StatusChange> change, boolean retryNow) {}

  Verdict record(RunResult run, boolean inMaintenance, Instant now) {
    CheckKey check = new CheckKey(run.tenantId(), run.journeyId());
    Status before = statuses.get(check);
    boolean passed = run.outcome() == Outcome.PASSED;
    Status after;
    if (passed) {
      after = run.overBudget() ? Status.DEGRADED : Status.UP;
    } else if (inMaintenance) {
      after = Status.MAINTENANCE;
    } else if (before == Status.PENDING || before == Status.DOWN) {
      after = Status.DOWN;
    } else {
      after = Status.PENDING;
    }
    statuses.put(check, after);
    Optional<StatusChange> change = after == before
        ? Optional.empty()
        : Optional.of(new StatusChange(run.tenantId(), run.journeyId(), before, after, now, run.message(), run.runId()));
    return new Verdict(change, after == Status.PENDING);
  }

  Optional<Status> status(CheckKey check) {
    return Optional.ofNullable(statuses.get(check));
  }

  Map<CheckKey, Status> snapshot() {
    return Map.copyOf(statuses);
  }

  /** Forgets checks that are no longer scheduled. */
  void retain(Set<CheckKey> checks) {
    statuses.keySet().retainAll(checks);
  }
}
