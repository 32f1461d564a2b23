package dev.vigil.journey;

import dev.vigil.domain.MaintenanceWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a tenant's {@code maintenance} list. Each item is one of two shapes: a one-off window
 * ({@code start}, {@code end}: ISO-8601 instants with an offset) or a recurring one
 * ({@code days}, default every day; {@code from}, a local time {@code HH:mm} in the tenant's time
 * zone; {@code duration}, at most 7 days). Both take an optional {@code reason} (default
 * "maintenance"). An item mixing the shapes is refused rather than guessed.
 */
final class MaintenanceParser {
  static final Duration MAX_RECURRING = Duration.ofDays(7);
  private static final String DEFAULT_REASON = "maintenance";
  private static final List<String> ONE_OFF_KEYS = List.of("start", "end");
  private static final List<String> RECURRING_KEYS = List.of("days", "from", "duration");
  private static final List<String> KEYS =
      List.of("start", "end", "days", "from", "duration", "reason");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final String SHAPES =
      "a one-off window {start, end} or a recurring one {days, from, duration}";

  private MaintenanceParser() {}

  static List<MaintenanceWindow> parse(YamlValue value) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    for (YamlValue item : value.list().orElse(List.of())) {
      window(item).ifPresent(windows::add);
    }
    return windows;
  }

  private static Optional<MaintenanceWindow> window(YamlValue item) {
    if (!item.isMap()) {
      return item.expected("a maintenance window: " + SHAPES);
    }
    YamlMap map = item.map(KEYS).orElseThrow();
    boolean oneOff = ONE_OFF_KEYS.stream().anyMatch(map.keys()::contains);
    boolean recurring = RECURRING_KEYS.stream().anyMatch(map.keys()::contains);
    if (oneOff && recurring) {
      item.problem("mixes a one-off window (start, end) with a recurring one (days, from,"
          + " duration): write " + SHAPES);
      return Optional.empty();
    }
    if (!oneOff && !recurring) {
      item.problem("expected " + SHAPES);
      return Optional.empty();
    }
    String reason = map.get("reason").flatMap(YamlValue::nonBlankText).orElse(DEFAULT_REASON);
    return oneOff ? oneOff(map, reason) : recurring(map, reason);
  }

  private static Optional<MaintenanceWindow> oneOff(YamlMap map, String reason) {
    Optional<Instant> start = map.required("start").flatMap(MaintenanceParser::instant);
    Optional<YamlValue> endValue = map.required("end");
    Optional<Instant> end = endValue.flatMap(MaintenanceParser::instant);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (!end.get().isAfter(start.get())) {
      endValue.get().problem("the end must be after the start (" + start.get() + ")");
      return Optional.empty();
    }
    return Optional.of(new MaintenanceWindow.OneOff(start.get(), end.get(), reason));
  }

  private static Optional<MaintenanceWindow> recurring(YamlMap map, String reason) {
    Optional<Set<DayOfWeek>> days = map.get("days").map(MaintenanceParser::days)
        .orElse(Optional.of(Set.of()));
    Optional<LocalTime> from = map.required("from").flatMap(MaintenanceParser::localTime);
    Optional<Duration> duration = map.required("duration").flatMap(MaintenanceParser::duration);
    if (days.isEmpty() || from.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MaintenanceWindow.Recurring(days.get(), from.get(), duration.get(), reason));
  }

  private static Optional<Instant> instant(YamlValue value) {
    if (!value.isText()) {
      return value.expected("an instant with an offset such as 2026-11-21T22:00:00Z");
    }
    String text = value.scalarText().strip();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException e) {
      value.problem(hasNoOffset(text)
          ? "'" + text + "' has no offset: add Z (UTC) or one such as +01:00"
          : "'" + text + "' is not an instant: write it as 2026-11-21T22:00:00Z or"
              + " 2026-11-21T23:00:00+01:00");
      return Optional.empty();
    }
  }

  private static boolean hasNoOffset(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The days listed; empty (reported) when one is not a day, or when none is listed. */
  private static Optional<Set<DayOfWeek>> days(YamlValue value) {
    Optional<List<YamlValue>> items = value.list();
    if (items.isPresent() && items.get().isEmpty()) {
      value.problem("list at least one day, or leave days out for every day");
      return Optional.empty();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean valid = items.isPresent();
    for (YamlValue item : items.orElse(List.of())) {
      Optional<DayOfWeek> day = day(item);
      if (day.isPresent() && !days.add(day.get())) {
        item.problem("day '" + item.scalarText() + "' is listed twice");
      }
      valid &= day.isPresent();
    }
    return valid ? Optional.of(days) : Optional.empty();
  }

  private static Optional<DayOfWeek> day(YamlValue value) {
    Optional<String> name = value.text();
    if (name.isPresent() && !DAYS.contains(name.get())) {
      value.problem(Suggestions.nearest(name.get(), DAYS)
          .map(near -> "unknown day '" + name.get() + "': did you mean '" + near + "'?")
          .orElse("unknown day '" + name.get() + "': expected one of " + String.join(", ", DAYS)));
      return Optional.empty();
    }
    return name.map(known -> DayOfWeek.of(DAYS.indexOf(known) + 1));
  }

  private static Optional<LocalTime> localTime(YamlValue value) {
    if (!value.isText()) {
      return value.expected("a local time HH:mm such as \"02:00\"");
    }
    String text = value.scalarText().strip();
    if (!TIME.matcher(text).matches()) {
      value.problem("'" + text + "' is not a time: write HH:mm on the 24-hour clock, e.g. 02:00");
      return Optional.empty();
    }
    return Optional.of(LocalTime.parse(text));
  }

  private static Optional<Duration> duration(YamlValue value) {
    Optional<Duration> duration = value.duration();
    if (duration.isPresent() && duration.get().compareTo(MAX_RECURRING) > 0) {
      value.problem("a recurring window lasts at most 7 days (" + Durations.format(MAX_RECURRING)
          + "), found " + Durations.format(duration.get()));
      return Optional.empty();
    }
    return duration;
  }
}
