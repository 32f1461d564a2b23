package dev.vigil.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * When a tenant × journey is due: every {@code interval}, at a stable phase within the interval
 * derived from a hash of the tenant and journey, so that thousands of checks spread over the
 * interval instead of firing in the same millisecond, and each keeps its slot across restarts and
 * replicas. Drift-free: the next due time is the previous due time plus the interval, never the
 * finish time plus the interval. Pure and immutable.
 */
public record Cadence(Duration interval, long phaseMillis) {

  /** The cadence of a check: the phase is the hash of {@code tenant/journey} modulo the interval. */
  public static Cadence of(CheckKey check, Duration interval) {
    CRC32C hash = new CRC32C();
    hash.update(check.toString().getBytes(StandardCharsets.UTF_8));
    long spread = Long.remainderUnsigned(mix(hash.getValue()), interval.toMillis());
    return new Cadence(interval, spread);
  }

  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The first due time at or after {@code now}: on the grid {@code epoch + phase + k * interval}. */
  public Instant firstDueAtOrAfter(Instant now) {
    long interval = this.interval.toMillis();
    long sinceSlot = Math.floorMod(now.toEpochMilli() - phaseMillis, interval);
    long due = sinceSlot == 0 ? now.toEpochMilli() : now.toEpochMilli() - sinceSlot + interval;
    return Instant.ofEpochMilli(due);
  }

  /**
   * The due time after {@code previousDue}: one interval later, or — when Vigil fell behind by
   * more than an interval (a pause, an overloaded machine) — the first slot not yet past, so
   * missed slots are dropped rather than fired in a burst. Always on the same grid.
   */
  public Instant nextDue(Instant previousDue, Instant now) {
    Instant next = previousDue.plus(interval);
    return next.isBefore(now.minus(interval)) ? firstDueAtOrAfter(now) : next;
  }

  /** How many slots were dropped between {@code previousDue} and {@link #nextDue}. */
  public long missedSlots(Instant previousDue, Instant nextDue) {
    return Math.max(0, Duration.between(previousDue, nextDue).toMillis() / interval.toMillis() - 1);
  }
}
