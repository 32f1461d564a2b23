package dev.vigil.journey;

import dev.vigil.domain.Slo;
import dev.vigil.domain.TenantJourney;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a tenant's {@code journeys} list: each entry names a known journey ({@code id}), how often
 * it runs ({@code interval}, 10s or more, default 60s), an optional whole-journey {@code budget},
 * {@code params} overriding the journey's declared params, and optional objectives ({@code slo},
 * see {@link SloParser}).
 */
final class TenantJourneysParser {
  static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  private static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final Set<String> KEYS = Set.of("id", "interval", "budget", "params", "slo");

  private final Map<String, Set<String>> journeyParams;

  /** @param journeyParams every known journey id with the params it declares */
  TenantJourneysParser(Map<String, Set<String>> journeyParams) {
    this.journeyParams = journeyParams;
  }

  List<TenantJourney> parse(YamlValue value) {
    Map<String, YamlValue> listed = new LinkedHashMap<>();
    List<TenantJourney> journeys = new ArrayList<>();
    for (YamlValue item : value.nonEmptyList().orElse(List.of())) {
      item.map(KEYS).ifPresent(entry -> entry(entry, listed).ifPresent(journeys::add));
    }
    return journeys;
  }

  private Optional<TenantJourney> entry(YamlMap entry, Map<String, YamlValue> listed) {
    Optional<YamlValue> idValue = entry.required("id");
    Optional<String> id = idValue.flatMap(this::journeyId);
    id.ifPresent(known -> {
      YamlValue first = listed.putIfAbsent(known, idValue.get());
      if (first != null) {
        idValue.get().problem("journey '" + known + "' is already listed at " + first.path()
            + " (line " + first.pos().line() + ")");
      }
    });
    Duration interval = entry.get("interval").flatMap(TenantJourneysParser::interval).orElse(INTERVAL);
    Optional<Duration> budget = entry.get("budget").flatMap(YamlValue::duration);
    Map<String, Object> params = entry.get("params")
        .map(value -> params(value, id.map(journeyParams::get).orElse(null)))
        .orElse(Map.of());
    Optional<Slo> slo = entry.get("slo").flatMap(SloParser::parse);
    return id.map(known -> new TenantJourney(known, interval, params, budget, slo));
  }

  private Optional<String> journeyId(YamlValue value) {
    Optional<String> id = value.text();
    if (id.isPresent() && !journeyParams.containsKey(id.get())) {
      value.problem(Suggestions.unknown("journey", id.get(), journeyParams.keySet()));
      return Optional.empty();
    }
    return id;
  }

  private static Optional<Duration> interval(YamlValue value) {
    Optional<Duration> interval = value.duration();
    if (interval.isPresent() && interval.get().compareTo(MIN_INTERVAL) < 0) {
      value.problem("the interval must be " + Durations.format(MIN_INTERVAL) + " or more, found "
          + Durations.format(interval.get()));
      return Optional.empty();
    }
    return interval;
  }

  /** The overrides; with {@code declared} null (unknown journey) the names are not checked. */
  private static Map<String, Object> params(YamlValue value, Set<String> declared) {
    if (declared != null) {
      value.map().ifPresent(map -> map.keys().stream()
          .filter(name -> !declared.contains(name))
          .forEach(name -> map.keyOf(name).problem("the journey declares no param '" + name + "'"
              + (declared.isEmpty()
                  ? ""
                  : " (declared: " + String.join(", ", new TreeSet<>(declared)) + ")"))));
    }
    return value.mapOf(YamlValue::plain).orElse(Map.of());
  }
}
