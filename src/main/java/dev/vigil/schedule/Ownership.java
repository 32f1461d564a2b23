package dev.vigil.schedule;

import dev.vigil.domain.RunLease;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Which checks this replica runs, when several replicas share the catalog (README, "Scale-out").
 * The scheduler keeps a timer only for the checks this replica {@link #holds}, and starts a run
 * only under a {@link #lease} it can prove at that moment, so that each check runs once per
 * interval across the fleet.
 *
 * <p>Every method is called on the scheduler's event loop, and {@code changed} is called there;
 * implementations do their I/O without blocking it.
 */
public interface Ownership {

  /** The location this replica checks from: it schedules the tenants checked from there only. */
  String location();

  /**
   * Starts claiming checks. {@code changed} is called on this event loop each time checks were
   * gained or lost; a lost check must not start another run.
   */
  void start(Runnable changed);

  /** Whether this replica holds the check now (its timer runs); its lease may still need proving. */
  boolean holds(CheckKey check);

  /**
   * The lease under which a run of the check may start now; empty when this replica cannot prove
   * that it still holds the check (lost, or not renewed in time): the run must not start.
   */
  Optional<RunLease> lease(CheckKey check);

  /** Stops claiming checks and gives up every one at once; never fails. */
  Future<Void> stop();
}
