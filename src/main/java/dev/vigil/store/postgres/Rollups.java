package dev.vigil.store.postgres;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.store.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What runs add to the per-minute rollups: for the whole journey (step {@link #JOURNEY}) and each
 * step that ran (skipped ones did not), in the minute the run started — runs, failures, runs over
 * budget, latencies. Steps and teardown steps alike (names are unique within a journey).
 */
final class Rollups {
  /** The step name of a whole journey's rollup. */
  static final String JOURNEY = "";

  /** One rollup row, sortable so that writers always lock rows in the same order. */
  record Key(String tenantId, String journeyId, String step, Instant minute) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::tenantId).thenComparing(Key::journeyId)
        .thenComparing(Key::step).thenComparing(Key::minute);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** The counts of one row. */
  static final class Counts {
    long count;
    long failures;
    long overBudget;
    final LatencyHistogram latency = new LatencyHistogram();

    private void add(boolean failed, boolean over, Duration took) {
      count++;
      failures += failed ? 1 : 0;
      overBudget += over ? 1 : 0;
      latency.record(took);
    }
  }

  private Rollups() {}

  static Map<Key, Counts> of(Collection<RunResult> runs) {
    Map<Key, Counts> rows = new TreeMap<>();
    for (RunResult run : runs) {
      Instant minute = run.startedAt().truncatedTo(ChronoUnit.MINUTES);
      rows.computeIfAbsent(new Key(run.tenantId(), run.journeyId(), JOURNEY, minute), k -> new Counts())
          .add(run.outcome() != Outcome.PASSED, run.overBudget(), run.duration());
      for (StepResult step : concat(run)) {
        if (step.outcome() != StepOutcome.SKIPPED) {
          rows.computeIfAbsent(new Key(run.tenantId(), run.journeyId(), step.name(), minute), k -> new Counts())
              .add(step.failed(), step.overBudget(), step.duration());
        }
      }
    }
    return rows;
  }

  private static Iterable<StepResult> concat(RunResult run) {
    return () -> Stream.concat(run.steps().stream(), run.teardown().stream()).iterator();
  }
}
