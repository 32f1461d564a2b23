package dev.vigil.schedule;

import dev.vigil.domain.RunResult;
import dev.vigil.engine.JourneyRunner;
import dev.vigil.engine.RunRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event loops journeys run on: one {@link RunnerVerticle} per loop registers its context
 * here, and runs are handed out round-robin so that every core does Odoo I/O. The scheduler keeps
 * its bookkeeping on its own loop. Thread-safe.
 */
public final class RunnerPool {
  private final JourneyRunner runner;
  private final List<Context> contexts = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  public RunnerPool(JourneyRunner runner) {
    this.runner = runner;
  }

  void register(Context context) {
    contexts.add(context);
  }

  void unregister(Context context) {
    contexts.remove(context);
  }

  /**
   * Runs the journey on the next runner loop. The future completes on that loop, never fails for
   * a journey's own problems, and fails only when no runner is deployed.
   */
  public Future<RunResult> submit(RunRequest request) {
    if (contexts.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("no runner verticle is deployed"));
    }
    Context context = contexts.get(Math.floorMod(next.getAndIncrement(), contexts.size()));
    Promise<RunResult> done = Promise.promise();
    context.runOnContext(ignored -> runner.run(request).onComplete(done));
    return done.future();
  }

  /** Gives every run a last deadline for its main steps (shutdown); teardown still runs. */
  public void drain(Duration grace) {
    runner.drain(grace);
  }
}
