package dev.vigil.gate;

/**
 * What a threshold measures over a set of runs or steps: a latency statistic in milliseconds
 * (percentile, median, average, minimum, maximum — over the runs or steps that passed) or the
 * success ratio (passed ÷ all, from 0 to 1).
 *
 * @param percentile for {@link Kind#PERCENTILE} only, above 0 and at most 100
 */
public record Metric(Kind kind, double percentile) {

  /** The kinds of statistic. */
  public enum Kind {
    PERCENTILE,
    MEDIAN,
    AVERAGE,
    MIN,
    MAX,
    SUCCESS
  }

  public static Metric of(Kind kind) {
    return new Metric(kind, 0);
  }

  public static Metric percentile(double p) {
    return new Metric(Kind.PERCENTILE, p);
  }

  public boolean isLatency() {
    return kind != Kind.SUCCESS;
  }

  /** The name as written in a threshold: {@code p95}, {@code p99.9}, {@code med}, {@code success}. */
  public String label() {
    return switch (kind) {
      case PERCENTILE -> "p" + Thresholds.number(percentile);
      case MEDIAN -> "med";
      case AVERAGE -> "avg";
      case MIN -> "min";
      case MAX -> "max";
      case SUCCESS -> "success";
    };
  }
}
