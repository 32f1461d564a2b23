package dev.vigil.engine;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shutdown signal for main steps: once {@link #cut} is called, steps in flight fail with
 * {@link RunCutShort} (on their own event loop) and new ones fail at once. Only steps in flight are
 * remembered, so nothing accumulates while Vigil runs. Thread-safe.
 */
final class CutOff {
  private final Set<Guarded> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private record Guarded(Promise<Object> promise, Context context) {}

  /** The action's outcome, unless the cut comes first. Call on the step's event loop. */
  Future<Object> guard(Future<Object> action) {
    if (cut) {
      return Future.failedFuture(new RunCutShort());
    }
    Guarded guarded = new Guarded(Promise.promise(), Vertx.currentContext());
    inFlight.add(guarded);
    action.onComplete(done -> {
      inFlight.remove(guarded);
      if (done.succeeded()) {
        guarded.promise().tryComplete(done.result());
      } else {
        guarded.promise().tryFail(done.cause());
      }
    });
    if (cut) {
      fail(guarded);
    }
    return guarded.promise().future();
  }

  boolean isCut() {
    return cut;
  }

  void cut() {
    cut = true;
    inFlight.forEach(this::fail);
  }

  private void fail(Guarded guarded) {
    if (guarded.context() == null) {
      guarded.promise().tryFail(new RunCutShort());
    } else {
      guarded.context().runOnContext(ignored -> guarded.promise().tryFail(new RunCutShort()));
    }
  }
}
