package dev.vigil.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A Prometheus text-format (0.0.4) scrape, parsed: samples with their labels, types and help texts. */
public final class Scraped {

  /** One line of a scrape: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;
  private final Map<String, String> helps;

  private Scraped(List<Sample> samples, Map<String, String> types, Map<String, String> helps) {
    this.samples = samples;
    this.types = types;
    this.helps = helps;
  }

  public static Scraped parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    Map<String, String> helps = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        types.put(parts[0], parts[1]);
      } else if (line.startsWith("# HELP ")) {
        String[] parts = line.substring(7).split(" ", 2);
        helps.put(parts[0], parts.length > 1 ? parts[1] : "");
      } else if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    return new Scraped(List.copyOf(samples), types, helps);
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || brace > space) {
      return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1)));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int i = brace + 1;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String key = line.substring(i, equals);
      StringBuilder value = new StringBuilder();
      int j = equals + 2; // past ="
      while (line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\') {
          char escaped = line.charAt(++j);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
        j++;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return new Sample(line.substring(0, brace), Map.copyOf(labels), value(line.substring(i + 2)));
  }

  private static double value(String text) {
    String value = text.trim().split(" ")[0];
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  public List<Sample> samples() {
    return samples;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  public boolean has(String name) {
    return !samples(name).isEmpty();
  }

  /** The label sets of every sample of {@code name}. */
  public Set<Map<String, String>> labelSets(String name) {
    return samples(name).stream().map(Sample::labels).collect(Collectors.toSet());
  }

  /** The value of the one sample of {@code name} with exactly these labels. */
  public double value(String name, Map<String, String> labels) {
    List<Sample> found = samples(name).stream().filter(s -> s.labels().equals(labels)).toList();
    if (found.size() != 1) {
      fail("expected one sample " + name + labels + ", found " + found.size() + " among " + labelSets(name));
    }
    return found.get(0).value();
  }

  /**
   * The buckets of one histogram series: upper bound ({@code le}) to cumulative count, in order.
   */
  public Map<Double, Double> buckets(String histogram, Map<String, String> labels) {
    Map<Double, Double> buckets = new TreeMap<>();
    for (Sample s : samples(histogram + "_bucket")) {
      Map<String, String> rest = new HashMap<>(s.labels());
      String le = rest.remove("le");
      if (rest.equals(labels)) {
        buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), s.value());
      }
    }
    if (buckets.isEmpty()) {
      fail("no buckets for " + histogram + labels);
    }
    return buckets;
  }

  /** The cumulative count of the bucket with upper bound {@code le} (seconds). */
  public double bucket(String histogram, Map<String, String> labels, double le) {
    Double count = buckets(histogram, labels).get(le);
    if (count == null) {
      fail("no bucket le=" + le + " for " + histogram + labels + ": " + buckets(histogram, labels).keySet());
    }
    return count;
  }

  public String type(String name) {
    return types.get(name);
  }

  public String help(String name) {
    return helps.get(name);
  }

  /** Asserts the samples of {@code name} carry exactly these label sets with these values. */
  public void assertSeries(String name, Map<Map<String, String>, Double> expected) {
    Map<Map<String, String>, Double> actual = samples(name).stream()
        .collect(Collectors.toMap(Sample::labels, Sample::value));
    assertEquals(expected, actual, name);
  }
}
