package dev.vigil.schedule;

import dev.vigil.domain.Status;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of the scheduler for gauges and health checks. Thread-safe: each call returns
 * a snapshot.
 */
public interface MonitorState {

  /** Runs executing now. */
  int runsInFlight();

  /** Runs due and waiting for a global slot. */
  int runsQueued();

  /** Tenants whose circuit is open (only probed until they answer again). */
  Set<String> openCircuits();

  /** The current status of every scheduled tenant × journey. */
  Map<CheckKey, Status> statuses();
}
