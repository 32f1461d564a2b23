package dev.vigil.k8s;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL to tell which series an expression reads. */
final class PromQl {

  private static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
      "bool", "offset", "inf", "nan");
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
  private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

  /** Series Prometheus itself or Micrometer's binders provide (README: `jvm_*`, `process_*`...). */
  private static final Set<String> OTHER_PREFIXES = Set.of("jvm_", "process_", "system_", "vertx_");

  private PromQl() {}

  /** The series names an expression reads: words that are not functions, keywords or labels. */
  static Set<String> series(String expr) {
    String bare = STRINGS.matcher(expr).replaceAll("\"\"");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = VARIABLES.matcher(bare).replaceAll(" ");
    Set<String> series = new LinkedHashSet<>();
    Matcher word = WORD.matcher(bare);
    while (word.find()) {
      boolean function = word.group(1) != null;
      String name = word.group().replaceFirst("\\s*\\($", "");
      if (!function && !KEYWORDS.contains(name.toLowerCase())) {
        series.add(name);
      }
    }
    return series;
  }

  /** Why a series is unknown, or null when Vigil, Micrometer or Prometheus provide it. */
  static String unknown(String series, Set<String> exported, Set<String> recorded) {
    if (exported.contains(series) || recorded.contains(series) || series.equals("up")) {
      return null;
    }
    if (!series.startsWith("vigil_") && OTHER_PREFIXES.stream().anyMatch(series::startsWith)) {
      return null;
    }
    return series + " is neither exported by Vigil nor recorded by a rule";
  }
}
