package dev.vigil.analysis.slo;

/**
 * Runs counted over a window: all of them, those that failed, those that passed, and the passed
 * ones slower than the latency threshold.
 */
public record Counts(long total, long failed, long passed, long slow) {
  public static final Counts NONE = new Counts(0, 0, 0, 0);

  Counts plus(Counts other) {
    return new Counts(total + other.total, failed + other.failed, passed + other.passed, slow + other.slow);
  }

  /** Failed ÷ total; 0 without runs. */
  public double errorRatio() {
    return total == 0 ? 0 : (double) failed / total;
  }

  /** Slow ÷ passed; 0 without passed runs. */
  public double slowRatio() {
    return passed == 0 ? 0 : (double) slow / passed;
  }
}
