package dev.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The samples of one Prometheus scrape (text format 0.0.4), read line by line from a file and kept
 * only for the metric names asked for: a scrape of 20,000 tenants is hundreds of megabytes, almost
 * all of it per-tenant histogram buckets the benchmark does not need.
 */
final class PrometheusText {
  /** One sample: a metric name (with its {@code _bucket}/{@code _sum}/{@code _count} suffix), labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {
    String label(String key) {
      return labels.getOrDefault(key, "");
    }
  }

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  /** A scrape with no samples: what a process that just started has counted. */
  static PrometheusText empty() {
    return new PrometheusText(List.of());
  }

  /** Reads the samples of {@code file} whose metric name {@code keep} accepts. */
  static PrometheusText read(Path file, Predicate<String> keep) throws IOException {
    List<Sample> kept = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        int nameEnd = nameEnd(line);
        String name = line.substring(0, nameEnd);
        if (keep.test(name)) {
          kept.add(parse(line, name, nameEnd));
        }
      }
    }
    return new PrometheusText(kept);
  }

  /** The samples called {@code name}. */
  List<Sample> samples(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  /** The sum of the samples called {@code name} that {@code filter} accepts (0 when none). */
  double sum(String name, Predicate<Sample> filter) {
    return samples.stream().filter(sample -> sample.name().equals(name) && filter.test(sample))
        .mapToDouble(Sample::value).sum();
  }

  double sum(String name) {
    return sum(name, sample -> true);
  }

  /** The samples called {@code name} summed by a key made of their labels, in key order. */
  Map<String, Double> sumBy(String name, Function<Sample, String> key) {
    Map<String, Double> sums = new TreeMap<>();
    for (Sample sample : samples(name)) {
      sums.merge(key.apply(sample), sample.value(), Double::sum);
    }
    return sums;
  }

  /**
   * The cumulative buckets of histogram {@code base} ({@code base_bucket{le=...}}) summed over all
   * its series, by upper bound in seconds ({@code +Inf} last).
   */
  Map<Double, Double> buckets(String base) {
    Map<Double, Double> buckets = new TreeMap<>();
    for (Sample sample : samples(base + "_bucket")) {
      buckets.merge(parseValue(sample.label("le")), sample.value(), Double::sum);
    }
    return buckets;
  }

  private static int nameEnd(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    return i;
  }

  private static Sample parse(String line, String name, int nameEnd) {
    Map<String, String> labels = new LinkedHashMap<>();
    int i = nameEnd;
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq);
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char escaped = line.charAt(++j);
            value.append(escaped == 'n' ? '\n' : escaped);
          } else {
            value.append(c);
          }
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).trim().split(" ");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
