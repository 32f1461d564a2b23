package dev.vigil.store.postgres;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Runs for the store tests: five steps and a teardown step, random but reproducible (fixed seed);
 * every other run under a lease.
 */
final class SampleRuns {
  static final List<String> STEPS = List.of("login", "find-partner", "create-invoice", "post-invoice", "check-posted");
  private final Random random;
  private int next;

  SampleRuns(long seed) {
    this.random = new Random(seed);
  }

  /** A run of {@code tenant}/{@code journey} started at {@code at}; about one in five fails. */
  RunResult run(String tenant, String journey, Instant at) {
    String id = String.format("run-%s-%06d", tenant, next++);
    boolean failed = random.nextInt(5) == 0;
    List<StepResult> steps = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < STEPS.size(); i++) {
      long nanos = (long) (Math.exp(random.nextGaussian() * 0.8 + 4) * 1_000_000) + random.nextInt(1000);
      boolean thisFails = failed && i == 3;
      boolean skipped = failed && i > 3;
      total += skipped ? 0 : nanos;
      steps.add(new StepResult(STEPS.get(i), "call", skipped ? StepOutcome.SKIPPED
          : thisFails ? StepOutcome.ERRORED : StepOutcome.PASSED, skipped ? Duration.ZERO : Duration.ofNanos(nanos),
          thisFails ? Optional.of(ErrorClass.VALIDATION) : Optional.empty(), thisFails ? "post: journal missing" : "",
          false, !thisFails && nanos > 150_000_000, false, i == 0 ? Map.of("ttfb", 12.5, "load", 1.0E-5) : Map.of(),
          thisFails ? Optional.of("artifacts/" + id + "/post.png") : Optional.empty()));
    }
    List<StepResult> teardown = List.of(new StepResult("delete-invoice", "unlink", StepOutcome.PASSED,
        Duration.ofNanos(3_000_123), Optional.empty(), "", false, false, false, Map.of(), Optional.empty()));
    return new RunResult(id, tenant, journey, at.minusNanos(1_234_567), at, Duration.ofNanos(total),
        failed ? Outcome.ERRORED : Outcome.PASSED, failed ? Optional.of(ErrorClass.VALIDATION) : Optional.empty(),
        failed ? "post-invoice: journal missing" : "passed", steps, teardown,
        failed ? OptionalInt.empty() : OptionalInt.of(18), total > 600_000_000, "runner-1", RunSource.SCHEDULE,
        next % 2 == 0 ? Optional.empty() : Optional.of(new RunLease("eu-west", next % 128, 1_000_000_000L + next)));
  }

  /** {@code count} runs of one check, one every {@code every}, from {@code start} (nanoseconds included). */
  List<RunResult> runs(String tenant, String journey, Instant start, Duration every, int count) {
    List<RunResult> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(run(tenant, journey, start.plus(every.multipliedBy(i)).plusNanos(random.nextInt(1_000_000_000))));
    }
    return runs;
  }
}
