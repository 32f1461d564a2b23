package dev.vigil.engine;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A point on the monotonic clock by which something must be done. Immutable. */
public record Deadline(long atNanos, LongSupplier nanoTime) {

  public static Deadline after(Duration duration, LongSupplier nanoTime) {
    return new Deadline(nanoTime.getAsLong() + duration.toNanos(), nanoTime);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, atNanos - nanoTime.getAsLong()));
  }

  /** The shorter of {@code limit} and the time left, with whether the deadline is the binding one. */
  public Duration cap(Duration limit) {
    Duration left = remaining();
    return left.compareTo(limit) < 0 ? left : limit;
  }

  public boolean binds(Duration limit) {
    return remaining().compareTo(limit) < 0;
  }
}
