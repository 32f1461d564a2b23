package dev.vigil.journey;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one journey file: {@code id}, {@code description}, {@code timeout} (default 60s),
 * {@code params}, {@code steps} and {@code teardown}, then checks what its templates and
 * conditions refer to. Every problem is reported; the journey returned after a problem is
 * incomplete (its id, when readable, still lets tenants' references to it be checked).
 */
final class JourneyParser {
  /** Journey ids and tenant ids: lowercase letters, digits and '-'. */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final String ID_RULE =
      "use lowercase letters, digits and '-', starting with a letter or digit";

  private static final Set<String> KEYS =
      Set.of("id", "description", "timeout", "params", "steps", "teardown");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private JourneyParser() {}

  /** The journey, or empty when the file is not even a map (reported). */
  static Optional<Journey> parse(YamlValue root) {
    if (!root.isMap()) {
      return root.expected("a journey: a map with id, description and steps");
    }
    YamlMap map = root.map(KEYS).orElseThrow();
    JourneyReferences references = new JourneyReferences();
    StepParser stepParser = new StepParser(references);
    Optional<String> id = map.required("id").flatMap(JourneyParser::id);
    Optional<String> description = map.required("description").flatMap(YamlValue::nonBlankText);
    Duration timeout = map.get("timeout").flatMap(YamlValue::duration).orElse(TIMEOUT);
    Map<String, Object> params =
        map.get("params").flatMap(value -> value.mapOf(YamlValue::plain)).orElse(Map.of());
    List<Step> steps = map.required("steps").flatMap(YamlValue::nonEmptyList)
        .map(items -> steps(items, stepParser, references)).orElse(List.of());
    List<Step> teardown = map.get("teardown").flatMap(YamlValue::list)
        .map(items -> steps(items, stepParser, references)).orElse(List.of());
    references.check(params.keySet());
    return Optional.of(new Journey(
        id.orElse(null), description.orElse(""), timeout, params, steps, teardown, root.pos()));
  }

  /** A journey id: reported when it does not follow {@link #ID}. */
  static Optional<String> id(YamlValue value) {
    Optional<String> id = value.text();
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      value.problem("'" + id.get() + "' is not a valid journey id: " + ID_RULE);
      return Optional.empty();
    }
    return id;
  }

  private static List<Step> steps(
      List<YamlValue> items, StepParser stepParser, JourneyReferences references) {
    List<Step> steps = new ArrayList<>();
    for (YamlValue item : items) {
      references.enterStep();
      stepParser.parse(item).ifPresent(steps::add);
    }
    return steps;
  }
}
