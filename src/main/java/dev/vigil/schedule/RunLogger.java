package dev.vigil.schedule;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per finished run (INFO when it passed, WARN otherwise, with the failing step and
 * error class), every status change, and teardown failures — always with tenant, journey and run
 * id, never a secret (run messages are already masked). Set the logger
 * {@code dev.vigil.schedule.RunLogger} to {@code warn} to keep only failures.
 */
public final class RunLogger implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(RunLogger.class);

  @Override
  public void onRunCompleted(RunResult run) {
    long late = Math.max(0, Duration.between(run.scheduledAt(), run.startedAt()).toMillis());
    if (run.outcome() == Outcome.PASSED) {
      LOG.info("{}/{} PASSED{} in {} ms, {} ms late (run {})", run.tenantId(), run.journeyId(),
          run.overBudget() ? " over budget" : "", run.duration().toMillis(), late, run.runId());
    } else {
      LOG.warn("{}/{} {} ({}) in {} ms (run {}): {}", run.tenantId(), run.journeyId(), run.outcome(),
          run.errorClass().map(Enum::name).orElse("?"), run.duration().toMillis(), run.runId(), run.message());
    }
    if (!run.teardownFailures().isEmpty()) {
      LOG.warn("{}/{} run {}: {} teardown step(s) failed, records may be left behind: {}", run.tenantId(),
          run.journeyId(), run.runId(), run.teardownFailures().size(), run.teardownFailures().get(0).message());
    }
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    String line = change.tenantId() + "/" + change.journeyId() + " is " + change.to()
        + (change.from() == null ? "" : " (was " + change.from() + ")") + ", run " + change.runId();
    if (change.to() == Status.DOWN || change.to() == Status.PENDING) {
      LOG.warn("{}: {}", line, change.reason());
    } else {
      LOG.info(line);
    }
  }

  @Override
  public void onRunSkipped(CheckKey check, SkipReason reason) {
    LOG.debug("{} skipped: {}", check, reason);
  }
}
