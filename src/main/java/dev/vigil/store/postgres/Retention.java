package dev.vigil.store.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * How long results are kept: raw runs and steps for today and the {@code rawDays} whole UTC days
 * before (by day partition), per-minute rollups {@code rollupDays} (by month partition: a month
 * goes once all of it is older).
 */
public record Retention(int rawDays, int rollupDays) {
  public static final Retention DEFAULT = new Retention(30, 400);

  public Retention {
    if (rawDays < 1 || rollupDays < 1) {
      throw new IllegalArgumentException("retention must be at least one day (raw " + rawDays + ", rollups "
          + rollupDays + ")");
    }
  }

  /** The first day whose raw results are kept (UTC); older ones are dropped. */
  LocalDate firstRawDay(Instant now) {
    return day(now).minusDays(rawDays);
  }

  /** The first month whose rollups are kept whole; older months are dropped. */
  YearMonth firstRollupMonth(Instant now) {
    return YearMonth.from(day(now).minusDays(rollupDays));
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
