package dev.vigil.schedule;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;

/**
 * The hand-off of what the scheduler does to everything downstream (store, live stream, analysis,
 * metrics). Called on the scheduler's event loop: implementations must return quickly, never
 * block and never throw (a throwing listener is logged and skipped, the others still hear).
 */
public interface RunListener {

  /** A run finished (scheduled runs and their confirmation retries alike). */
  default void onRunCompleted(RunResult run) {}

  /** A tenant × journey's status changed; only transitions are reported. */
  default void onStatusChanged(StatusChange change) {}

  /** A due run did not start. */
  default void onRunSkipped(CheckKey check, SkipReason reason) {}
}
