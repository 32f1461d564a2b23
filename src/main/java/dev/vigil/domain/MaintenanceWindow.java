package dev.vigil.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A time when a tenant is expected to fail (upgrades, backups): a failed run then makes its
 * status MAINTENANCE instead of DOWN, and no alert is raised.
 */
public sealed interface MaintenanceWindow {

  /** Whether the instant falls in this window; recurring windows read the tenant's time zone. */
  boolean covers(Instant at, ZoneId zone);

  String reason();

  /** From {@code start} (inclusive) to {@code end} (exclusive). */
  record OneOff(Instant start, Instant end, String reason) implements MaintenanceWindow {
    @Override
    public boolean covers(Instant at, ZoneId zone) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }

  /**
   * Every listed day (all days when empty) from {@code from}, local time, for {@code duration}
   * (which may run past midnight).
   */
  record Recurring(Set<DayOfWeek> days, LocalTime from, Duration duration, String reason)
      implements MaintenanceWindow {
    public Recurring {
      days = Set.copyOf(days);
    }

    @Override
    public boolean covers(Instant at, ZoneId zone) {
      ZonedDateTime local = at.atZone(zone);
      for (int daysBack = 0; daysBack <= duration.toDays() + 1; daysBack++) {
        ZonedDateTime start = local.toLocalDate().minusDays(daysBack).atTime(from).atZone(zone);
        boolean dayListed = days.isEmpty() || days.contains(start.getDayOfWeek());
        if (dayListed && !at.isBefore(start.toInstant()) && at.isBefore(start.plus(duration).toInstant())) {
          return true;
        }
      }
      return false;
    }
  }
}
