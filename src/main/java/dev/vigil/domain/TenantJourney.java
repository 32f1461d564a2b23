package dev.vigil.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One journey a tenant runs: how often, with which parameter overrides, with which latency
 * budget for the whole journey (over budget = DEGRADED, not DOWN), and with which objectives.
 */
public record TenantJourney(
    String journeyId, Duration interval, Map<String, Object> params, Optional<Duration> budget, Optional<Slo> slo) {

  public TenantJourney {
    params = Map.copyOf(params);
  }

  /** Without objectives. */
  public TenantJourney(String journeyId, Duration interval, Map<String, Object> params, Optional<Duration> budget) {
    this(journeyId, interval, params, budget, Optional.empty());
  }
}
