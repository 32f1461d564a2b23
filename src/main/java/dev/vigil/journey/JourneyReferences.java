package dev.vigil.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names one journey's templates and conditions refer to, collected while its steps are read
 * and checked once the whole journey is known: {@code ${vars.x}} needs a step that extracts
 * {@code x}, {@code ${steps.NAME}} a step that comes earlier, {@code ${params.x}} a declared
 * param, and only the documented namespaces and fields exist.
 */
final class JourneyReferences {
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "tenant", Set.of("id", "name", "db", "url", "login"),
      "run", Set.of("id", "source"),
      "odoo", Set.of("version", "uid"));
  private static final Set<String> PLAIN = Set.of("today", "now");
  private static final List<String> NAMESPACES =
      List.of("tenant", "run", "params", "vars", "steps", "odoo", "today", "now");

  private record Expression(YamlValue where, ValuePath path, Set<String> earlierSteps) {}

  private record Variable(YamlValue where, String name) {}

  private final List<Expression> expressions = new ArrayList<>();
  private final List<Variable> variables = new ArrayList<>();
  private final Map<String, YamlValue> steps = new LinkedHashMap<>();
  private final Set<String> extracted = new HashSet<>();
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

  /** A text that may hold templates ({@code model}, {@code url}). */
  void scan(YamlValue where, String text) {
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
  void check(Set<String> params) {
    expressions.forEach(e -> check(e, params));
    for (Variable v : variables) {
      if (!extracted.contains(v.name())) {
        v.where().problem("the condition reads variable '" + v.name() + "', which no step extracts"
            + known("extracted variables", extracted));
      }
    }
  }

  private void check(Expression e, Set<String> params) {
    String head = e.path().head();
    String name = e.path().second();
    String shown = "${" + e.path() + "}";
    YamlValue where = e.where();
    if (!NAMESPACES.contains(head)) {
      where.problem(shown + ": unknown template namespace '" + head + "'"
          + Suggestions.nearest(head, NAMESPACES).map(near -> ": did you mean '" + near + "'?")
              .orElse(": use one of " + String.join(", ", NAMESPACES)));
    } else if (PLAIN.contains(head)) {
      if (e.path().length() > 1) {
        where.problem(shown + ": ${" + head + "} has no fields");
      }
    } else if (FIELDS.containsKey(head)) {
      if (name == null || !FIELDS.get(head).contains(name) || e.path().length() > 2) {
        where.problem(shown + ": " + head + " has the fields "
            + String.join(", ", new TreeSet<>(FIELDS.get(head))));
      }
    } else if (name == null) {
      where.problem(shown + ": say which one, e.g. ${" + head + ".NAME}");
    } else if (head.equals("params") && !params.contains(name)) {
      where.problem(shown + ": the journey declares no param '" + name + "'"
          + known("declared params", params));
    } else if (head.equals("vars") && !extracted.contains(name)) {
      where.problem(shown + ": no step in this journey extracts '" + name + "'"
          + known("extracted variables", extracted));
    } else if (head.equals("steps") && !e.earlierSteps().contains(name)) {
      where.problem(shown + ": no step named '" + name + "' comes before this one");
    }
  }

  private static String known(String what, Set<String> names) {
    return names.isEmpty() ? "" : " (" + what + ": " + String.join(", ", new TreeSet<>(names)) + ")";
  }
}
