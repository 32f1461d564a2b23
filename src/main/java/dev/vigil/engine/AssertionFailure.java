package dev.vigil.engine;

/** An assertion that did not hold; the message says what was expected and what was found. */
public final class AssertionFailure extends RuntimeException {
  public AssertionFailure(String message) {
    super(message, null, false, false);
  }
}
