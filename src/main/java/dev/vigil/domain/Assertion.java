package dev.vigil.domain;

/**
 * A check on a step's result: the value at {@code path} compared with {@code expected}
 * (ignored by {@link AssertionOp#EXISTS}, {@link AssertionOp#EMPTY}, {@link AssertionOp#NOT_EMPTY}).
 */
public record Assertion(String path, AssertionOp op, Object expected, SourcePos source) {

  /** How the check reads in a failure message, e.g. {@code result[0].state equals "posted"}. */
  public String describe() {
    return switch (op) {
      case EXISTS, EMPTY, NOT_EMPTY -> path + " " + op.keyword();
      default -> path + " " + op.keyword() + " " + Json.quote(expected);
    };
  }
}
