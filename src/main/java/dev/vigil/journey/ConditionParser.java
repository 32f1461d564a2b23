package dev.vigil.journey;

import dev.vigil.domain.Condition;
import dev.vigil.domain.Condition.Clause;
import dev.vigil.domain.Condition.Comparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a step's {@code when} condition: clauses joined by {@code and}, each one of
 * {@code odoo >= 17} (also {@code ==}, {@code !=}, {@code <=}, {@code >}, {@code <}),
 * {@code NAME is set}, {@code NAME is not set}, {@code NAME == TEXT}, {@code NAME != TEXT}.
 * Whether the variables exist is the journey's business, not this parser's.
 */
public final class ConditionParser {
  private static final Pattern AND = Pattern.compile("\\s+and\\s+");
  private static final String NAME = "([A-Za-z0-9_][A-Za-z0-9_-]*)";
  private static final Pattern VERSION = Pattern.compile("odoo\\s*(==|!=|>=|<=|>|<)\\s*(\\S+)");
  private static final Pattern IS_SET = Pattern.compile(NAME + "\\s+is\\s+(not\\s+)?set");
  private static final Pattern EQUALS = Pattern.compile(NAME + "\\s*(==|!=)\\s*(\\S.*)");
  private static final String GRAMMAR =
      "expected 'odoo >= 17', 'NAME is set', 'NAME is not set', 'NAME == TEXT' or 'NAME != TEXT',"
          + " joined by 'and'";

  private ConditionParser() {}

  /**
   * Parses a condition.
   *
   * @throws IllegalArgumentException naming the clause that cannot be read and the grammar
   */
  public static Condition parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the condition is empty: " + GRAMMAR);
    }
    List<Clause> clauses = new ArrayList<>();
    for (String clause : AND.split(text.strip(), -1)) {
      clauses.add(clause(clause.strip()));
    }
    return new Condition(text.strip(), clauses);
  }

  private static Clause clause(String text) {
    Matcher version = VERSION.matcher(text);
    if (version.matches()) {
      return new Condition.OdooVersion(comparison(version.group(1)), major(version.group(2)));
    }
    if (text.startsWith("odoo ") || text.equals("odoo")) {
      throw new IllegalArgumentException("cannot read '" + text
          + "': compare the Odoo version with a whole number, e.g. 'odoo >= 17'");
    }
    Matcher isSet = IS_SET.matcher(text);
    if (isSet.matches()) {
      return new Condition.VariableSet(isSet.group(1), isSet.group(2) == null);
    }
    Matcher equals = EQUALS.matcher(text);
    if (equals.matches()) {
      return new Condition.VariableEquals(
          equals.group(1), equals.group(3).strip(), equals.group(2).equals("=="));
    }
    throw new IllegalArgumentException(
        "cannot read " + (text.isEmpty() ? "an empty clause" : "'" + text + "'") + ": " + GRAMMAR);
  }

  private static Comparison comparison(String symbol) {
    return Arrays.stream(Comparison.values())
        .filter(c -> c.symbol().equals(symbol))
        .findFirst()
        .orElseThrow();
  }

  private static int major(String text) {
    if (!text.matches("\\d{1,4}")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an Odoo major version: write a whole number, e.g. 'odoo >= 17'");
    }
    return Integer.parseInt(text);
  }
}
