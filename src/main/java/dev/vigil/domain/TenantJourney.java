package dev.vigil.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One journey a tenant runs: how often, with which parameter overrides, and with which latency
 * budget for the whole journey (over budget = DEGRADED, not DOWN).
 */
public record TenantJourney(
    String journeyId, Duration interval, Map<String, Object> params, Optional<Duration> budget) {

  public TenantJourney {
    params = Map.copyOf(params);
  }
}
