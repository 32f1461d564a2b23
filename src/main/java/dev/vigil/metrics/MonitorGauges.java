package dev.vigil.metrics;

import dev.vigil.domain.Status;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.MonitorState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scheduler's state as gauges: {@code vigil_runs_in_flight} and {@code vigil_runs_queued},
 * read at each scrape, and {@code vigil_circuit_open{tenant}} and
 * {@code vigil_journey_status{tenant,journey}}, whose series follow the tenants and journeys
 * present at the last {@link #refresh()}: a tenant removed by a catalog reload loses its series,
 * a new one gains them.
 *
 * <p>Thread-safe. {@link #refresh()} copies a snapshot of the state (100k tenant × journeys at
 * 20,000 tenants: about 0.1 s; a few seconds when a reload changed the set and rows
 * are registered), so call it off the event loop, as {@link PrometheusScrape} does before each
 * scrape.
 */
public final class MonitorGauges {
  private final MonitorState state;
  private final MultiGauge circuitOpen;
  private final MultiGauge journeyStatus;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  public MonitorGauges(MeterRegistry registry, MonitorState state) {
    this.state = state;
    Gauge.builder("vigil.runs.in.flight", state, MonitorState::runsInFlight)
        .description("Runs executing now")
        .strongReference(true)
        .register(registry);
    Gauge.builder("vigil.runs.queued", state, MonitorState::runsQueued)
        .description("Due runs waiting for a global slot")
        .strongReference(true)
        .register(registry);
    circuitOpen = MultiGauge.builder("vigil.circuit.open")
        .description("1 while a tenant's circuit is open (it is only probed), else 0")
        .register(registry);
    journeyStatus = MultiGauge.builder("vigil.journey.status")
        .description("Status of a tenant x journey: " + statusCodes())
        .register(registry);
  }

  /**
   * Takes a snapshot of the state and brings the per-tenant and per-journey series in line with
   * it. Rows read their value from the latest snapshot, so rows are only registered or removed
   * when the set of tenants or tenant × journeys changed (a catalog reload), not on every refresh:
   * MultiGauge's overwrite would remove and re-add each of 100k rows every time.
   */
  public synchronized void refresh() {
    Snapshot previous = snapshot;
    Snapshot next = Snapshot.of(state.openCircuits(), state.statuses());
    snapshot = next;
    if (!next.tenants().equals(previous.tenants())) {
      circuitOpen.register(next.tenants().stream()
          .map(tenant -> MultiGauge.Row.of(Tags.of("tenant", tenant), tenant, this::circuitValue))
          .toList(), false);
    }
    if (!next.statuses().keySet().equals(previous.statuses().keySet())) {
      journeyStatus.register(next.statuses().keySet().stream()
          .map(key -> MultiGauge.Row.of(
              Tags.of("tenant", key.tenantId(), "journey", key.journeyId()), key, this::statusValue))
          .toList(), false);
    }
  }

  private double circuitValue(String tenant) {
    return snapshot.openCircuits().contains(tenant) ? 1 : 0;
  }

  /** NaN for the moment between a new snapshot and the removal of a row it no longer holds. */
  private double statusValue(CheckKey key) {
    Status status = snapshot.statuses().get(key);
    return status == null ? Double.NaN : status.code();
  }

  private static String statusCodes() {
    return Arrays.stream(Status.values())
        .map(status -> status.code() + " " + status.name())
        .collect(Collectors.joining(", "));
  }

  /** @param tenants every tenant with a status or an open circuit */
  private record Snapshot(Set<String> openCircuits, Map<CheckKey, Status> statuses, Set<String> tenants) {
    static final Snapshot EMPTY = new Snapshot(Set.of(), Map.of(), Set.of());

    static Snapshot of(Set<String> openCircuits, Map<CheckKey, Status> statuses) {
      Set<String> tenants = new HashSet<>(openCircuits);
      statuses.keySet().forEach(key -> tenants.add(key.tenantId()));
      return new Snapshot(Set.copyOf(openCircuits), Map.copyOf(statuses), Set.copyOf(tenants));
    }
  }
}
