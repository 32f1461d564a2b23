package dev.vigil.gate;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One tenant × journey of a gate once it ran: counts, latencies of its passed runs (ms), its
 * threshold checks, and its runs that did not pass.
 *
 * @param unreachable every run failed to reach the target ({@link Reachability})
 */
public record JourneySummary(
    String tenantId,
    String journeyId,
    int runs,
    int passed,
    OptionalDouble p50,
    OptionalDouble p95,
    OptionalDouble max,
    Duration totalTime,
    List<ThresholdCheck> checks,
    List<RunResult> failedRuns,
    boolean unreachable) {

  public JourneySummary {
    checks = List.copyOf(checks);
    failedRuns = List.copyOf(failedRuns);
  }

  static JourneySummary of(GateTarget target, List<RunResult> runs) {
    Sample sample = Sample.ofRuns(runs);
    List<ThresholdCheck> checks = target.thresholds().stream()
        .map(t -> ThresholdCheck.of(t, target.name(),
            t.step().map(step -> Sample.ofStep(runs, step)).orElse(sample)))
        .toList();
    return new JourneySummary(target.tenant().id(), target.journey().id(), runs.size(), sample.passed(),
        sample.value(Metric.percentile(50)), sample.value(Metric.percentile(95)), sample.value(Metric.of(Metric.Kind.MAX)),
        runs.stream().map(RunResult::duration).reduce(Duration.ZERO, Duration::plus),
        checks,
        runs.stream().filter(r -> r.outcome() != Outcome.PASSED).toList(),
        !runs.isEmpty() && runs.stream().allMatch(Reachability::unreachable));
  }

  /** {@code tenant/journey}. */
  public String name() {
    return tenantId + "/" + journeyId;
  }

  public boolean thresholdsMet() {
    return checks.stream().allMatch(ThresholdCheck::passed);
  }

  public List<ThresholdCheck> failedChecks() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
