package dev.vigil.journey;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in journey and tenant files: a whole number and a unit, {@code ms},
 * {@code s}, {@code m} or {@code h} ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}).
 */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Map<String, Duration> UNITS =
      Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1),
          "h", Duration.ofHours(1));

  private Durations() {}

  /**
   * Parses a duration such as {@code 30s}; zero is allowed here, callers that need more say so.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: write a whole number and a unit (ms, s, m or h),"
              + " e.g. 500ms, 30s, 5m");
    }
    try {
      return UNITS.get(m.group(2)).multipliedBy(Long.parseLong(m.group(1)));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
  }

  /** Renders a duration the way files write it, in the largest unit that keeps it whole. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
