package dev.vigil.schedule;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Concurrency caps: at most {@code globalCap} runs in flight, and per tenant at most
 * {@code tenantCap} runs in flight or waiting. A run that finds every global slot taken waits in
 * a bounded FIFO queue; a tenant at its cap is skipped at once, so a hung tenant holds at most its
 * own slots and never the others'. Not thread-safe: confined to the scheduler's event loop.
 */
final class Slots {
  private final int globalCap;
  private final int tenantCap;
  private final int queueCap;
  private final Map<String, Integer> heldByTenant = new HashMap<>();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private int inFlight;

  /** A run waiting for a slot, started by {@link #release} when one frees. */
  record Waiting(String tenantId, Runnable start) {}

  Slots(int globalCap, int tenantCap, int queueCap) {
    this.globalCap = globalCap;
    this.tenantCap = tenantCap;
    this.queueCap = queueCap;
  }

  /**
   * Starts the run now, queues it, or says why it cannot: {@link SkipReason#TENANT_AT_CAPACITY}
   * or {@link SkipReason#QUEUE_FULL}.
   */
  Optional<SkipReason> acquire(String tenantId, Runnable start) {
    int held = heldByTenant.getOrDefault(tenantId, 0);
    if (held >= tenantCap) {
      return Optional.of(SkipReason.TENANT_AT_CAPACITY);
    }
    if (inFlight < globalCap) {
      heldByTenant.put(tenantId, held + 1);
      inFlight++;
      start.run();
      return Optional.empty();
    }
    if (queue.size() >= queueCap) {
      return Optional.of(SkipReason.QUEUE_FULL);
    }
    heldByTenant.put(tenantId, held + 1);
    queue.add(new Waiting(tenantId, start));
    return Optional.empty();
  }

  /** A run of this tenant finished: frees its slot and starts the longest-waiting run, if any. */
  void release(String tenantId) {
    heldByTenant.computeIfPresent(tenantId, (tenant, held) -> held > 1 ? held - 1 : null);
    inFlight--;
    Waiting next = queue.poll();
    if (next != null) {
      inFlight++;
      next.start().run();
    }
  }

  int inFlight() {
    return inFlight;
  }

  int queued() {
    return queue.size();
  }
}
