package dev.vigil.domain;

/**
 * A check on a step's result: the value at {@code path} compared with {@code expected}
 * (ignored by {@link AssertionOp#EXISTS}, {@link AssertionOp#EMPTY}, {@link AssertionOp#NOT_EMPTY}).
 */
public record Assertion(String path, AssertionOp op, Object expected, SourcePos source) {}
