package dev.vigil.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.ReadinessCheck;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.SkipReason;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Run metrics, scraped from /metrics")
class RunMetricsTest {
  static final Instant DUE = Instant.parse("2025-03-04T09:00:00Z");
  static final String NORTH = "clinic-north";
  static final String BAKERY = "bakery";
  static final String INVOICE = "invoice-post";
  static final String LOGIN = "login";
  static final String JOURNEY_SECONDS = "vigil_journey_duration_seconds";
  static final String STEP_SECONDS = "vigil_step_duration_seconds";
  static final String LATENESS_SECONDS = "vigil_schedule_lateness_seconds";
  static final String URL = "https://clinic-north.odoo.example.com/web/dataset/call_kw/account.move/action_post";
  static final List<String> RUN_IDS = List.of(
      "run-7f3a9c01", "run-7f3a9c02", "run-7f3a9c03", "run-7f3a9c04");

  ServedMetrics served;
  RunMetrics runs;

  @BeforeEach
  void start(VertxTestContext ctx) {
    ServedMetrics.start(m -> new PrometheusScrape(m.registry(), List.of()), ReadinessCheck.when(() -> true, ""))
        .onComplete(ctx.succeeding(started -> {
          served = started;
          runs = new RunMetrics(started.metrics.registry());
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    served.close().onComplete(ctx.succeedingThenComplete());
  }

  /** Two passes and a failed assertion of one check, a connection error of another (manual). */
  void recordFourRuns() {
    runs.onRunCompleted(run(RUN_IDS.get(0), NORTH, INVOICE, Outcome.PASSED, Optional.empty(), 300,
        DUE, DUE.plusMillis(40), RunSource.SCHEDULE,
        List.of(step("login", StepOutcome.PASSED, 80), step("create", StepOutcome.PASSED, 120),
            step("post", StepOutcome.PASSED, 90)),
        List.of(step("cancel", StepOutcome.PASSED, 30))));
    runs.onRunCompleted(run(RUN_IDS.get(1), NORTH, INVOICE, Outcome.PASSED, Optional.empty(), 1_200,
        DUE, DUE, RunSource.SCHEDULE,
        List.of(step("login", StepOutcome.PASSED, 400), step("create", StepOutcome.PASSED, 500),
            step("post", StepOutcome.PASSED, 250)),
        List.of(step("cancel", StepOutcome.PASSED, 40))));
    // Started 5 ms "before" it was due: clocks of two replicas disagree; lateness floors at 0.
    runs.onRunCompleted(run(RUN_IDS.get(2), NORTH, INVOICE, Outcome.FAILED, Optional.of(ErrorClass.ASSERTION), 700,
        DUE, DUE.minusMillis(5), RunSource.SCHEDULE,
        List.of(step("login", StepOutcome.PASSED, 80), step("create", StepOutcome.FAILED, 600),
            step("post", StepOutcome.SKIPPED, 0)),
        List.of(step("cancel", StepOutcome.PASSED, 20))));
    runs.onRunCompleted(run(RUN_IDS.get(3), BAKERY, LOGIN, Outcome.ERRORED, Optional.of(ErrorClass.CONNECTION), 5_000,
        DUE.plusSeconds(90), DUE.plusSeconds(90), RunSource.MANUAL,
        List.of(step("login", StepOutcome.ERRORED, 5_000)),
        List.of()));
  }

  @Test
  @DisplayName("Finished runs are counted by tenant, journey, outcome and error class, 'none' when passed")
  void runsCounted(VertxTestContext ctx) {
    recordFourRuns();
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("counter", scraped.type("vigil_runs_total"));
      scraped.assertSeries("vigil_runs_total", Map.of(
          Map.of("tenant", NORTH, "journey", INVOICE, "outcome", "passed", "error_class", "none"), 2.0,
          Map.of("tenant", NORTH, "journey", INVOICE, "outcome", "failed", "error_class", "assertion"), 1.0,
          Map.of("tenant", BAKERY, "journey", LOGIN, "outcome", "errored", "error_class", "connection"), 1.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Journey durations fall into the service-level buckets of their tenant, journey and outcome")
  void journeyHistogram(VertxTestContext ctx) {
    recordFourRuns();
    Map<String, String> passed = Map.of("tenant", NORTH, "journey", INVOICE, "outcome", "passed");
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("histogram", scraped.type(JOURNEY_SECONDS));
      assertEquals(Set.of(passed,
              Map.of("tenant", NORTH, "journey", INVOICE, "outcome", "failed"),
              Map.of("tenant", BAKERY, "journey", LOGIN, "outcome", "errored")),
          scraped.labelSets(JOURNEY_SECONDS + "_count"));
      assertEquals(2.0, scraped.value(JOURNEY_SECONDS + "_count", passed));
      assertEquals(1.5, scraped.value(JOURNEY_SECONDS + "_sum", passed), 1e-9);
      assertEquals(0.0, scraped.bucket(JOURNEY_SECONDS, passed, 0.25));
      assertEquals(1.0, scraped.bucket(JOURNEY_SECONDS, passed, 0.5));
      assertEquals(1.0, scraped.bucket(JOURNEY_SECONDS, passed, 1.0));
      assertEquals(2.0, scraped.bucket(JOURNEY_SECONDS, passed, 2.5));
      assertEquals(2.0, scraped.bucket(JOURNEY_SECONDS, passed, Double.POSITIVE_INFINITY));
      Map<String, String> errored = Map.of("tenant", BAKERY, "journey", LOGIN, "outcome", "errored");
      assertEquals(0.0, scraped.bucket(JOURNEY_SECONDS, errored, 2.5));
      assertEquals(1.0, scraped.bucket(JOURNEY_SECONDS, errored, 5.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Histograms carry exactly the twelve service-level buckets and +Inf, no percentile histogram or quantiles")
  void bucketsAreTheServiceLevelOnes(VertxTestContext ctx) {
    recordFourRuns();
    Map<String, String> passed = Map.of("tenant", NORTH, "journey", INVOICE, "outcome", "passed");
    Map<String, String> loginStep = Map.of("tenant", NORTH, "journey", INVOICE, "step", "login", "outcome", "passed");
    List<Double> expected = List.of(
        0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, Double.POSITIVE_INFINITY);
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals(expected, List.copyOf(scraped.buckets(JOURNEY_SECONDS, passed).keySet()));
      assertEquals(expected, List.copyOf(scraped.buckets(STEP_SECONDS, loginStep).keySet()));
      assertTrue(scraped.samples().stream()
              .filter(s -> s.name().startsWith("vigil_"))
              .noneMatch(s -> s.labels().containsKey("quantile")),
          "no client-side percentiles");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Steps that ran are timed by step and outcome, teardown included; skipped steps are not timed")
  void stepHistogram(VertxTestContext ctx) {
    recordFourRuns();
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("histogram", scraped.type(STEP_SECONDS));
      scraped.assertSeries(STEP_SECONDS + "_count", Map.of(
          stepTags(NORTH, INVOICE, "login", "passed"), 3.0,
          stepTags(NORTH, INVOICE, "create", "passed"), 2.0,
          stepTags(NORTH, INVOICE, "create", "failed"), 1.0,
          stepTags(NORTH, INVOICE, "post", "passed"), 2.0,
          stepTags(NORTH, INVOICE, "cancel", "passed"), 3.0,
          stepTags(BAKERY, LOGIN, "login", "errored"), 1.0));
      Map<String, String> create = stepTags(NORTH, INVOICE, "create", "passed");
      assertEquals(0.62, scraped.value(STEP_SECONDS + "_sum", create), 1e-9);
      assertEquals(1.0, scraped.bucket(STEP_SECONDS, create, 0.25));
      assertEquals(2.0, scraped.bucket(STEP_SECONDS, create, 0.5));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Lateness of scheduled runs is one series without tenant, floored at zero; manual runs are left out")
  void lateness(VertxTestContext ctx) {
    recordFourRuns();
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("histogram", scraped.type(LATENESS_SECONDS));
      assertEquals(Set.of(Map.of()), scraped.labelSets(LATENESS_SECONDS + "_count"));
      assertEquals(3.0, scraped.value(LATENESS_SECONDS + "_count", Map.of()));
      assertEquals(0.04, scraped.value(LATENESS_SECONDS + "_sum", Map.of()), 1e-9);
      assertEquals(2.0, scraped.bucket(LATENESS_SECONDS, Map.of(), 0.005));
      assertEquals(2.0, scraped.bucket(LATENESS_SECONDS, Map.of(), 0.025));
      assertEquals(3.0, scraped.bucket(LATENESS_SECONDS, Map.of(), 0.05));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Skipped runs are counted by tenant, journey and reason")
  void skips(VertxTestContext ctx) {
    runs.onRunSkipped(new CheckKey(NORTH, INVOICE), SkipReason.PREVIOUS_RUN_ACTIVE);
    runs.onRunSkipped(new CheckKey(NORTH, INVOICE), SkipReason.PREVIOUS_RUN_ACTIVE);
    runs.onRunSkipped(new CheckKey(NORTH, INVOICE), SkipReason.QUEUE_FULL);
    runs.onRunSkipped(new CheckKey(BAKERY, LOGIN), SkipReason.CIRCUIT_OPEN);
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("counter", scraped.type("vigil_runs_skipped_total"));
      scraped.assertSeries("vigil_runs_skipped_total", Map.of(
          Map.of("tenant", NORTH, "journey", INVOICE, "reason", "previous_run_active"), 2.0,
          Map.of("tenant", NORTH, "journey", INVOICE, "reason", "queue_full"), 1.0,
          Map.of("tenant", BAKERY, "journey", LOGIN, "reason", "circuit_open"), 1.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Status changes are counted by tenant, journey and the status entered")
  void statusChanges(VertxTestContext ctx) {
    runs.onStatusChanged(change(NORTH, INVOICE, Status.UP, Status.PENDING, RUN_IDS.get(0)));
    runs.onStatusChanged(change(NORTH, INVOICE, Status.PENDING, Status.DOWN, RUN_IDS.get(1)));
    runs.onStatusChanged(change(NORTH, INVOICE, Status.DOWN, Status.UP, RUN_IDS.get(2)));
    runs.onStatusChanged(change(BAKERY, LOGIN, Status.UP, Status.MAINTENANCE, ""));
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("counter", scraped.type("vigil_status_changes_total"));
      scraped.assertSeries("vigil_status_changes_total", Map.of(
          Map.of("tenant", NORTH, "journey", INVOICE, "to", "pending"), 1.0,
          Map.of("tenant", NORTH, "journey", INVOICE, "to", "down"), 1.0,
          Map.of("tenant", NORTH, "journey", INVOICE, "to", "up"), 1.0,
          Map.of("tenant", BAKERY, "journey", LOGIN, "to", "maintenance"), 1.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("No series names a run id, a URL or an address, though runs, steps and changes carried them")
  void noHighCardinalityTags(VertxTestContext ctx) {
    recordFourRuns();
    runs.onStatusChanged(change(NORTH, INVOICE, Status.UP, Status.PENDING, RUN_IDS.get(2)));
    Set<String> allowed = Set.of("tenant", "journey", "step", "outcome", "error_class", "reason", "to", "le");
    Set<String> forbidden = Set.of("run_id", "runid", "run", "url", "uri", "path", "route", "remote", "local");
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      Set<String> vigilKeys = new TreeSet<>();
      scraped.samples().stream().filter(s -> s.name().startsWith("vigil_"))
          .forEach(s -> vigilKeys.addAll(s.labels().keySet()));
      assertTrue(vigilKeys.containsAll(Set.of("tenant", "journey", "step", "outcome", "error_class", "to")), vigilKeys.toString());
      assertTrue(allowed.containsAll(vigilKeys), vigilKeys.toString());
      for (Scraped.Sample sample : scraped.samples()) {
        for (Map.Entry<String, String> label : sample.labels().entrySet()) {
          assertFalse(forbidden.contains(label.getKey()), sample.toString());
          assertFalse(label.getValue().contains("://"), sample.toString());
          assertFalse(RUN_IDS.stream().anyMatch(label.getValue()::contains), sample.toString());
        }
      }
      ctx.completeNow();
    })));
  }

  static Map<String, String> stepTags(String tenant, String journey, String step, String outcome) {
    return Map.of("tenant", tenant, "journey", journey, "step", step, "outcome", outcome);
  }

  static StepResult step(String name, StepOutcome outcome, long millis) {
    Optional<ErrorClass> error = switch (outcome) {
      case FAILED -> Optional.of(ErrorClass.ASSERTION);
      case ERRORED -> Optional.of(ErrorClass.CONNECTION);
      default -> Optional.empty();
    };
    String message = outcome == StepOutcome.PASSED ? "" : "POST " + URL + " gave up";
    return new StepResult(name, "odoo", outcome, Duration.ofMillis(millis), error, message, false, false, false, Map.of(),
        Optional.empty());
  }

  static RunResult run(String runId, String tenant, String journey, Outcome outcome, Optional<ErrorClass> error,
      long millis, Instant due, Instant started, RunSource source, List<StepResult> steps, List<StepResult> teardown) {
    return new RunResult(runId, tenant, journey, due, started, Duration.ofMillis(millis), outcome, error,
        outcome == Outcome.PASSED ? "" : "at " + URL, steps, teardown, OptionalInt.of(17), false, "runner-a", source);
  }

  static StatusChange change(String tenant, String journey, Status from, Status to, String runId) {
    return new StatusChange(tenant, journey, from, to, DUE, "run " + runId + " at " + URL, runId);
  }
}
