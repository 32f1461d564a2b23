package dev.vigil.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * When a step runs, written in journey files as clauses joined by {@code and}:
 * {@code odoo >= 17}, {@code receipt is set}, {@code receipt is not set},
 * {@code state == posted}, {@code state != posted}. Variable names refer to {@code ${vars.*}}.
 */
public record Condition(String text, List<Clause> clauses) {

  public Condition {
    clauses = List.copyOf(clauses);
  }

  /** Whether every clause holds for this Odoo major version and these variables. */
  public boolean holds(int odooMajor, Map<String, Object> vars) {
    return clauses.stream().allMatch(c -> c.holds(odooMajor, vars));
  }

  /** Whether any clause needs the Odoo version (so it must be detected first). */
  public boolean needsVersion() {
    return clauses.stream().anyMatch(c -> c instanceof OdooVersion);
  }

  /** One clause of a condition. */
  public sealed interface Clause {
    boolean holds(int odooMajor, Map<String, Object> vars);
  }

  /** {@code odoo <op> <major>}. */
  public record OdooVersion(Comparison comparison, int version) implements Clause {
    @Override
    public boolean holds(int odooMajor, Map<String, Object> vars) {
      return comparison.test.test(Integer.compare(odooMajor, version));
    }
  }

  /** {@code <var> is set} / {@code <var> is not set}: set means present and not null. */
  public record VariableSet(String variable, boolean set) implements Clause {
    @Override
    public boolean holds(int odooMajor, Map<String, Object> vars) {
      return (vars.get(variable) != null) == set;
    }
  }

  /** {@code <var> == <text>} / {@code <var> != <text>}, comparing the variable's text form. */
  public record VariableEquals(String variable, String value, boolean equal) implements Clause {
    @Override
    public boolean holds(int odooMajor, Map<String, Object> vars) {
      Object actual = vars.get(variable);
      return (actual != null && Objects.equals(String.valueOf(actual), value)) == equal;
    }
  }

  /** The comparison operators for versions, by their symbol. */
  public enum Comparison {
    EQ("==", c -> c == 0),
    NE("!=", c -> c != 0),
    GE(">=", c -> c >= 0),
    LE("<=", c -> c <= 0),
    GT(">", c -> c > 0),
    LT("<", c -> c < 0);

    private final String symbol;
    private final IntPredicate test;

    Comparison(String symbol, IntPredicate test) {
      this.symbol = symbol;
      this.test = test;
    }

    public String symbol() {
      return symbol;
    }
  }
}
