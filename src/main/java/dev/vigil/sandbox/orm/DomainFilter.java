package dev.vigil.sandbox.orm;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles an Odoo domain ({@code [["state", "=", "done"], "|", [...], [...]]}) into a predicate
 * on records. Supports {@code = != <> in, not in, like, not like, ilike, not ilike, =like, =ilike,
 * < > <= >=}, implicit AND, the prefix operators {@code & | !}, many2one paths
 * ({@code partner_id.name}) and the constant leaves {@code (1, '=', 1)} / {@code (0, '=', 1)}.
 */
public final class DomainFilter {

  @FunctionalInterface
  private interface Operator {
    boolean test(Object actual, Object expected);
  }

  private static final Map<String, Operator> OPERATORS = Map.ofEntries(
      Map.entry("=", DomainFilter::same),
      Map.entry("!=", (actual, expected) -> !same(actual, expected)),
      Map.entry("<>", (actual, expected) -> !same(actual, expected)),
      Map.entry("in", DomainFilter::in),
      Map.entry("not in", (actual, expected) -> !in(actual, expected)),
      Map.entry("like", (actual, expected) -> contains(actual, expected, false)),
      Map.entry("ilike", (actual, expected) -> contains(actual, expected, true)),
      Map.entry("not like", (actual, expected) -> !contains(actual, expected, false)),
      Map.entry("not ilike", (actual, expected) -> !contains(actual, expected, true)),
      Map.entry("=like", (actual, expected) -> pattern(actual, expected, false)),
      Map.entry("=ilike", (actual, expected) -> pattern(actual, expected, true)),
      Map.entry("<", (actual, expected) -> ordered(actual, expected, sign -> sign < 0)),
      Map.entry(">", (actual, expected) -> ordered(actual, expected, sign -> sign > 0)),
      Map.entry("<=", (actual, expected) -> ordered(actual, expected, sign -> sign <= 0)),
      Map.entry(">=", (actual, expected) -> ordered(actual, expected, sign -> sign >= 0)));

  private final Store store;
  private final ModelSchema schema;

  private DomainFilter(Store store, ModelSchema schema) {
    this.store = store;
    this.schema = schema;
  }

  /**
   * The predicate of {@code domain} on records of {@code schema}; an empty or null domain matches
   * everything.
   *
   * @throws OdooError {@code ValueError} for an unknown field or operator, or a malformed domain
   */
  public static Predicate<Record> compile(Store store, ModelSchema schema, JsonArray domain) {
    if (domain == null || domain.isEmpty()) {
      return record -> true;
    }
    DomainFilter filter = new DomainFilter(store, schema);
    Iterator<Object> terms = domain.iterator();
    Predicate<Record> all = filter.term(terms);
    while (terms.hasNext()) {
      all = all.and(filter.term(terms));
    }
    return all;
  }

  /** Whether the domain names {@code field} in one of its leaves (for the {@code active} test). */
  public static boolean mentions(JsonArray domain, String field) {
    return domain != null && domain.stream()
        .anyMatch(term -> term instanceof JsonArray leaf && !leaf.isEmpty() && field.equals(leaf.getValue(0)));
  }

  private Predicate<Record> term(Iterator<Object> terms) {
    if (!terms.hasNext()) {
      throw OdooErrors.valueError("Domain is malformed: an operator misses its operands");
    }
    Object term = terms.next();
    if ("&".equals(term)) {
      return term(terms).and(term(terms));
    }
    if ("|".equals(term)) {
      return term(terms).or(term(terms));
    }
    if ("!".equals(term)) {
      return term(terms).negate();
    }
    if (term instanceof JsonArray leaf && leaf.size() == 3) {
      return leaf(leaf);
    }
    throw OdooErrors.valueError("Invalid leaf " + PyRepr.of(term));
  }

  private Predicate<Record> leaf(JsonArray leaf) {
    Object left = leaf.getValue(0);
    Object operator = leaf.getValue(1);
    Object expected = leaf.getValue(2);
    String leafRepr = PyRepr.tuple(leaf.getList());
    if (left instanceof Number constant) {
      boolean truth = constant.intValue() == 1 && "=".equals(operator) && Objects.equals(1, expected);
      return record -> truth;
    }
    Operator test = OPERATORS.get(String.valueOf(operator).toLowerCase(Locale.ROOT));
    if (!(left instanceof String path) || test == null) {
      throw OdooErrors.valueError("Invalid leaf " + leafRepr);
    }
    List<Field> chain = resolve(path, leafRepr);
    Field last = chain.get(chain.size() - 1);
    boolean byName = last.type() == FieldType.MANY2ONE && expected instanceof String;
    return record -> {
      Object actual = valueAlong(chain, record, byName);
      return test.test(actual, expected);
    };
  }

  private List<Field> resolve(String path, String leafRepr) {
    String[] parts = path.split("\\.");
    ModelSchema current = schema;
    List<Field> chain = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      Field field = current.field(parts[i]).orElse(null);
      boolean last = i == parts.length - 1;
      if (field == null || !last && field.type() != FieldType.MANY2ONE) {
        throw OdooErrors.valueError("Invalid field " + current.name() + "." + parts[i] + " in leaf " + leafRepr);
      }
      chain.add(field);
      if (!last) {
        current = store.schema(field.relation());
      }
    }
    return chain;
  }

  private Object valueAlong(List<Field> chain, Record record, boolean byName) {
    Record current = record;
    for (int i = 0; i < chain.size() - 1; i++) {
      Object id = Values.raw(store, chain.get(i), current);
      if (id == null) {
        return null;
      }
      current = store.table(chain.get(i).relation()).find(((Number) id).longValue()).orElse(null);
      if (current == null) {
        return null;
      }
    }
    Field last = chain.get(chain.size() - 1);
    Object value = Values.raw(store, last, current);
    if (byName && value != null) {
      return store.displayName(last.relation(), ((Number) value).longValue());
    }
    return value;
  }

  private static boolean same(Object actual, Object expected) {
    if (actual instanceof Collection<?> ids) {
      return isFalse(expected) ? ids.isEmpty() : ids.stream().anyMatch(id -> scalarEquals(id, expected));
    }
    return scalarEquals(actual, expected);
  }

  private static boolean in(Object actual, Object expected) {
    List<?> options = expected instanceof JsonArray array ? array.getList() : List.of(expected);
    if (actual instanceof Collection<?> ids) {
      return ids.stream().anyMatch(id -> options.stream().anyMatch(option -> scalarEquals(id, option)));
    }
    return options.stream().anyMatch(option -> scalarEquals(actual, option));
  }

  private static boolean scalarEquals(Object actual, Object expected) {
    if (isFalse(expected)) {
      return isFalse(actual);
    }
    if (actual == null) {
      return false;
    }
    if (actual instanceof Number left && expected instanceof Number right) {
      return left.doubleValue() == right.doubleValue();
    }
    return actual.equals(expected);
  }

  private static boolean isFalse(Object value) {
    return value == null || Boolean.FALSE.equals(value);
  }

  private static boolean contains(Object actual, Object expected, boolean ignoreCase) {
    if (actual == null || expected == null) {
      return false;
    }
    String haystack = actual.toString();
    String needle = expected.toString();
    if (ignoreCase) {
      return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
    return haystack.contains(needle);
  }

  private static boolean pattern(Object actual, Object expected, boolean ignoreCase) {
    if (actual == null || expected == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : expected.toString().toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(regex.toString(), flags).matcher(actual.toString()).matches();
  }

  /** SQL semantics: a comparison with a missing value is never true. */
  private static boolean ordered(Object actual, Object expected, IntPredicate holds) {
    if (isFalse(actual) || isFalse(expected)) {
      return false;
    }
    if (actual instanceof Number left && expected instanceof Number right) {
      return holds.test(Double.compare(left.doubleValue(), right.doubleValue()));
    }
    return holds.test(actual.toString().compareTo(expected.toString()));
  }
}
