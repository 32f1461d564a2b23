package dev.vigil.schedule;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Concurrency caps: at most {@code globalCap} runs in flight, of which at most {@code browserCap}
 * browser runs (always leaving one global slot to the others), and per tenant at most
 * {@code tenantCap} runs in flight or waiting. A run that finds no slot waits in a bounded FIFO
 * queue, browser runs in a queue of their own; a freed slot goes to a waiting RPC run first, so
 * heavy browser runs never hold up RPC runs. A tenant at its cap is skipped at once, so a hung
 * tenant holds at most its own slots and never the others'. Not thread-safe: confined to the
 * scheduler's event loop.
 */
final class Slots {
  private final int globalCap;
  private final int tenantCap;
  private final int queueCap;
  private final int browserCap;
  private final Map<String, Integer> heldByTenant = new HashMap<>();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final ArrayDeque<Waiting> browserQueue = new ArrayDeque<>();
  private int inFlight;
  private int browsersInFlight;

  /** A run waiting for a slot, started by {@link #release} when one frees. */
  record Waiting(String tenantId, Runnable start) {}

  Slots(int globalCap, int tenantCap, int queueCap, int browserCap) {
    this.globalCap = globalCap;
    this.tenantCap = tenantCap;
    this.queueCap = queueCap;
    this.browserCap = Math.max(1, Math.min(browserCap, globalCap - 1));
  }

  /**
   * Starts the run now, queues it, or says why it cannot: {@link SkipReason#TENANT_AT_CAPACITY}
   * or {@link SkipReason#QUEUE_FULL}.
   *
   * @param browser the run has browser steps (counted against the browser cap too)
   */
  Optional<SkipReason> acquire(String tenantId, boolean browser, Runnable start) {
    int held = heldByTenant.getOrDefault(tenantId, 0);
    if (held >= tenantCap) {
      return Optional.of(SkipReason.TENANT_AT_CAPACITY);
    }
    if (canStart(browser)) {
      heldByTenant.put(tenantId, held + 1);
      started(browser, start);
      return Optional.empty();
    }
    if (queued() >= queueCap) {
      return Optional.of(SkipReason.QUEUE_FULL);
    }
    heldByTenant.put(tenantId, held + 1);
    (browser ? browserQueue : queue).add(new Waiting(tenantId, start));
    return Optional.empty();
  }

  /** A run of this tenant finished: frees its slot and starts waiting runs, RPC runs first. */
  void release(String tenantId, boolean browser) {
    heldByTenant.computeIfPresent(tenantId, (tenant, held) -> held > 1 ? held - 1 : null);
    inFlight--;
    if (browser) {
      browsersInFlight--;
    }
    while (!queue.isEmpty() && canStart(false)) {
      started(false, queue.poll().start());
    }
    while (!browserQueue.isEmpty() && canStart(true)) {
      started(true, browserQueue.poll().start());
    }
  }

  private boolean canStart(boolean browser) {
    return inFlight < globalCap && (!browser || browsersInFlight < browserCap);
  }

  private void started(boolean browser, Runnable start) {
    inFlight++;
    if (browser) {
      browsersInFlight++;
    }
    start.run();
  }

  int inFlight() {
    return inFlight;
  }

  int browsersInFlight() {
    return browsersInFlight;
  }

  int queued() {
    return queue.size() + browserQueue.size();
  }
}
