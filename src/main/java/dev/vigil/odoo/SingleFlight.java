package dev.vigil.odoo;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value that is expensive to get (a login, the server version), kept once got, and got by at
 * most one computation at a time: callers that ask while one is under way share its future.
 *
 * <p>Thread-safe: the client is shared by runs on several event loops. Locks are held only to read
 * and swap fields, never while the computation runs; the shared future completes on the context of
 * the caller that started it, so callers move back to their own context themselves. A failed
 * computation leaves the kept value as it was.
 */
final class SingleFlight<T> {
  private T current;
  private Future<T> pending;
  private long generation;

  /** The kept value, if any. */
  synchronized Optional<T> current() {
    return Optional.ofNullable(current);
  }

  /**
   * The kept value, or the running computation's future, or a new computation's.
   *
   * @param renew compute anew even when a value is kept (a running computation is still shared)
   */
  Future<T> get(boolean renew, Supplier<Future<T>> compute) {
    Promise<T> promise;
    long startedIn;
    synchronized (this) {
      if (!renew && current != null) {
        return Future.succeededFuture(current);
      }
      if (pending != null) {
        return pending;
      }
      promise = Promise.promise();
      pending = promise.future();
      startedIn = generation;
    }
    Future<T> computed;
    try {
      computed = compute.get();
    } catch (RuntimeException e) {
      computed = Future.failedFuture(e);
    }
    computed.onComplete(result -> settle(promise, startedIn, result));
    return promise.future();
  }

  private void settle(Promise<T> promise, long startedIn, AsyncResult<T> result) {
    synchronized (this) {
      if (pending == promise.future()) {
        pending = null;
      }
      if (result.succeeded() && generation == startedIn) {
        current = result.result();
      }
    }
    promise.handle(result);
  }

  /** Keeps a value learnt on the way (the version that came with a login). */
  synchronized void set(T value) {
    current = value;
  }

  /** Forgets the kept value if it is still {@code stale} (someone may have renewed it already). */
  synchronized void invalidate(T stale) {
    if (current == stale) {
      current = null;
    }
  }

  /** Forgets the kept value; a computation under way will not be kept either. */
  synchronized void clear() {
    current = null;
    pending = null;
    generation++;
  }
}
