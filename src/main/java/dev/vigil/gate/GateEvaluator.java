package dev.vigil.gate;

import dev.vigil.domain.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Judges a gate's runs against its plan. The verdict is {@link GateVerdict#CANNOT_RUN} when some
 * tenant × journey reached its target in none of its runs ({@link Reachability}) — the gate is
 * broken, whatever the thresholds say; otherwise {@link GateVerdict#FAILED} when any threshold is
 * not met, else {@link GateVerdict#PASSED}. Stateless.
 */
public final class GateEvaluator {
  private GateEvaluator() {}

  public static GateReport evaluate(GatePlan plan, List<RunResult> runs, Instant startedAt, Duration took) {
    List<JourneySummary> journeys = plan.targets().stream()
        .map(target -> JourneySummary.of(target, runs.stream()
            .filter(r -> r.tenantId().equals(target.tenant().id()) && r.journeyId().equals(target.journey().id()))
            .toList()))
        .toList();
    Sample all = Sample.ofRuns(runs);
    List<ThresholdCheck> overall = plan.overall().stream().map(t -> ThresholdCheck.of(t, "overall", all)).toList();
    List<JourneySummary> unreachable = journeys.stream().filter(JourneySummary::unreachable).toList();
    List<ThresholdCheck> failed = Stream.concat(
        journeys.stream().flatMap(j -> j.failedChecks().stream()), overall.stream().filter(c -> !c.passed())).toList();
    GateVerdict verdict;
    String reason;
    if (!unreachable.isEmpty()) {
      verdict = GateVerdict.CANNOT_RUN;
      reason = "could not run: " + unreachable.stream()
          .map(j -> j.name() + ": " + j.failedRuns().get(0).errorClass().map(Enum::name).orElse("TIMED_OUT")
              + " - " + j.failedRuns().get(0).message())
          .collect(Collectors.joining("; "));
    } else if (!failed.isEmpty()) {
      verdict = GateVerdict.FAILED;
      reason = "threshold(s) not met: " + failed.stream().map(c -> c.scope() + " " + c.describe())
          .collect(Collectors.joining("; "));
    } else {
      verdict = GateVerdict.PASSED;
      reason = "all " + (journeys.stream().mapToInt(j -> j.checks().size()).sum() + overall.size())
          + " threshold(s) met in " + runs.size() + " run(s)";
    }
    return new GateReport(startedAt, took, plan.runs(), plan.concurrency(), journeys, overall, verdict, reason);
  }
}
