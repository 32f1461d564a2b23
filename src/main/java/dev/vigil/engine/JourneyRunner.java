package dev.vigil.engine;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.odoo.OdooClient;
import dev.vigil.odoo.OdooSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs one journey once for one tenant: the steps in order until a non-soft step fails or the
 * journey's time limit runs out, then every teardown step under a fresh allowance of the same
 * length, whatever happened before. Durations come from a monotonic clock.
 *
 * <p>Call from a Vert.x context (an event loop); the returned future completes there and never
 * fails: every problem becomes part of the {@link RunResult}. Thread-safe: one runner serves
 * several event loops.
 *
 * <p>On shutdown, {@link #drain} gives runs a last grace period: then the main steps still running
 * are cut short (the run ends TIMED_OUT) and teardown runs as always, so nothing is left behind.
 */
public final class JourneyRunner {
  private final Function<Tenant, OdooClient> odooClients;
  private final StepRunner steps;
  private final InstantSource clock;
  private final LongSupplier nanoTime;
  private final String runnerName;
  private final Vertx vertx;
  private final CutOff cutOff = new CutOff();

  /**
   * @param odooClients the tenant's shared Odoo client (sessions outlive runs)
   * @param runnerName who ran it (host or replica name), recorded with each run
   */
  public JourneyRunner(
      Vertx vertx,
      StepExecutors executors,
      Function<Tenant, OdooClient> odooClients,
      InstantSource clock,
      LongSupplier nanoTime,
      String runnerName) {
    this.odooClients = odooClients;
    this.steps = new StepRunner(vertx, executors, clock, nanoTime);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.runnerName = runnerName;
    this.vertx = vertx;
  }

  /** After {@code grace}, main steps of every run (running or new) are cut short; teardown still runs. */
  public void drain(Duration grace) {
    vertx.setTimer(Math.max(1, grace.toMillis()), id -> cutOff.cut());
  }

  public Future<RunResult> run(RunRequest request) {
    Instant startedAt = clock.instant();
    long started = nanoTime.getAsLong();
    OdooClient odoo = odooClients.apply(request.tenant());
    Deadline deadline = Deadline.after(request.journey().timeout(), nanoTime);
    RunResources resources = new RunResources();
    return runAll(request.journey().steps(), 0, request, odoo, RunState.start(), deadline, false, resources)
        .compose(main -> {
          Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
          Deadline teardownDeadline = Deadline.after(request.journey().timeout(), nanoTime);
          return runAll(request.journey().teardown(), 0, request, odoo, main.forTeardown(), teardownDeadline, true, resources)
              .compose(teardown -> resources.closeAll()
                  .map(closed -> result(request, startedAt, took, main, teardown, odoo.session())));
        });
  }

  private Future<RunState> runAll(
      List<Step> list, int index, RunRequest request, OdooClient odoo, RunState state,
      Deadline deadline, boolean teardown, RunResources resources) {
    if (index == list.size()) {
      return Future.succeededFuture(state);
    }
    StepRunner.Call call = new StepRunner.Call(request, odoo, state, deadline, teardown, cutOff, resources);
    return steps.run(list.get(index), call)
        .compose(report -> runAll(list, index + 1, request, odoo, report.appliedTo(state), deadline, teardown, resources));
  }

  private RunResult result(
      RunRequest request, Instant startedAt, Duration took, RunState main, RunState teardown,
      Optional<OdooSession> session) {
    Optional<StepResult> failure = main.stoppedBy();
    Outcome outcome = failure.map(f -> outcomeOf(f.outcome())).orElse(Outcome.PASSED);
    boolean overBudget = main.results().stream().anyMatch(StepResult::overBudget)
        || request.tenant().journey(request.journey().id())
            .flatMap(tj -> tj.budget()).map(budget -> took.compareTo(budget) > 0).orElse(false);
    String message = failure.map(f -> f.name() + ": " + f.message()).orElse(overBudget ? "passed, over budget" : "passed");
    return new RunResult(
        request.runId(),
        request.tenant().id(),
        request.journey().id(),
        request.scheduledAt(),
        startedAt,
        took,
        outcome,
        failure.flatMap(f -> outcome == Outcome.FAILED ? Optional.of(ErrorClass.ASSERTION) : f.errorClass()),
        message,
        main.results(),
        teardown.results(),
        session.map(s -> OptionalInt.of(s.majorVersion())).orElse(OptionalInt.empty()),
        overBudget,
        runnerName,
        request.source(),
        request.lease());
  }

  private static Outcome outcomeOf(StepOutcome step) {
    return switch (step) {
      case FAILED -> Outcome.FAILED;
      case TIMED_OUT -> Outcome.TIMED_OUT;
      default -> Outcome.ERRORED;
    };
  }
}
