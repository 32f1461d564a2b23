package dev.vigil.gate;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What thresholds are measured on: how many runs (or steps) there were, how many passed, and the
 * latencies in milliseconds of those that passed — a failed run's time says nothing of the
 * release's speed. Percentiles are nearest-rank (p95 of 20 runs is the 19th fastest).
 */
public final class Sample {
  private final int total;
  private final int passed;
  private final double[] millis;

  private Sample(int total, int passed, double[] millis) {
    this.total = total;
    this.passed = passed;
    this.millis = millis;
    Arrays.sort(this.millis);
  }

  /** The runs' journey durations (teardown excluded). */
  public static Sample ofRuns(List<RunResult> runs) {
    double[] millis = runs.stream().filter(r -> r.outcome() == Outcome.PASSED)
        .mapToDouble(r -> toMillis(r.duration())).toArray();
    return new Sample(runs.size(), millis.length, millis);
  }

  /** The named step's results in the runs (main or teardown); skipped steps do not count. */
  public static Sample ofStep(List<RunResult> runs, String step) {
    List<StepResult> results = runs.stream()
        .flatMap(r -> Stream.concat(r.steps().stream(), r.teardown().stream()))
        .filter(s -> s.name().equals(step) && s.outcome() != StepOutcome.SKIPPED)
        .toList();
    double[] millis = results.stream().filter(s -> s.outcome() == StepOutcome.PASSED)
        .mapToDouble(s -> toMillis(s.duration())).toArray();
    return new Sample(results.size(), millis.length, millis);
  }

  public int total() {
    return total;
  }

  public int passed() {
    return passed;
  }

  /** The metric's value; empty when there is nothing to measure (no runs, or no passed run for a latency). */
  public OptionalDouble value(Metric metric) {
    if (metric.kind() == Metric.Kind.SUCCESS) {
      return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / total);
    }
    if (millis.length == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(switch (metric.kind()) {
      case PERCENTILE -> percentile(metric.percentile());
      case MEDIAN -> percentile(50);
      case AVERAGE -> Arrays.stream(millis).average().orElseThrow();
      case MIN -> millis[0];
      case MAX -> millis[millis.length - 1];
      case SUCCESS -> throw new IllegalStateException("handled above");
    });
  }

  private double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * millis.length);
    return millis[Math.max(0, rank - 1)];
  }

  private static double toMillis(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
