package dev.vigil.schedule;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One circuit per tenant. After {@code failuresToOpen} consecutive runs that end in a transport
 * fault (CONNECTION or TIMEOUT, the signs of an unreachable or hung server) the circuit opens: the
 * tenant's due runs are skipped, except one probe every {@code probeInterval}. The first run
 * without a transport fault closes it. Not thread-safe: confined to the scheduler's event loop.
 */
final class CircuitBreakers {
  private final int failuresToOpen;
  private final Duration probeInterval;
  private final Map<String, Integer> consecutiveFaults = new HashMap<>();
  private final Map<String, Instant> nextProbe = new HashMap<>();

  CircuitBreakers(int failuresToOpen, Duration probeInterval) {
    this.failuresToOpen = failuresToOpen;
    this.probeInterval = probeInterval;
  }

  /** Whether a due run of this tenant may start now; an allowed run of an open circuit is its probe. */
  boolean allows(String tenantId, Instant now) {
    Instant probeAt = nextProbe.get(tenantId);
    if (probeAt == null) {
      return true;
    }
    if (now.isBefore(probeAt)) {
      return false;
    }
    nextProbe.put(tenantId, now.plus(probeInterval));
    return true;
  }

  /** Counts a finished run; returns true when this run changed the circuit (opened or closed it). */
  boolean record(RunResult run, Instant now) {
    String tenant = run.tenantId();
    boolean wasOpen = nextProbe.containsKey(tenant);
    if (!isTransportFault(run)) {
      consecutiveFaults.remove(tenant);
      return nextProbe.remove(tenant) != null;
    }
    int faults = consecutiveFaults.merge(tenant, 1, Integer::sum);
    if (!wasOpen && faults >= failuresToOpen) {
      nextProbe.put(tenant, now.plus(probeInterval));
      return true;
    }
    return false;
  }

  static boolean isTransportFault(RunResult run) {
    return run.outcome() == Outcome.ERRORED
        && run.errorClass().filter(c -> c == ErrorClass.CONNECTION || c == ErrorClass.TIMEOUT).isPresent();
  }

  boolean isOpen(String tenantId) {
    return nextProbe.containsKey(tenantId);
  }

  Set<String> open() {
    return Set.copyOf(nextProbe.keySet());
  }

  /** Forgets tenants that are no longer in the catalog. */
  void retain(Set<String> tenantIds) {
    consecutiveFaults.keySet().retainAll(tenantIds);
    nextProbe.keySet().retainAll(tenantIds);
  }
}
