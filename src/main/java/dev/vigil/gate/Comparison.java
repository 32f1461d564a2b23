package dev.vigil.gate;

/** How a threshold compares a measured value with its limit. */
public enum Comparison {
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether {@code actual} stands in this relation to {@code limit}. */
  public boolean holds(double actual, double limit) {
    return switch (this) {
      case LESS -> actual < limit;
      case LESS_OR_EQUAL -> actual <= limit;
      case GREATER -> actual > limit;
      case GREATER_OR_EQUAL -> actual >= limit;
    };
  }
}
