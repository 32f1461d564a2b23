package dev.vigil.metrics;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.RunListener;
import dev.vigil.schedule.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Counts and times what the scheduler reports: runs, steps, lateness, skips and status changes,
 * tagged by tenant, journey, step and enum values (lower-case), never by run id or URL.
 *
 * <p>Histograms have fixed service-level buckets and no client-side percentiles: with tens of
 * thousands of tenants, Micrometer's percentile histogram (dozens of buckets) per tenant × journey
 * × step would swamp Prometheus. Micrometer adds a {@code _max} gauge beside each histogram.
 *
 * <p>Called on the scheduler's event loop and never blocks: a run of eight steps takes about
 * 10-15 µs to record once its tag sets have been seen; the first run of a tag set registers its
 * meters, some tens of µs under the registry's lock. Meters stay until the process ends, those of
 * tenants removed from the catalog included.
 */
public final class RunMetrics implements RunListener {
  /** Odoo journeys and steps: a fast read is tens of ms, a slow stock flow tens of seconds. */
  private static final Duration[] DURATION_BUCKETS = millis(
      10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000);
  /** How late the scheduler starts a due run: nothing to tens of ms, seconds when overloaded. */
  private static final Duration[] LATENESS_BUCKETS = millis(
      5, 10, 25, 50, 100, 250, 500, 1_000, 5_000, 15_000, 60_000);

  private final MeterProvider<Timer> journeyDuration;
  private final MeterProvider<Timer> stepDuration;
  private final MeterProvider<Counter> runs;
  private final Timer lateness;
  private final MeterProvider<Counter> skipped;
  private final MeterProvider<Counter> statusChanges;

  public RunMetrics(MeterRegistry registry) {
    journeyDuration = Timer.builder("vigil.journey.duration")
        .description("Wall time of a journey run, teardown excluded")
        .serviceLevelObjectives(DURATION_BUCKETS)
        .withRegistry(registry);
    stepDuration = Timer.builder("vigil.step.duration")
        .description("Wall time of a step that ran (skipped steps are not timed), teardown steps included")
        .serviceLevelObjectives(DURATION_BUCKETS)
        .withRegistry(registry);
    runs = Counter.builder("vigil.runs")
        .description("Finished runs by outcome and error class (none when it has none)")
        .withRegistry(registry);
    lateness = Timer.builder("vigil.schedule.lateness")
        .description("How long after it was due a scheduled run started (0 when on time)")
        .serviceLevelObjectives(LATENESS_BUCKETS)
        .register(registry);
    skipped = Counter.builder("vigil.runs.skipped")
        .description("Due runs that did not start, by reason")
        .withRegistry(registry);
    statusChanges = Counter.builder("vigil.status.changes")
        .description("Transitions of a tenant x journey's status, by the status entered")
        .withRegistry(registry);
  }

  @Override
  public void onRunCompleted(RunResult run) {
    String outcome = label(run.outcome());
    journeyDuration.withTags("tenant", run.tenantId(), "journey", run.journeyId(), "outcome", outcome)
        .record(run.duration());
    runs.withTags("tenant", run.tenantId(), "journey", run.journeyId(), "outcome", outcome,
            "error_class", run.errorClass().map(RunMetrics::label).orElse("none"))
        .increment();
    Stream.concat(run.steps().stream(), run.teardown().stream())
        .filter(step -> step.outcome() != StepOutcome.SKIPPED)
        .forEach(step -> recordStep(run, step));
    // Manual and gate runs start when asked: there is no lateness of theirs to measure.
    if (run.source() == RunSource.SCHEDULE) {
      lateness.record(max(Duration.between(run.scheduledAt(), run.startedAt()), Duration.ZERO));
    }
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    statusChanges.withTags("tenant", change.tenantId(), "journey", change.journeyId(), "to", label(change.to()))
        .increment();
  }

  @Override
  public void onRunSkipped(CheckKey check, SkipReason reason) {
    skipped.withTags("tenant", check.tenantId(), "journey", check.journeyId(), "reason", label(reason))
        .increment();
  }

  private void recordStep(RunResult run, StepResult step) {
    stepDuration.withTags("tenant", run.tenantId(), "journey", run.journeyId(), "step", step.name(),
            "outcome", label(step.outcome()))
        .record(step.duration());
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration[] millis(long... values) {
    return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
  }
}
