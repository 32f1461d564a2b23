package dev.vigil.gate;

import java.util.List;

/**
 * A gate as asked for, before validation: tenant and journey ids, runs per tenant × journey,
 * concurrency, and thresholds as written (none: each tenant × journey's defaults).
 */
public record GateRequest(
    List<String> tenants, List<String> journeys, int runs, int concurrency, List<String> thresholds) {
  public static final int DEFAULT_RUNS = 1;
  public static final int DEFAULT_CONCURRENCY = 1;
  /** More runs than this in one gate is a mistake, not a gate. */
  public static final int MAX_RUNS = 10_000;
  /** At most this many runs at once: a gate must not become its target's noisy neighbour. */
  public static final int MAX_CONCURRENCY = 64;

  public GateRequest {
    tenants = List.copyOf(tenants);
    journeys = List.copyOf(journeys);
    thresholds = List.copyOf(thresholds);
  }
}
