package dev.vigil.journey;

import dev.vigil.domain.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a tenant journey's {@code slo}: {@code success} (percent of runs that pass, required,
 * e.g. 99.5), {@code latency} (percent of passed runs within the threshold, default 95),
 * {@code threshold} (a duration, default the journey's budget) and {@code period} (whole days
 * such as {@code 30d}, or a duration; 1 day to 90 days; default 30d).
 */
final class SloParser {
  private static final List<String> KEYS = List.of("success", "latency", "threshold", "period");
  private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");
  private static final Duration MIN_PERIOD = Duration.ofDays(1);
  private static final Duration MAX_PERIOD = Duration.ofDays(90);
  private static final BigDecimal DEFAULT_LATENCY = BigDecimal.valueOf(95);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SloParser() {}

  static Optional<Slo> parse(YamlValue value) {
    Optional<YamlMap> map = value.map(KEYS);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Optional<BigDecimal> success = map.get().required("success").flatMap(SloParser::percent);
    Optional<BigDecimal> latency = map.get().get("latency").map(SloParser::percent).orElse(Optional.of(DEFAULT_LATENCY));
    Optional<Duration> threshold = map.get().get("threshold").flatMap(YamlValue::duration);
    Optional<Duration> period = map.get().get("period").map(SloParser::period).orElse(Optional.of(Slo.DEFAULT_PERIOD));
    if (success.isEmpty() || latency.isEmpty() || period.isEmpty()) {
      return Optional.empty();
    }
    // exact decimal arithmetic: 99.9 % is 0.999, not 0.9990000000000001
    return Optional.of(new Slo(success.get().movePointLeft(2).doubleValue(), latency.get().movePointLeft(2).doubleValue(),
        threshold, period.get()));
  }

  private static Optional<BigDecimal> percent(YamlValue value) {
    if (!value.isNumber()) {
      return value.expected("a percentage such as 99.5");
    }
    BigDecimal percent;
    try {
      percent = new BigDecimal(value.scalarText().strip());
    } catch (NumberFormatException e) {
      return value.expected("a percentage such as 99.5");
    }
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
      value.problem("an objective is a percentage above 0 and below 100, found " + value.scalarText());
      return Optional.empty();
    }
    return Optional.of(percent);
  }

  private static Optional<Duration> period(YamlValue value) {
    if (!value.isText()) {
      return value.expected("a period such as 30d or 168h");
    }
    Matcher days = DAYS.matcher(value.scalarText().strip());
    Optional<Duration> period = days.matches()
        ? Optional.of(Duration.ofDays(Long.parseLong(days.group(1))))
        : value.duration();
    if (period.isPresent() && (period.get().compareTo(MIN_PERIOD) < 0 || period.get().compareTo(MAX_PERIOD) > 0)) {
      value.problem("the period must be from 1d to 90d, found " + value.scalarText());
      return Optional.empty();
    }
    return period;
  }
}
