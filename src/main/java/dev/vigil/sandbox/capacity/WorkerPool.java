package dev.vigil.sandbox.capacity;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of workers (Odoo's {@code --workers}): a request takes a worker or waits, first
 * come first served, until one is released. Acquire and release run on the sandbox's context;
 * the counts may be read from any thread.
 */
public final class WorkerPool {
  private final Context context;
  private final int workers;
  private final ArrayDeque<Promise<Lease>> waiting = new ArrayDeque<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger queued = new AtomicInteger();

  public WorkerPool(Context context, int workers) {
    this.context = context;
    this.workers = workers;
  }

  /** A worker, now if one is free, else when one is released to this request. */
  public Future<Lease> acquire() {
    if (busy.get() < workers) {
      busy.incrementAndGet();
      return Future.succeededFuture(new Lease(false));
    }
    Promise<Lease> promise = Promise.promise();
    waiting.add(promise);
    queued.set(waiting.size());
    return promise.future();
  }

  /** Requests waiting for a worker now. */
  public int queueDepth() {
    return queued.get();
  }

  /** Workers held now. */
  public int busyWorkers() {
    return busy.get();
  }

  private void handOver() {
    Promise<Lease> next = waiting.poll();
    queued.set(waiting.size());
    if (next == null) {
      busy.decrementAndGet();
    } else {
      // the next request continues in its own event, not inside the releasing one's stack
      context.runOnContext(ignored -> next.complete(new Lease(true)));
    }
  }

  /** A held worker; release it exactly once. */
  public final class Lease {
    private final boolean waited;
    private boolean released;

    private Lease(boolean waited) {
      this.waited = waited;
    }

    /** Whether the request had to wait for this worker. */
    public boolean waited() {
      return waited;
    }

    public void release() {
      if (!released) {
        released = true;
        handOver();
      }
    }
  }
}
