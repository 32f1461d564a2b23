package dev.vigil.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code vigil_*} series Vigil exports, read from the README's metrics table, each one
 * checked against the meter names registered in {@code src/main/java}: a metric the README lists
 * but no code registers is refused, so a rule or panel cannot rest on a documented-only name.
 */
final class ExportedMetrics {

  private static final Pattern ROW = Pattern.compile("^\\| (`vigil_.*?) \\| (\\w+) \\|", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("`(vigil_\\w+)`");
  /** A series name in PromQL: a word not followed by '(' (a function) or part of a label list. */
  static final Pattern SERIES = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private ExportedMetrics() {}

  /** Every series name: histograms with their _bucket/_count/_sum, summaries _count/_sum. */
  static Set<String> series() {
    String readme = K8sFiles.read(K8sFiles.REPO.resolve("README.md"));
    Set<String> registered = registeredNames();
    Set<String> series = new HashSet<>();
    Matcher row = ROW.matcher(readme);
    while (row.find()) {
      String type = row.group(2);
      Matcher name = NAME.matcher(row.group(1));
      while (name.find()) {
        String metric = name.group(1);
        String base = metric.replaceFirst("_total$", "").replaceFirst("_seconds$", "");
        if (!registered.contains(base) && !registered.contains(base.replace('_', '.'))) {
          throw new AssertionError("README lists " + metric + " but no code registers " + base);
        }
        series.add(metric);
        switch (type) {
          case "histogram" -> series.addAll(Set.of(metric + "_bucket", metric + "_count", metric + "_sum"));
          case "summary" -> series.addAll(Set.of(metric + "_count", metric + "_sum"));
          default -> { }
        }
      }
    }
    if (series.size() < 15) {
      throw new AssertionError("the README's metrics table was not found: " + series);
    }
    return series;
  }

  /** The string literals of src/main/java that look like meter names. */
  private static Set<String> registeredNames() {
    Pattern literal = Pattern.compile("\"(vigil[._][a-z_.]+)\"");
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.walk(K8sFiles.REPO.resolve("src/main/java"))) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        Matcher m = literal.matcher(K8sFiles.read(f));
        while (m.find()) {
          names.add(m.group(1));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
