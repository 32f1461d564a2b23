package dev.vigil.store.redis;

import java.time.Duration;

/** Retry delays doubling from a first delay up to a ceiling; {@link #reset()} after a success. */
final class Backoff {
  private final Duration first;
  private final Duration ceiling;
  private Duration next;

  Backoff(Duration first, Duration ceiling) {
    this.first = first;
    this.ceiling = ceiling;
    this.next = first;
  }

  synchronized Duration next() {
    Duration delay = next;
    next = next.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : next.multipliedBy(2);
    return delay;
  }

  synchronized void reset() {
    next = first;
  }
}
