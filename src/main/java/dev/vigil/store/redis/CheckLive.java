package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import java.util.List;
import java.util.Optional;

/**
 * The live state of one tenant × journey.
 *
 * @param status the change that brought its current status, empty before its first status
 * @param recentRuns its newest runs, newest first
 */
public record CheckLive(CheckKey check, Optional<StatusChange> status, List<RunResult> recentRuns) {
  public CheckLive {
    recentRuns = List.copyOf(recentRuns);
  }

  /** Its latest run, if it has run. */
  public Optional<RunResult> latestRun() {
    return recentRuns.stream().findFirst();
  }
}
