package dev.vigil.engine.browser;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore that never blocks: {@link #acquire} completes when a permit is free, in
 * FIFO order, or fails after the wait allowed. Thread-safe.
 */
final class Permits {
  private final int max;
  private final ScheduledExecutorService timers;
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int used;

  Permits(int max, ScheduledExecutorService timers) {
    this.max = max;
    this.timers = timers;
  }

  /** Completes with a permit, or fails with a {@link BrowserFault} after {@code wait}. */
  CompletableFuture<Void> acquire(Duration wait) {
    CompletableFuture<Void> permit = new CompletableFuture<>();
    synchronized (this) {
      if (used < max) {
        used++;
        permit.complete(null);
        return permit;
      }
      waiting.add(permit);
    }
    timers.schedule(() -> {
      synchronized (this) {
        waiting.remove(permit);
      }
      permit.completeExceptionally(new BrowserFault(
          "all " + max + " browser contexts stayed busy for " + wait.toMillis() + " ms"));
    }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    return permit;
  }

  /** Gives a permit back, to the longest waiter if any. */
  void release() {
    synchronized (this) {
      CompletableFuture<Void> next;
      while ((next = waiting.poll()) != null) {
        if (next.complete(null)) {
          return;
        }
      }
      used--;
    }
  }

  synchronized int used() {
    return used;
  }
}
