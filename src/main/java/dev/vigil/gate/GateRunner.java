package dev.vigil.gate;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.engine.JourneyRunner;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a gate's plan through the journey engine and judges it: each target {@code runs} times, round by round
 * (every target once, then again), with at most {@code concurrency} runs in flight. Runs have
 * source {@link RunSource#GATE} and, like scheduled runs, always run their teardown. Each run is
 * bounded by its journey's timeout (and teardown's), so the gate ends.
 *
 * <p>May be called from any thread: the runs start on one Vert.x context (the caller's, or a new
 * event-loop context) and {@code onRun} is called there for each finished run, so it must return
 * quickly and never block; if it throws, that is logged and the gate goes on. The future fails only
 * if the engine breaks its contract of never failing.
 */
public final class GateRunner {
  private static final Logger LOG = LoggerFactory.getLogger(GateRunner.class);

  private final Vertx vertx;
  private final JourneyRunner runner;
  private final RunIds runIds;
  private final InstantSource clock;

  public GateRunner(Vertx vertx, JourneyRunner runner, InstantSource clock) {
    this.vertx = vertx;
    this.runner = runner;
    this.runIds = new RunIds(clock);
    this.clock = clock;
  }

  /** Runs the plan and judges its runs ({@link GateEvaluator}). */
  public Future<GateReport> run(GatePlan plan, Consumer<RunResult> onRun) {
    Instant startedAt = clock.instant();
    Promise<List<RunResult>> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(ignored -> new Execution(plan, onRun, done).start());
    return done.future().map(runs ->
        GateEvaluator.evaluate(plan, runs, startedAt, Duration.between(startedAt, clock.instant())));
  }

  /** One gate's execution; confined to its context, so it needs no locking. */
  private final class Execution {
    private final Deque<GateTarget> pending = new ArrayDeque<>();
    private final List<RunResult> finished = new ArrayList<>();
    private final Consumer<RunResult> onRun;
    private final Promise<List<RunResult>> done;
    private final int total;
    private final int lanes;

    Execution(GatePlan plan, Consumer<RunResult> onRun, Promise<List<RunResult>> done) {
      for (int round = 0; round < plan.runs(); round++) {
        pending.addAll(plan.targets());
      }
      this.total = pending.size();
      this.lanes = Math.min(plan.concurrency(), total);
      this.onRun = onRun;
      this.done = done;
    }

    void start() {
      if (total == 0) {
        done.complete(List.of());
      }
      for (int lane = 0; lane < lanes; lane++) {
        next();
      }
    }

    private void next() {
      GateTarget target = pending.poll();
      if (target == null) {
        return;
      }
      RunRequest request = new RunRequest(target.tenant(), target.journey(), runIds.next(), RunSource.GATE,
          clock.instant());
      runner.run(request).onComplete(result -> {
        if (result.failed()) {
          done.tryFail(result.cause());
          return;
        }
        finished.add(result.result());
        hand(result.result());
        if (finished.size() == total) {
          done.complete(List.copyOf(finished));
        } else {
          next();
        }
      });
    }

    private void hand(RunResult run) {
      try {
        onRun.accept(run);
      } catch (RuntimeException e) {
        LOG.warn("gate run {} of {}/{}: its sink failed: {}", run.runId(), run.tenantId(), run.journeyId(), e.toString());
      }
    }
  }
}
