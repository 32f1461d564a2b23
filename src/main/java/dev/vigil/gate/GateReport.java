package dev.vigil.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A finished gate: what ran, how each tenant × journey did, the overall checks, the verdict and a
 * one-line reason (naming the failed thresholds, or what could not be reached).
 */
public record GateReport(
    Instant startedAt,
    Duration took,
    int runsPerTarget,
    int concurrency,
    List<JourneySummary> journeys,
    List<ThresholdCheck> overall,
    GateVerdict verdict,
    String reason) {

  public GateReport {
    journeys = List.copyOf(journeys);
    overall = List.copyOf(overall);
  }

  /** Every check, scoped ones first. */
  public List<ThresholdCheck> checks() {
    return Stream.concat(journeys.stream().flatMap(j -> j.checks().stream()), overall.stream()).toList();
  }

  public boolean passed() {
    return verdict == GateVerdict.PASSED;
  }
}
