package dev.vigil.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compact JSON rendering of plain Java value trees, for messages (never for parsing). */
public final class Json {
  private Json() {}

  /** Renders maps, lists, strings, numbers, booleans and null as JSON text. */
  public static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> quote(String.valueOf(e.getKey())) + ":" + quote(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value);
  }
}
