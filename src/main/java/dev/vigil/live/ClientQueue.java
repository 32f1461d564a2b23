package dev.vigil.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Messages waiting for one slow client, bounded. A message with a coalescing key (a status of one
 * tenant × journey) replaces the one of the same key still waiting, so a slow client gets the
 * latest status rather than every step to it; when the queue is full anyway, everything waiting is
 * dropped and the client is owed a resync (a fresh snapshot) instead — memory per client never
 * grows past the bound, and the server never waits for a client.
 *
 * <p>Not thread-safe: used on its connection's event loop.
 *
 * @param <T> the message type
 */
public final class ClientQueue<T> {
  private final int capacity;
  private final Function<T, Optional<String>> coalescingKey;
  private final Deque<Slot<T>> waiting = new ArrayDeque<>();
  private final Map<String, Slot<T>> byKey = new HashMap<>();
  private boolean resyncOwed;
  private long coalesced;
  private long overflows;

  public ClientQueue(int capacity, Function<T, Optional<String>> coalescingKey) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.coalescingKey = coalescingKey;
  }

  /** Queues a message; returns false when it overflowed the queue (a resync is now owed). */
  public boolean offer(T message) {
    Optional<String> key = coalescingKey.apply(message);
    if (key.isPresent()) {
      Slot<T> same = byKey.get(key.get());
      if (same != null) {
        same.message = message;
        coalesced++;
        return true;
      }
    }
    if (waiting.size() >= capacity) {
      waiting.clear();
      byKey.clear();
      resyncOwed = true;
      overflows++;
      return false;
    }
    Slot<T> slot = new Slot<>(message, key.orElse(null));
    waiting.addLast(slot);
    key.ifPresent(k -> byKey.put(k, slot));
    return true;
  }

  /** The oldest waiting message, removed; empty when none waits. */
  public Optional<T> poll() {
    Slot<T> slot = waiting.pollFirst();
    if (slot == null) {
      return Optional.empty();
    }
    if (slot.key != null) {
      byKey.remove(slot.key);
    }
    return Optional.of(slot.message);
  }

  /**
   * Drops everything waiting and owes the client a resync: events were missed upstream (the
   * cross-replica channel was lost), so only a fresh snapshot is right again.
   */
  public void owe() {
    waiting.clear();
    byKey.clear();
    resyncOwed = true;
  }

  /** Drops everything waiting and any resync owed: the client is about to get a fresh snapshot. */
  public void clear() {
    waiting.clear();
    byKey.clear();
    resyncOwed = false;
  }

  /** Whether the client must be told to resync; clears the debt. */
  public boolean takeResync() {
    boolean owed = resyncOwed;
    resyncOwed = false;
    return owed;
  }

  public int size() {
    return waiting.size();
  }

  /** Messages replaced by a newer one of the same key, since creation. */
  public long coalesced() {
    return coalesced;
  }

  /** Times the queue overflowed, since creation. */
  public long overflows() {
    return overflows;
  }

  private static final class Slot<T> {
    T message;
    final String key;

    Slot(T message, String key) {
      this.message = message;
      this.key = key;
    }
  }
}
