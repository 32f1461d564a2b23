package dev.vigil.analysis;

import dev.vigil.analysis.latency.DetectionSettings;
import java.time.Duration;

/**
 * How the analysis runs.
 *
 * @param window length of the latency windows (at least the longest journey interval, so each
 *     window holds a run)
 * @param evaluateEvery how often windows are closed, findings classified and alerts reconciled
 * @param sampleEvery how often database activity samplers are read
 * @param quietPeriod how long an alert's cause must stay absent before it resolves
 * @param runbookBase where Vigil serves {@code /runbooks/<kind>}
 */
public record AnalysisSettings(
    Duration window, Duration evaluateEvery, Duration sampleEvery, DetectionSettings detection, Duration quietPeriod,
    String runbookBase) {

  public static AnalysisSettings defaults(String runbookBase) {
    return new AnalysisSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
        DetectionSettings.DEFAULTS, Duration.ofMinutes(5), runbookBase);
  }
}
