package dev.vigil.analysis.latency;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The normal p95 of one tenant × journey, robust to outliers: the median and MAD of the p95 of its
 * recent windows. Once an hour of the day (in the tenant's time zone) has {@code minPerHour}
 * windows of its own (about a week of history with 1-hour buckets filled daily), that hour's
 * windows are the reference instead, so a nightly batch or a Monday-morning peak is normal for its
 * hour. Not thread-safe.
 */
public final class Baseline {
  private final ZoneId zone;
  private final int minSamples;
  private final int minPerHour;
  private final Ring recent;
  private final Ring[] byHour = new Ring[24];

  /**
   * @param history how many recent windows make the overall reference
   * @param minSamples windows needed before there is any reference
   * @param minPerHour windows of one hour of the day needed before that hour is its own reference
   */
  public Baseline(ZoneId zone, int history, int minSamples, int minPerHour) {
    this.zone = zone;
    this.minSamples = minSamples;
    this.minPerHour = minPerHour;
    this.recent = new Ring(history);
    for (int h = 0; h < 24; h++) {
      byHour[h] = new Ring(Math.max(minPerHour, 14));
    }
  }

  /** Learns one closed window's p95. */
  public void add(WindowStats window) {
    recent.add(window.p95());
    byHour[hour(window.start())].add(window.p95());
  }

  /** The reference for a window starting at {@code at}, once there is enough history. */
  public Optional<Reference> reference(Instant at) {
    Ring hourly = byHour[hour(at)];
    if (hourly.size() >= minPerHour) {
      return Optional.of(of(hourly, true));
    }
    return recent.size() >= minSamples ? Optional.of(of(recent, false)) : Optional.empty();
  }

  private static Reference of(Ring ring, boolean timeOfDay) {
    double[] values = ring.values();
    double median = RobustStats.median(values);
    return new Reference(median, RobustStats.mad(values, median) * RobustStats.MAD_TO_SIGMA,
        values.length, timeOfDay);
  }

  private int hour(Instant at) {
    return at.atZone(zone).getHour();
  }
}
