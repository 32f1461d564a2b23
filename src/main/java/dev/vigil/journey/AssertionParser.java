package dev.vigil.journey;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.AssertionOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads assertions ({@code assert} of a step, {@code until} of a poll): a map with {@code path} and
 * exactly one operator such as {@code equals: posted}. Expected values may hold templates.
 */
final class AssertionParser {
  private static final List<String> OPERATORS =
      Arrays.stream(AssertionOp.values()).map(AssertionOp::keyword).toList();
  private static final Map<AssertionOp, String> ONLY_TRUE = Map.of(
      AssertionOp.EXISTS, "only 'exists: true' is supported",
      AssertionOp.EMPTY, "write 'not_empty: true' instead of 'empty: false'",
      AssertionOp.NOT_EMPTY, "write 'empty: true' instead of 'not_empty: false'");
  private static final Set<AssertionOp> NUMERIC =
      Set.of(AssertionOp.GREATER_THAN, AssertionOp.LESS_THAN);

  /** An expected value, which may be null. */
  private record Expected(Object value) {}

  private AssertionParser() {}

  /** Every assertion of a list; those that cannot be read are reported and left out. */
  static List<Assertion> parseList(YamlValue list, JourneyReferences references) {
    List<Assertion> assertions = new ArrayList<>();
    list.list().orElse(List.of())
        .forEach(item -> parse(item, references).ifPresent(assertions::add));
    return assertions;
  }

  static Optional<Assertion> parse(YamlValue value, JourneyReferences references) {
    if (!value.isMap()) {
      return value.expected("an assertion such as {path: result[0].state, equals: posted}");
    }
    YamlMap map = value.map().orElseThrow();
    List<String> operators = new ArrayList<>();
    for (String key : map.keys()) {
      if (OPERATORS.contains(key)) {
        operators.add(key);
      } else if (!key.equals("path")) {
        map.keyOf(key).problem(Suggestions.unknown("assertion operator", key, OPERATORS));
      }
    }
    Optional<String> path = map.required("path").flatMap(ResultPath::read);
    if (operators.size() != 1) {
      value.problem(operators.isEmpty()
          ? "an assertion needs one operator: " + String.join(", ", OPERATORS)
          : "an assertion has exactly one operator, found " + String.join(" and ", operators));
      return Optional.empty();
    }
    AssertionOp op = AssertionOp.byKeyword(operators.get(0)).orElseThrow();
    Optional<Expected> expected = expected(op, map.get(op.keyword()).orElseThrow(), references);
    if (path.isEmpty() || expected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Assertion(path.get(), op, expected.get().value(), value.pos()));
  }

  private static Optional<Expected> expected(
      AssertionOp op, YamlValue value, JourneyReferences references) {
    if (ONLY_TRUE.containsKey(op)) {
      Optional<Boolean> flag = value.bool();
      if (flag.isPresent() && !flag.get()) {
        value.problem(ONLY_TRUE.get(op));
        return Optional.empty();
      }
      return flag.map(Expected::new);
    }
    if (op == AssertionOp.MATCHES) {
      return value.text()
          .filter(regex -> regex.contains("${") || compiles(value, regex))
          .map(regex -> new Expected(references.templated(value)));
    }
    boolean template = value.isText() && value.scalarText().contains("${");
    if (NUMERIC.contains(op) && !value.isNumber() && !template) {
      return value.expected("a number (or a ${...} template)");
    }
    return Optional.of(new Expected(references.templated(value)));
  }

  private static boolean compiles(YamlValue value, String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      value.problem("not a valid regular expression: " + e.getDescription()
          + (e.getIndex() >= 0 ? " at offset " + e.getIndex() : ""));
      return false;
    }
  }
}
