package dev.vigil.schedule;

/** Why a due run did not start. Each is counted ({@code vigil_runs_skipped_total{reason}}). */
public enum SkipReason {
  /** The previous run of the same tenant × journey is still going: no pile-up. */
  PREVIOUS_RUN_ACTIVE,
  /** The tenant already has its maximum of runs in flight. */
  TENANT_AT_CAPACITY,
  /** The tenant's circuit is open after repeated transport faults; it is only probed. */
  CIRCUIT_OPEN,
  /** Every global slot is taken and the wait queue is full. */
  QUEUE_FULL,
  /**
   * This replica could not prove it still holds the check's lease when the run was to start (Redis
   * slow or away, the process paused): the run is not started, so that no two replicas run it.
   */
  LEASE_UNPROVEN
}
