package dev.vigil.sandbox.orm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Python's {@code repr()} of JSON values, for messages that quote them exactly as Odoo does
 * ({@code ('detailed_type', '=', 'product')}, {@code res.partner(999999999,)}).
 */
public final class PyRepr {
  private PyRepr() {}

  /** The repr of one value: {@code None}, {@code True}, {@code 'text'}, {@code 1.0}, lists, dicts. */
  public static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean flag) {
      return flag ? "True" : "False";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Double || value instanceof Float) {
      return floatRepr(((Number) value).doubleValue());
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    if (value instanceof JsonArray array) {
      return list(array.getList());
    }
    if (value instanceof Collection<?> items) {
      return list(items);
    }
    if (value instanceof JsonObject object) {
      return dict(object.getMap());
    }
    if (value instanceof Map<?, ?> map) {
      return dict(map);
    }
    return quote(value.toString());
  }

  /** A tuple: {@code (a, b)}, or {@code (a,)} for one element. */
  public static String tuple(List<?> items) {
    String inner = items.stream().map(PyRepr::of).collect(Collectors.joining(", "));
    return items.size() == 1 ? "(" + inner + ",)" : "(" + inner + ")";
  }

  private static String list(Collection<?> items) {
    return items.stream().map(PyRepr::of).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String dict(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(entry -> of(String.valueOf(entry.getKey())) + ": " + of(entry.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String floatRepr(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e16) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return Double.toString(value);
  }

  private static String quote(String text) {
    char quote = text.contains("'") && !text.contains("\"") ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.append(quote).toString();
  }
}
