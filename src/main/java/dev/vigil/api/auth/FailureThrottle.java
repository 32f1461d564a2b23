package dev.vigil.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down a client that keeps presenting bad tokens: after {@code freeFailures} failures, each
 * further attempt from that client must wait twice as long as the previous one (up to
 * {@code maxDelay}) before it is even checked. A success forgets the client's failures; so does a
 * quiet {@code forgetAfter}. Remembers at most {@code maxClients} clients (the least recently
 * failing are forgotten first), so a flood of addresses cannot exhaust memory.
 *
 * <p>Not thread-safe: used on the API's event loop.
 */
public final class FailureThrottle {
  private final InstantSource clock;
  private final int freeFailures;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private final Map<String, Failures> clients;

  public FailureThrottle(InstantSource clock, int freeFailures, Duration firstDelay, Duration maxDelay,
      Duration forgetAfter, int maxClients) {
    this.clock = clock;
    this.freeFailures = freeFailures;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
    this.clients = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > maxClients;
      }
    };
  }

  /** The production defaults: 5 free failures, then 1 s doubling up to 60 s, forgotten after 15 min. */
  public static FailureThrottle defaults(InstantSource clock) {
    return new FailureThrottle(clock, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 100_000);
  }

  /** How long this client must still wait before its next attempt is checked (zero: go ahead). */
  public Duration waitFor(String client) {
    Failures failures = current(client);
    if (failures == null || failures.count < freeFailures) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), failures.last.plus(delay(failures.count)));
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void failed(String client) {
    Failures failures = current(client);
    if (failures == null) {
      failures = new Failures();
      clients.put(client, failures);
    }
    failures.count++;
    failures.last = clock.instant();
  }

  public void succeeded(String client) {
    clients.remove(client);
  }

  private Failures current(String client) {
    Failures failures = clients.get(client);
    if (failures != null && clock.instant().isAfter(failures.last.plus(forgetAfter))) {
      clients.remove(client);
      return null;
    }
    return failures;
  }

  private Duration delay(int count) {
    int doublings = Math.min(count - freeFailures, 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static final class Failures {
    int count;
    Instant last;
  }
}
