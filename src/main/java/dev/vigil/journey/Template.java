package dev.vigil.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ${...}} substitution in journey values, and nothing more: an expression is a
 * {@link ValuePath} into the bindings ({@code tenant}, {@code run}, {@code params}, {@code vars},
 * {@code steps}, {@code odoo}, {@code today}, {@code now}); there are no operators, calls or code.
 *
 * <p>A string that is exactly one expression keeps the value's type ({@code "${vars.id}"} renders
 * to the number 42); anywhere else the value is spliced in as text. {@code $${} writes a literal
 * {@code ${}. Immutable and thread-safe.
 */
public final class Template {
  private final String source;
  private final List<Object> parts; // String literal or ValuePath

  private Template(String source, List<Object> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a string that may hold expressions.
   *
   * @throws IllegalArgumentException for an unclosed {@code ${} or a malformed path
   */
  public static Template parse(String source) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (source.startsWith("${", i)) {
        int close = source.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("'${' at offset " + i + " is never closed with '}'");
        }
        String expression = source.substring(i + 2, close).trim();
        if (!literal.isEmpty()) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(ValuePath.parse(expression));
        i = close + 1;
      } else {
        literal.append(source.charAt(i));
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(literal.toString());
    }
    return new Template(source, parts);
  }

  /** The expressions of this template, in order. */
  public List<ValuePath> expressions() {
    return parts.stream().filter(ValuePath.class::isInstance).map(ValuePath.class::cast).toList();
  }

  /**
   * Renders with the given bindings.
   *
   * @throws UnresolvedException when an expression leads nowhere
   */
  public Object render(Map<String, Object> bindings) {
    if (parts.size() == 1 && parts.get(0) instanceof ValuePath only) {
      return resolve(only, bindings);
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      out.append(part instanceof ValuePath path ? text(resolve(path, bindings)) : part);
    }
    return out.toString();
  }

  private Object resolve(ValuePath path, Map<String, Object> bindings) {
    try {
      return path.read(bindings);
    } catch (ValuePath.MissingValueException e) {
      throw new UnresolvedException(path, e.getMessage());
    }
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return value instanceof String s ? s : dev.vigil.domain.Json.quote(value);
  }

  /** Every expression found in the strings of a JSON-like tree (map values, list items, strings). */
  public static List<ValuePath> expressionsIn(Object tree) {
    List<ValuePath> found = new ArrayList<>();
    walk(tree, s -> found.addAll(parse(s).expressions()));
    return found;
  }

  /** A copy of a JSON-like tree with every string rendered. */
  public static Object renderTree(Object tree, Map<String, Object> bindings) {
    if (tree instanceof String s) {
      return s.contains("${") ? parse(s).render(bindings) : s;
    }
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), renderTree(v, bindings)));
      return out;
    }
    if (tree instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(renderTree(item, bindings)));
      return out;
    }
    return tree;
  }

  private static void walk(Object tree, java.util.function.Consumer<String> onString) {
    if (tree instanceof String s) {
      onString.accept(s);
    } else if (tree instanceof Map<?, ?> map) {
      map.values().forEach(v -> walk(v, onString));
    } else if (tree instanceof List<?> list) {
      list.forEach(item -> walk(item, onString));
    }
  }

  @Override
  public String toString() {
    return source;
  }

  /** An expression that could not be resolved at run time: names it and says why. */
  public static final class UnresolvedException extends RuntimeException {
    private final ValuePath expression;

    public UnresolvedException(ValuePath expression, String reason) {
      super("${" + expression + "} is not set (" + reason + ")", null, false, false);
      this.expression = expression;
    }

    public ValuePath expression() {
      return expression;
    }
  }
}
