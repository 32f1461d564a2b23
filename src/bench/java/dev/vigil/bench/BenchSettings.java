package dev.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to benchmark, from system properties (the {@code bench} Maven profile passes them on; see
 * README, "Benchmarks"). Every problem is reported at once.
 *
 * @param jar the Vigil jar to run ({@code bench.jar})
 * @param journeysDir where the journey files are copied from ({@code bench.journeysDir})
 * @param tenants how many tenants, one sandbox database each ({@code bench.tenants})
 * @param measure the measurement window after the warm-up ({@code bench.seconds})
 * @param journeys the journeys every tenant runs, each every {@link #INTERVAL} ({@code bench.journeys})
 * @param dbsPerServer databases per sandbox server ({@code bench.dbsPerServer})
 * @param workers workers per sandbox server ({@code bench.workers})
 * @param latencyScale the sandbox's service times, 1.0 = recorded Odoo timings ({@code bench.latencyScale})
 * @param maxRunsInFlight {@code --max-runs-in-flight} for Vigil, 0 = Vigil's default ({@code bench.maxRunsInFlight})
 * @param gatlingMeasure Gatling's measurement window, 0 = no Gatling run ({@code bench.gatlingSeconds})
 * @param vigilJvmArgs extra JVM options for Vigil, space-separated ({@code bench.vigilJvmArgs})
 */
record BenchSettings(
    Path jar,
    Path journeysDir,
    int tenants,
    Duration measure,
    List<String> journeys,
    int dbsPerServer,
    int workers,
    double latencyScale,
    int maxRunsInFlight,
    Duration gatlingMeasure,
    List<String> vigilJvmArgs) {

  /** Every journey runs at this interval. */
  static final Duration INTERVAL = Duration.ofSeconds(60);
  /** The first interval (every tenant logs in) and a margin: measured, but reported apart. */
  static final Duration WARM_UP = INTERVAL.plusSeconds(15);

  static BenchSettings fromSystemProperties() {
    List<String> problems = new ArrayList<>();
    BenchSettings settings = new BenchSettings(
        Path.of(text("bench.jar", "target/vigil.jar")),
        Path.of(text("bench.journeysDir", "journeys")),
        integer("bench.tenants", 5000, 1, problems),
        Duration.ofSeconds(integer("bench.seconds", 180, 10, problems)),
        Arrays.stream(text("bench.journeys", "login,health,invoice-posting").split(","))
            .map(String::trim).filter(id -> !id.isEmpty()).toList(),
        integer("bench.dbsPerServer", 100, 1, problems),
        integer("bench.workers", 64, 1, problems),
        decimal("bench.latencyScale", 1.0, problems),
        integer("bench.maxRunsInFlight", 0, 0, problems),
        Duration.ofSeconds(integer("bench.gatlingSeconds", 60, 0, problems)),
        Arrays.stream(text("bench.vigilJvmArgs", "").trim().split("\\s+")).filter(arg -> !arg.isEmpty()).toList());
    if (!Files.isRegularFile(settings.jar())) {
      problems.add("bench.jar: no file " + settings.jar() + " (build it first: ./mvnw package)");
    }
    if (settings.journeys().isEmpty()) {
      problems.add("bench.journeys: no journey given");
    }
    for (String journey : settings.journeys()) {
      if (!Files.isRegularFile(settings.journeysDir().resolve(journey + ".yaml"))) {
        problems.add("bench.journeys: no file " + settings.journeysDir().resolve(journey + ".yaml"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid benchmark settings:\n  " + String.join("\n  ", problems));
    }
    return settings;
  }

  /** Tenant × journey pairs Vigil schedules. */
  int checks() {
    return tenants * journeys.size();
  }

  /** Runs per second the schedule asks for. */
  double scheduledRunsPerSecond() {
    return (double) checks() / INTERVAL.toSeconds();
  }

  private static String text(String key, String fallback) {
    String value = System.getProperty(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int integer(String key, int fallback, int min, List<String> problems) {
    String value = text(key, Integer.toString(fallback));
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min) {
        problems.add(key + ": " + parsed + " is below " + min);
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(key + ": '" + value + "' is not a whole number");
      return fallback;
    }
  }

  private static double decimal(String key, double fallback, List<String> problems) {
    String value = text(key, Double.toString(fallback));
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed >= 0) || Double.isInfinite(parsed)) {
        problems.add(key + ": " + value + " is not a finite number >= 0");
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(key + ": '" + value + "' is not a number");
      return fallback;
    }
  }
}
