package dev.vigil.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Service-level objectives of one tenant × journey over a rolling {@code period}: the share of
 * runs that must pass ({@code success}, e.g. 0.995) and the share of passed runs that must finish
 * within {@code latencyThreshold} ({@code latency}, e.g. 0.95). The threshold defaults to the
 * journey's budget; without either, only the success objective applies.
 */
public record Slo(double success, double latency, Optional<Duration> latencyThreshold, Duration period) {
  /** The SRE workbook's usual period. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  public Slo {
    if (!(success > 0 && success < 1) || !(latency > 0 && latency < 1)) {
      throw new IllegalArgumentException("objectives are ratios strictly between 0 and 1");
    }
  }
}
