package dev.vigil.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The names one journey's templates and conditions refer to, collected while its steps are read
 * and checked once the whole journey is known: {@code ${vars.x}} needs a step that extracts
 * {@code x}, {@code ${steps.NAME}} a step that comes earlier, {@code ${params.x}} a declared
 * param, and only the documented namespaces and fields exist.
 */
final class JourneyReferences {
  private static final List<String> NAMESPACES =
      List.of("tenant", "run", "params", "vars", "steps", "odoo", "today", "now");

  /** What is wrong with an expression of one namespace, if anything. */
  private interface Rule {
    Optional<String> problem(ValuePath path, Set<String> earlierSteps);
  }

  private record Expression(YamlValue where, ValuePath path, Set<String> earlierSteps) {}

  private record Variable(YamlValue where, String name) {}

  private final Map<String, Rule> rules = Map.of(
      "tenant", fields("tenant", "db", "id", "login", "name", "url"),
      "run", fields("run", "id", "source"),
      "odoo", fields("odoo", "uid", "version"),
      "today", noFields("today"),
      "now", noFields("now"),
      "params", named(() -> this.params, "the journey declares no param '%s'", "declared params"),
      "vars", named(() -> this.extracted, "no step in this journey extracts '%s'",
          "extracted variables"),
      "steps", (path, earlier) -> path.second() == null ? whichOne(path)
          : earlier.contains(path.second()) ? Optional.empty()
          : Optional.of("no step named '" + path.second() + "' comes before this one"));

  private final List<Expression> expressions = new ArrayList<>();
  private final List<Variable> variables = new ArrayList<>();
  private final Map<String, YamlValue> steps = new LinkedHashMap<>();
  private final Set<String> extracted = new HashSet<>();
  private Set<String> params = Set.of();
  private Set<String> earlierSteps = Set.of();

  /**
   * Starts reading a main or teardown step: {@code ${steps.NAME}} in it (and in its fallback) may
   * name only the steps declared so far.
   */
  void enterStep() {
    this.earlierSteps = Set.copyOf(steps.keySet());
  }

  /**
   * A step's name: unique across steps, teardown and fallbacks (a name used twice is reported).
   */
  void declareStep(YamlValue where, String name) {
    YamlValue first = steps.putIfAbsent(name, where);
    if (first != null) {
      where.problem("step name '" + name + "' is already used by " + first.path() + " (line "
          + first.pos().line() + "); names are unique across steps, teardown and fallbacks");
    }
  }

  /** A variable some step extracts: {@code ${vars.NAME}} and conditions may read it. */
  void declareVariable(String name) {
    extracted.add(name);
  }

  /**
   * A value that may hold templates, as a plain tree; malformed templates are reported at once,
   * their names are checked by {@link #check}.
   */
  Object templated(YamlValue value) {
    return value.plain(this::scan);
  }

  private void scan(YamlValue where, String text) {
    try {
      Template.parse(text).expressions()
          .forEach(path -> expressions.add(new Expression(where, path, earlierSteps)));
    } catch (IllegalArgumentException e) {
      where.problem("malformed template: " + e.getMessage());
    }
  }

  /** A variable a condition reads: some step must extract it. */
  void conditionVariable(YamlValue where, String name) {
    variables.add(new Variable(where, name));
  }

  /** Reports every reference that leads nowhere, once all steps are declared. */
  void check(Set<String> declaredParams) {
    this.params = Set.copyOf(declaredParams);
    for (Expression e : expressions) {
      String head = e.path().head();
      Optional<String> problem = rules.containsKey(head)
          ? rules.get(head).problem(e.path(), e.earlierSteps())
          : Optional.of("unknown template namespace '" + head + "'"
              + Suggestions.nearest(head, NAMESPACES).map(near -> ": did you mean '" + near + "'?")
                  .orElse(": use one of " + String.join(", ", NAMESPACES)));
      problem.ifPresent(message -> e.where().problem("${" + e.path() + "}: " + message));
    }
    for (Variable v : variables) {
      if (!extracted.contains(v.name())) {
        v.where().problem("the condition reads variable '" + v.name() + "', which no step extracts"
            + known("extracted variables", extracted));
      }
    }
  }

  /** A namespace with a fixed set of fields, e.g. {@code ${tenant.db}}. */
  private static Rule fields(String namespace, String... fields) {
    Set<String> known = Set.of(fields);
    return (path, earlier) -> path.length() == 2 && known.contains(String.valueOf(path.second()))
        ? Optional.empty()
        : Optional.of(namespace + " has the fields " + String.join(", ", fields));
  }

  /** A namespace that is a value itself, e.g. {@code ${today}}. */
  private static Rule noFields(String namespace) {
    return (path, earlier) -> path.length() == 1
        ? Optional.empty()
        : Optional.of("${" + namespace + "} has no fields");
  }

  /** A namespace of names the journey declares, e.g. {@code ${vars.invoice}}. */
  private static Rule named(Supplier<Set<String>> declared, String unknown, String what) {
    return (path, earlier) -> {
      if (path.second() == null) {
        return whichOne(path);
      }
      return declared.get().contains(path.second())
          ? Optional.empty()
          : Optional.of(String.format(unknown, path.second()) + known(what, declared.get()));
    };
  }

  private static Optional<String> whichOne(ValuePath path) {
    return Optional.of("say which one, e.g. ${" + path.head() + ".NAME}");
  }

  private static String known(String what, Set<String> names) {
    return names.isEmpty() ? "" : " (" + what + ": " + String.join(", ", new TreeSet<>(names)) + ")";
  }
}
