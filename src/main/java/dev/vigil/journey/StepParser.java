package dev.vigil.journey;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.Condition;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one step: {@code name}, exactly one action key (parsed by its {@link ActionParser}), and the
 * optional {@code timeout} (default 30s), {@code budget}, {@code soft}, {@code when},
 * {@code assert}, {@code extract} and {@code fallback}.
 */
final class StepParser {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> KEYS = Stream.concat(
          Stream.of("name", "timeout", "budget", "soft", "when", "assert", "extract", "fallback"),
          ActionParsers.keys().stream())
      .collect(Collectors.toCollection(TreeSet::new));
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

  private final JourneyReferences references;

  StepParser(JourneyReferences references) {
    this.references = references;
  }

  /** The step, or empty when it is not a map at all (reported). */
  Optional<Step> parse(YamlValue value) {
    if (!value.isMap()) {
      return value.expected("a step: a map with 'name' and one action such as 'read'");
    }
    YamlMap map = value.map(KEYS).orElseThrow();
    return Optional.of(new Step(
        map.required("name").flatMap(this::name).orElse(null),
        action(map),
        map.get("timeout").flatMap(YamlValue::duration).orElse(TIMEOUT),
        map.get("budget").flatMap(YamlValue::duration),
        map.get("soft").flatMap(YamlValue::bool).orElse(false),
        map.get("when").flatMap(this::condition),
        map.get("extract").map(this::extract).orElse(Map.of()),
        map.get("assert").map(this::assertions).orElse(List.of()),
        map.get("fallback").flatMap(this::parse),
        value.pos()));
  }

  private Optional<String> name(YamlValue value) {
    Optional<String> name = value.text();
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      value.problem("'" + name.get() + "' is not a step name: use letters, digits, '-' and '_',"
          + " starting with a letter or digit");
      return Optional.empty();
    }
    name.ifPresent(n -> references.declareStep(value, n));
    return name;
  }

  private StepAction action(YamlMap map) {
    List<String> actions = map.keys().stream().filter(ActionParsers.keys()::contains).toList();
    if (actions.isEmpty()) {
      map.self().problem("a step needs one action: " + String.join(", ", ActionParsers.keys()));
      return null;
    }
    if (actions.size() > 1) {
      map.keyOf(actions.get(1)).problem(
          "a step has exactly one action, found " + String.join(" and ", actions));
      return null;
    }
    String key = actions.get(0);
    return ActionParsers.forKey(key).orElseThrow()
        .parse(map.get(key).orElseThrow(), references)
        .orElse(null);
  }

  private Optional<Condition> condition(YamlValue value) {
    Optional<String> text = value.text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Condition condition = ConditionParser.parse(text.get());
      condition.clauses().forEach(clause -> {
        if (clause instanceof Condition.VariableSet set) {
          references.conditionVariable(value, set.variable());
        } else if (clause instanceof Condition.VariableEquals equals) {
          references.conditionVariable(value, equals.variable());
        }
      });
      return Optional.of(condition);
    } catch (IllegalArgumentException e) {
      value.problem(e.getMessage());
      return Optional.empty();
    }
  }

  private Map<String, String> extract(YamlValue value) {
    Map<String, String> extract = new LinkedHashMap<>();
    value.map().ifPresent(map -> map.entries().forEach((variable, path) -> {
      if (!VARIABLE.matcher(variable).matches()) {
        map.keyOf(variable).problem("'" + variable + "' is not a variable name:"
            + " use letters, digits, '_' and '-'");
      }
      references.declareVariable(variable);
      ResultPath.read(path).ifPresent(p -> extract.put(variable, p));
    }));
    return extract;
  }

  private List<Assertion> assertions(YamlValue value) {
    return AssertionParser.parseList(value, references);
  }
}
