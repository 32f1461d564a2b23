package dev.vigil.api;

import dev.vigil.journey.Durations;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads query parameters; a malformed one is a 400 saying which and what is expected. */
final class Params {
  /** The default window: the last day. */
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  /** The longest window: rollups are kept 400 days by default. */
  static final Duration MAX_WINDOW = Duration.ofDays(400);

  private Params() {}

  /** A time window {@code [from, to)}. */
  record Window(Instant from, Instant to) {}

  /** A non-blank parameter's value. */
  static Optional<String> text(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.request().getParam(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  static String required(RoutingContext ctx, String name) {
    return text(ctx, name).orElseThrow(() -> ApiException.badRequest("the query parameter '" + name + "' is required"));
  }

  /** {@code from} and {@code to} (ISO-8601 instants); {@code to} defaults to now, {@code from} to a day before it. */
  static Window window(RoutingContext ctx, InstantSource clock) {
    Instant to = text(ctx, "to").map(v -> instant("to", v)).orElseGet(clock::instant);
    Instant from = text(ctx, "from").map(v -> instant("from", v)).orElseGet(() -> to.minus(DEFAULT_WINDOW));
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("'from' must be before 'to'");
    }
    if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.badRequest("the window from 'from' to 'to' may not exceed " + MAX_WINDOW.toDays() + " days");
    }
    return new Window(from, to);
  }

  /** A whole number from 1 to {@code max}, {@code fallback} when absent. */
  static int count(RoutingContext ctx, String name, int fallback, int max) {
    Optional<String> given = text(ctx, name);
    if (given.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(given.get());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("'" + name + "' must be a whole number from 1 to " + max);
  }

  /** A duration ({@code 5m}, {@code 1h}), {@code fallback} when absent. */
  static Duration duration(RoutingContext ctx, String name, Duration fallback) {
    Optional<String> given = text(ctx, name);
    if (given.isEmpty()) {
      return fallback;
    }
    try {
      return Durations.parse(given.get());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'" + name + "' must be a duration such as 5m or 1h");
    }
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'" + name + "' must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
    }
  }
}
