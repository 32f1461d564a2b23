package dev.vigil.engine;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.Condition;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.journey.Template;
import dev.vigil.journey.ValuePath;
import dev.vigil.odoo.OdooClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs one step: its condition, its action (through the executor registry) under the tighter of
 * the step's timeout and the phase's deadline, its assertions and extractions, and its fallback
 * when it fails. Completes with a {@link StepReport}; never fails. Runs on the run's event loop.
 */
final class StepRunner {
  private final Vertx vertx;
  private final StepExecutors executors;
  private final InstantSource clock;
  private final LongSupplier nanoTime;

  StepRunner(Vertx vertx, StepExecutors executors, InstantSource clock, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.executors = executors;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /**
   * Where a step runs: the run, its Odoo client, the state so far, the phase's deadline, and the
   * shutdown signal that cuts main steps short (teardown ignores it).
   */
  record Call(
      RunRequest request, OdooClient odoo, RunState state, Deadline deadline, boolean teardown,
      CutOff cutOff, RunResources resources) {}

  Future<StepReport> run(Step step, Call call) {
    if (!call.teardown() && call.state().stoppedBy().isPresent()) {
      return Future.succeededFuture(
          skipped(step, "not run: step " + call.state().stoppedBy().get().name() + " failed"));
    }
    return conditionHolds(step, call).compose(
        holds -> holds
            ? attemptWithFallback(step, call)
            : Future.succeededFuture(skipped(step, "skipped: condition '" + step.when().get().text() + "' does not hold")),
        error -> Future.succeededFuture(
            failed(step, call, error, Duration.ZERO, call.deadline().binds(step.timeout()), false)));
  }

  private Future<Boolean> conditionHolds(Step step, Call call) {
    if (step.when().isEmpty()) {
      return Future.succeededFuture(true);
    }
    var condition = step.when().get();
    // Ask Odoo its version only when the other clauses hold: a teardown step whose variable was
    // never set must be skipped without a call, even while Odoo cannot be reached.
    boolean variablesHold = condition.clauses().stream()
        .filter(clause -> !(clause instanceof Condition.OdooVersion))
        .allMatch(clause -> clause.holds(0, call.state().vars()));
    Future<Integer> version = variablesHold && condition.needsVersion()
        ? call.odoo().version(call.deadline().cap(step.timeout()))
        : Future.succeededFuture(0);
    return version.map(major -> variablesHold && condition.holds(major, call.state().vars()));
  }

  private Future<StepReport> attemptWithFallback(Step step, Call call) {
    return attempt(step, call).compose(own -> own.result().failed() && step.fallback().isPresent()
        ? attempt(step.fallback().get(), call).map(fallback -> merged(step, own, fallback))
        : Future.succeededFuture(own));
  }

  private Future<StepReport> attempt(Step step, Call call) {
    long started = nanoTime.getAsLong();
    Duration limit = call.deadline().cap(step.timeout());
    boolean journeyBinds = call.deadline().binds(step.timeout());
    Deadline stepDeadline = Deadline.after(limit, nanoTime);
    StepEvidence evidence = new StepEvidence();
    return execute(step, call, limit, stepDeadline, evidence).transform(done -> {
      Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
      StepReport report = done.succeeded()
          ? checked(step, call, done.result(), took)
          : failed(step, call, done.cause(), took, journeyBinds, stepDeadline.remaining().isZero());
      return Future.succeededFuture(report.withEvidence(evidence));
    });
  }

  private Future<Object> execute(
      Step step, Call call, Duration limit, Deadline stepDeadline, StepEvidence evidence) {
    boolean cuttable = !call.teardown();
    if (cuttable && call.cutOff().isCut()) {
      return Future.failedFuture(new RunCutShort());
    }
    if (limit.isZero()) {
      return Future.failedFuture(new TimeoutException("no time left"));
    }
    StepContext context = new StepContext(vertx, call.request().tenant(), call.odoo(),
        bindings(call), stepDeadline,
        new StepContext.Run(call.request().runId(), step.name(), call.resources(), evidence));
    Future<Object> action;
    try {
      action = executors.execute(step.action(), context).timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException renderingFailed) {
      return Future.failedFuture(renderingFailed);
    }
    return cuttable ? call.cutOff().guard(action) : action;
  }

  private Map<String, Object> bindings(Call call) {
    return RunBindings.of(call.request(), call.state(), call.odoo().session(), clock.instant());
  }

  private StepReport checked(Step step, Call call, Object value, Duration took) {
    try {
      return check(step, call, value, took);
    } catch (RuntimeException unusable) {
      // An expected value that renders to nothing or to an invalid pattern, numbers compared with
      // text: the step fails like any other, so the run still ends with a result and its teardown.
      return failed(step, call, unusable, took, false, false);
    }
  }

  private StepReport check(Step step, Call call, Object value, Duration took) {
    Map<String, Object> document = Collections.singletonMap("result", value);
    Map<String, Object> bindings = bindings(call);
    for (Assertion assertion : step.assertions()) {
      Optional<String> why = Checks.failure(assertion, document, bindings);
      if (why.isPresent()) {
        return new StepReport(failure(step, new Failure(StepOutcome.FAILED, ErrorClass.ASSERTION, why.get()), took),
            Map.of(), Optional.ofNullable(value));
      }
    }
    Map<String, Object> saved = new LinkedHashMap<>();
    for (var entry : step.extract().entrySet()) {
      try {
        saved.put(entry.getKey(), Checks.plain(ValuePath.parse(entry.getValue()).read(document)));
      } catch (ValuePath.MissingValueException missing) {
        Failure failure = new Failure(StepOutcome.FAILED, ErrorClass.ASSERTION,
            "cannot extract " + entry.getKey() + ": " + missing.getMessage());
        return new StepReport(failure(step, failure, took), Map.of(), Optional.ofNullable(value));
      }
    }
    boolean overBudget = step.budget().map(budget -> took.compareTo(budget) > 0).orElse(false);
    String note = overBudget
        ? "over budget: " + took.toMillis() + " ms > " + step.budget().get().toMillis() + " ms"
        : "";
    StepResult passed = new StepResult(step.name(), step.action().kind(), StepOutcome.PASSED, took,
        Optional.empty(), note, step.soft(), overBudget, false, Map.of(), Optional.empty());
    return new StepReport(passed, saved, Optional.ofNullable(value));
  }

  /**
   * @param limitReached the step's time was up when it failed: a TIMEOUT fault from the executor
   *     then means the same as the runner's own time-out (whichever timer fired first)
   */
  private StepReport failed(
      Step step, Call call, Throwable error, Duration took, boolean journeyBinds, boolean limitReached) {
    if (call.teardown() && error instanceof Template.UnresolvedException unresolved) {
      return skipped(step, "skipped: nothing to clean up, " + unresolved.getMessage());
    }
    return StepReport.of(failure(step, Failure.of(error, journeyBinds, limitReached, step.timeout()), took));
  }

  private static StepReport merged(Step step, StepReport own, StepReport fallback) {
    StepResult fb = fallback.result();
    String message = "own action failed (" + own.result().message() + "); fallback " + fb.name()
        + (fb.failed() ? " failed too: " + fb.message() : " passed");
    StepResult result = new StepResult(step.name(), step.action().kind(), fb.outcome(),
        own.result().duration().plus(fb.duration()), fb.errorClass(), message, step.soft(),
        fb.overBudget(), true, fb.timings(), fb.artifact());
    return new StepReport(result, fallback.saved(), fallback.value());
  }

  private static StepResult failure(Step step, Failure failure, Duration took) {
    return new StepResult(step.name(), step.action().kind(), failure.outcome(), took,
        Optional.of(failure.errorClass()), failure.message(), step.soft(), false, false, Map.of(), Optional.empty());
  }

  private static StepReport skipped(Step step, String why) {
    return StepReport.of(new StepResult(step.name(), step.action().kind(), StepOutcome.SKIPPED,
        Duration.ZERO, Optional.empty(), why, step.soft(), false, false, Map.of(), Optional.empty()));
  }
}
