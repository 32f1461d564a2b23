package dev.vigil.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold language: {@code [JOURNEY[/STEP]:]METRIC OP VALUE}.
 *
 * <ul>
 *   <li>METRIC: {@code p50}, {@code p90}, {@code p95}, {@code p99}, any {@code pN} or {@code p(N)}
 *       with 0 &lt; N ≤ 100, {@code med}, {@code avg}, {@code min}, {@code max}, {@code success}
 *   <li>OP: {@code <}, {@code <=}, {@code >}, {@code >=}
 *   <li>VALUE: for latencies a number with {@code ms}, {@code s} or {@code m} ({@code 800ms},
 *       {@code 1.5s}; a bare number is milliseconds, as in k6); for {@code success} a percentage
 *       ({@code 99.5%}) or a ratio from 0 to 1
 * </ul>
 *
 * Spaces are allowed around the operator. Stateless and thread-safe.
 */
public final class Thresholds {
  private static final Pattern SYNTAX = Pattern.compile(
      "(?:([a-z0-9][a-z0-9_-]*)(?:/([^:]+))?:)?\\s*([a-z]+(?:\\(\\s*[0-9.]+\\s*\\)|[0-9.]+)?)\\s*(<=|>=|<|>)\\s*(\\S+)");
  private static final Pattern PERCENTILE = Pattern.compile("p\\(?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*\\)?");
  private static final Pattern LATENCY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m)?");
  private static final Pattern RATIO = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(%)?");

  private Thresholds() {}

  /** What parsing a list of thresholds gave: the thresholds, and every problem found. */
  public record Parsed(List<Threshold> thresholds, List<String> problems) {
    public Parsed {
      thresholds = List.copyOf(thresholds);
      problems = List.copyOf(problems);
    }
  }

  /** Parses each text; every problem is listed, naming the threshold as written. */
  public static Parsed parseAll(List<String> texts, String origin) {
    List<Threshold> thresholds = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String text : texts) {
      try {
        thresholds.add(parse(text, origin));
      } catch (IllegalArgumentException invalid) {
        problems.add("threshold '" + text + "': " + invalid.getMessage());
      }
    }
    return new Parsed(thresholds, problems);
  }

  /**
   * Parses one threshold.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static Threshold parse(String text, String origin) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "write [JOURNEY[/STEP]:]METRIC OP VALUE, e.g. invoice-posting:p95<800ms or success>=100%");
    }
    Metric metric = metric(m.group(3));
    Comparison comparison = comparison(m.group(4));
    double limit = metric.isLatency() ? millis(m.group(5)) : ratio(m.group(5));
    return new Threshold(Optional.ofNullable(m.group(1)), Optional.ofNullable(m.group(2)).map(String::strip),
        metric, comparison, limit, origin);
  }

  private static Metric metric(String name) {
    switch (name) {
      case "med": return Metric.of(Metric.Kind.MEDIAN);
      case "avg": return Metric.of(Metric.Kind.AVERAGE);
      case "min": return Metric.of(Metric.Kind.MIN);
      case "max": return Metric.of(Metric.Kind.MAX);
      case "success": return Metric.of(Metric.Kind.SUCCESS);
      default:
        Matcher p = PERCENTILE.matcher(name);
        if (p.matches()) {
          double percentile = Double.parseDouble(p.group(1));
          if (percentile > 0 && percentile <= 100) {
            return Metric.percentile(percentile);
          }
          throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + p.group(1));
        }
        throw new IllegalArgumentException("unknown metric '" + name
            + "': use p50, p90, p95, p99, pN, med, avg, min, max or success");
    }
  }

  private static Comparison comparison(String symbol) {
    for (Comparison c : Comparison.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown operator " + symbol);
  }

  private static double millis(String value) {
    Matcher m = LATENCY.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a latency: write a number and ms, s or m, e.g. 800ms, 2s");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> number * 1_000;
      case "m" -> number * 60_000;
      default -> number;
    };
  }

  private static double ratio(String value) {
    Matcher m = RATIO.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a success ratio: write a percentage such as 99% or a ratio such as 0.99");
    }
    double ratio = m.group(2) != null ? Double.parseDouble(m.group(1)) / 100 : Double.parseDouble(m.group(1));
    if (ratio > 1) {
      throw new IllegalArgumentException("a success ratio is at most 100% (1.0), not " + value);
    }
    return ratio;
  }

  /** A limit as written back: {@code 800ms}, {@code 1500ms}, {@code 100%}. */
  static String formatValue(Metric metric, double limit) {
    return metric.isLatency() ? number(limit) + "ms" : number(limit * 100) + "%";
  }

  /** A number without a needless fraction: {@code 95}, {@code 99.9}. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(Math.round(value * 1000) / 1000.0);
  }
}
