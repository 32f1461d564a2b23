package dev.vigil.metrics;

import dev.vigil.domain.Status;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.MonitorState;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A scheduler's state set by the test; read from any thread, as the real one is. */
public final class FakeMonitorState implements MonitorState {
  private volatile int inFlight;
  private volatile int queued;
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  private final Map<CheckKey, Status> statuses = new ConcurrentHashMap<>();

  public FakeMonitorState inFlight(int runs) {
    inFlight = runs;
    return this;
  }

  public FakeMonitorState queued(int runs) {
    queued = runs;
    return this;
  }

  public FakeMonitorState status(String tenant, String journey, Status status) {
    statuses.put(new CheckKey(tenant, journey), status);
    return this;
  }

  public FakeMonitorState circuitOpen(String tenant, boolean isOpen) {
    if (isOpen) {
      open.add(tenant);
    } else {
      open.remove(tenant);
    }
    return this;
  }

  /** A catalog reload dropped the tenant: its checks and circuit are gone. */
  public FakeMonitorState removeTenant(String tenant) {
    statuses.keySet().removeIf(key -> key.tenantId().equals(tenant));
    open.remove(tenant);
    return this;
  }

  @Override
  public int runsInFlight() {
    return inFlight;
  }

  @Override
  public int runsQueued() {
    return queued;
  }

  @Override
  public Set<String> openCircuits() {
    return Set.copyOf(open);
  }

  @Override
  public Map<CheckKey, Status> statuses() {
    return Map.copyOf(statuses);
  }
}
