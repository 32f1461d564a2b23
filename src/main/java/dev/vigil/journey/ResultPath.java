package dev.vigil.journey;

import java.util.Optional;

/**
 * Paths into a step's result document {@code {"result": ...}}, as written in {@code path} of
 * assertions and in {@code extract}: {@code result}, {@code result[0].state}.
 */
final class ResultPath {
  private ResultPath() {}

  /** The path text, when it parses and starts at {@code result}; else reported. */
  static Optional<String> read(YamlValue value) {
    Optional<String> text = value.text();
    if (text.isEmpty()) {
      return text;
    }
    try {
      ValuePath path = ValuePath.parse(text.get());
      if (!path.head().equals("result")) {
        value.problem("a path starts at 'result' (the step's result), e.g. result[0].state");
        return Optional.empty();
      }
      return text;
    } catch (IllegalArgumentException e) {
      value.problem("malformed path: " + e.getMessage());
      return Optional.empty();
    }
  }
}
