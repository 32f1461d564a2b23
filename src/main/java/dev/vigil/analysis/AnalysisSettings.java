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

  private static final Duration EVALUATE_AT_MOST_EVERY = Duration.ofSeconds(30);

  public static AnalysisSettings defaults(String runbookBase) {
    return new AnalysisSettings(Duration.ofMinutes(5), EVALUATE_AT_MOST_EVERY, EVALUATE_AT_MOST_EVERY,
        DetectionSettings.DEFAULTS, Duration.ofMinutes(5), runbookBase);
  }

  /** These settings with windows of {@code length}, evaluated every min(30 s, half a window). */
  public AnalysisSettings withWindow(Duration length) {
    Duration half = length.dividedBy(2);
    Duration every = half.compareTo(EVALUATE_AT_MOST_EVERY) < 0 ? half : EVALUATE_AT_MOST_EVERY;
    return new AnalysisSettings(length, every, sampleEvery, detection, quietPeriod, runbookBase);
  }
}
