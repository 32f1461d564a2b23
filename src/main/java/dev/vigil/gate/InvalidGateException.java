package dev.vigil.gate;

import java.util.List;

/** A gate that cannot be planned: every problem found, each a sentence naming the culprit. */
public final class InvalidGateException extends Exception {
  private final List<String> problems;

  public InvalidGateException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
