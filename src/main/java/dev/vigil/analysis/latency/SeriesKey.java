package dev.vigil.analysis.latency;

import java.util.Optional;

/** One latency series: a tenant × journey, or one step of it when {@code step} is present. */
public record SeriesKey(String tenantId, String journeyId, Optional<String> step) {

  public static SeriesKey journey(String tenantId, String journeyId) {
    return new SeriesKey(tenantId, journeyId, Optional.empty());
  }

  public static SeriesKey step(String tenantId, String journeyId, String step) {
    return new SeriesKey(tenantId, journeyId, Optional.of(step));
  }

  @Override
  public String toString() {
    return tenantId + "/" + journeyId + step.map(s -> "/" + s).orElse("");
  }
}
