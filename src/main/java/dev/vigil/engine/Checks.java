package dev.vigil.engine;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Json;
import dev.vigil.journey.Template;
import dev.vigil.journey.ValuePath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates assertions against a step's result document. Pure functions: no state, no I/O.
 * An assertion that cannot be evaluated throws: {@link AssertionFailure} for numbers compared
 * with something else, {@link StepFault} (JOURNEY) for a rendered pattern that is not a regular
 * expression, {@link dev.vigil.journey.Template.UnresolvedException} for an expected value that
 * renders to nothing.
 * Numbers compare by value ({@code 2} equals {@code 2.0}); Vert.x JSON values compare like the
 * plain maps and lists they wrap.
 */
public final class Checks {
  private static final int SHOWN_CHARS = 200;

  private Checks() {}

  /**
   * Why the assertion does not hold, or empty when it holds.
   *
   * @param bindings for templates in the expected value
   */
  public static Optional<String> failure(
      Assertion assertion, Object document, Map<String, Object> bindings) {
    ValuePath path = ValuePath.parse(assertion.path());
    Object expected = Template.renderTree(assertion.expected(), bindings);
    Object actual;
    try {
      actual = path.read(document);
    } catch (ValuePath.MissingValueException missing) {
      return switch (assertion.op()) {
        case EMPTY -> Optional.empty();
        default -> Optional.of("expected " + describe(assertion, expected) + ", but " + missing.getMessage());
      };
    }
    boolean holds;
    try {
      holds = holds(assertion, plain(actual), plain(expected));
    } catch (PatternSyntaxException invalid) {
      throw new StepFault(ErrorClass.JOURNEY, describe(assertion, expected)
          + ": not a valid regular expression once rendered (" + invalid.getDescription() + ")");
    }
    return holds
        ? Optional.empty()
        : Optional.of("expected " + describe(assertion, expected) + ", found " + shown(actual));
  }

  private static boolean holds(Assertion assertion, Object actual, Object expected) {
    return switch (assertion.op()) {
      case EXISTS -> true;
      case EQUALS -> same(actual, expected);
      case NOT_EQUALS -> !same(actual, expected);
      case MATCHES -> Pattern.compile(String.valueOf(expected)).matcher(text(actual)).find();
      case CONTAINS -> contains(actual, expected);
      case GREATER_THAN -> compare(actual, expected) > 0;
      case LESS_THAN -> compare(actual, expected) < 0;
      case EMPTY -> isEmpty(actual);
      case NOT_EMPTY -> !isEmpty(actual);
    };
  }

  private static String describe(Assertion assertion, Object expected) {
    return switch (assertion.op()) {
      case EXISTS, EMPTY, NOT_EMPTY -> assertion.path() + " " + assertion.op().keyword();
      default -> assertion.path() + " " + assertion.op().keyword() + " " + shown(expected);
    };
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    return Objects.equals(a, b);
  }

  private static boolean contains(Object actual, Object expected) {
    if (actual instanceof Collection<?> items) {
      return items.stream().anyMatch(item -> same(item, expected));
    }
    return actual instanceof String s && s.contains(text(expected));
  }

  private static int compare(Object actual, Object expected) {
    if (!(actual instanceof Number a) || !(expected instanceof Number b)) {
      throw new AssertionFailure("cannot compare " + shown(actual) + " with " + shown(expected) + ": both must be numbers");
    }
    return decimal(a).compareTo(decimal(b));
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || Boolean.FALSE.equals(value)
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  private static BigDecimal decimal(Number n) {
    return new BigDecimal(n.toString());
  }

  private static String text(Object value) {
    return value instanceof String s ? s : Json.quote(value);
  }

  /** Converts Vert.x JSON values to plain maps and lists, recursively. */
  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plain(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return plain(a.getList());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(plain(item)));
      return out;
    }
    return value;
  }

  static String shown(Object value) {
    String text = Json.quote(plain(value));
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
  }
}
