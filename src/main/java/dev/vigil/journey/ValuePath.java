package dev.vigil.journey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path into a JSON-like value: a name followed by {@code .name} and {@code [index]} segments,
 * e.g. {@code result[0].state} or {@code steps.create-invoice.result}. Names may hold letters,
 * digits, {@code _} and {@code -}. Reads plain maps and lists as well as Vert.x JSON types.
 * Immutable and thread-safe.
 */
public final class ValuePath {
  private final String text;
  private final List<Object> segments; // String for a key, Integer for an index

  private ValuePath(String text, List<Object> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException naming the offending character and its offset
   */
  public static ValuePath parse(String text) {
    List<Object> segments = new ArrayList<>();
    int i = 0;
    int n = text.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty path");
    }
    i = readName(text, i, segments);
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        i = readName(text, i + 1, segments);
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("'[' at offset " + i + " is never closed in '" + text + "'");
        }
        String index = text.substring(i + 1, close).trim();
        if (!index.matches("\\d+")) {
          throw new IllegalArgumentException(
              "'[" + index + "]' in '" + text + "' is not a list index (a whole number)");
        }
        segments.add(Integer.parseInt(index));
        i = close + 1;
      } else {
        throw new IllegalArgumentException(
            "unexpected '" + c + "' at offset " + i + " in '" + text + "'");
      }
    }
    return new ValuePath(text, segments);
  }

  private static int readName(String text, int start, List<Object> segments) {
    int i = start;
    while (i < text.length() && isNameChar(text.charAt(i))) {
      i++;
    }
    if (i == start) {
      throw new IllegalArgumentException("a name is expected at offset " + start + " in '" + text + "'");
    }
    segments.add(text.substring(start, i));
    return i;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** The first name of the path: for templates, the namespace ({@code vars}, {@code steps}, ...). */
  public String head() {
    return (String) segments.get(0);
  }

  /** The segment after the head when it is a name (e.g. the variable or step name), else null. */
  public String second() {
    return segments.size() > 1 && segments.get(1) instanceof String s ? s : null;
  }

  public int length() {
    return segments.size();
  }

  /**
   * Reads the value at this path.
   *
   * @throws MissingValueException when a segment is absent, saying which and why
   */
  public Object read(Object root) {
    Object current = root;
    StringBuilder walked = new StringBuilder();
    for (Object segment : segments) {
      current = step(current, segment, walked);
      walked.append(segment instanceof Integer idx ? "[" + idx + "]" : (walked.isEmpty() ? "" : ".") + segment);
    }
    return current;
  }

  /** Whether the path leads to a value (which may be null). */
  public boolean exists(Object root) {
    try {
      read(root);
      return true;
    } catch (MissingValueException e) {
      return false;
    }
  }

  private Object step(Object current, Object segment, StringBuilder walked) {
    Object value = unwrap(current);
    String where = walked.isEmpty() ? "" : walked + ": ";
    if (segment instanceof Integer index) {
      if (!(value instanceof List<?> list)) {
        throw new MissingValueException(text, where + "not a list, cannot take [" + index + "] of " + kind(value));
      }
      if (index >= list.size()) {
        throw new MissingValueException(
            text, where + "no element [" + index + "], the list has " + list.size() + " element(s)");
      }
      return list.get(index);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new MissingValueException(text, where + "not an object, cannot read '" + segment + "' of " + kind(value));
    }
    if (!map.containsKey(segment)) {
      throw new MissingValueException(text, where + "no field '" + segment + "'");
    }
    return map.get(segment);
  }

  private static Object unwrap(Object value) {
    if (value instanceof JsonObject o) {
      return o.getMap();
    }
    if (value instanceof JsonArray a) {
      return a.getList();
    }
    return value;
  }

  private static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    return value.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValuePath other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Thrown by {@link #read} when the path leads nowhere; the message says where it stopped. */
  public static final class MissingValueException extends RuntimeException {
    private final String path;

    public MissingValueException(String path, String reason) {
      super(path + ": " + reason, null, false, false);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }
}
