package dev.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as plain-text tables: the set-up, the warm-up beside the measured
 * window, Vigil's measurement overhead, the comparison with Gatling, and each target with whether
 * this run met it. Numbers only; nothing is asserted.
 */
final class ResultTable {
  private static final double MIB = 1024.0 * 1024.0;
  private static final double TARGET_LATENESS_P99_5K = 0.100;
  private static final double TARGET_CPU_5K = 50;
  private static final double TARGET_LATENESS_P99_20K = 1.0;
  private static final double TARGET_OVERHEAD_P50_MS = 1.0;

  private ResultTable() {}

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    setUp(report, out);
    windows(report, out);
    overhead(report.vigil().overhead(), out);
    report.gatling().ifPresent(comparison -> gatling(report, comparison, out));
    targets(report, out);
    return out.toString();
  }

  private static void setUp(Report report, StringBuilder out) {
    BenchSettings settings = report.settings();
    Report.Fleet fleet = report.fleet();
    out.append(String.format(Locale.ROOT, "%nVigil benchmark: %,d tenants x %d journeys (%s), each every %d s%n",
        settings.tenants(), settings.journeys().size(), String.join(", ", settings.journeys()),
        BenchSettings.INTERVAL.toSeconds()));
    out.append(String.format(Locale.ROOT, "machine: %d cores, %.1f GiB RAM, Java %s; Vigil JVM options: %s%n",
        Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.version"),
        settings.vigilJvmArgs().isEmpty() ? "none (JVM defaults)" : String.join(" ", settings.vigilJvmArgs())));
    long waits = report.vigil().warmUp().sandboxWaits() + report.vigil().measured().sandboxWaits();
    out.append(String.format(Locale.ROOT,
        "sandbox: %d servers x up to %d databases (Odoo %d) in the benchmark's JVM, %d workers each, latency scale %s%n",
        fleet.servers(), fleet.dbsPerServer(), fleet.odooVersion(), fleet.workers(), fleet.latencyScale()));
    out.append(String.format(Locale.ROOT, "         (x the recorded service times of real Odoo); requests that waited for a worker: %,d%s%n",
        waits, waits == 0 ? ", so the sandbox was never the bottleneck" : ""));
    out.append(String.format(Locale.ROOT, "vigil run: %s; /metrics answered %.1f s after the JVM started; %s%n",
        settings.maxRunsInFlight() > 0 ? "--max-runs-in-flight " + settings.maxRunsInFlight() : "default caps",
        report.vigil().startSeconds(), report.vigil().scheduling()));
  }

  private static void windows(Report report, StringBuilder out) {
    BenchSettings settings = report.settings();
    Window warm = report.vigil().warmUp();
    Window measured = report.vigil().measured();
    Table table = new Table("", "warm-up (first interval)", "measured");
    table.row("window", seconds(warm.seconds()), seconds(measured.seconds()));
    table.row("tenants / checks", String.format(Locale.ROOT, "%,d / %,d", settings.tenants(), settings.checks()), "");
    table.row("journeys/s", rate(warm.runsPerSecond()),
        rate(measured.runsPerSecond()) + String.format(Locale.ROOT, " (scheduled %.1f)", settings.scheduledRunsPerSecond()));
    table.row("outcomes", counts(warm.runsByOutcome()), counts(measured.runsByOutcome()));
    table.row("Odoo calls/s", rate(warm.callsPerSecond()), rate(measured.callsPerSecond()));
    table.row("sandbox logins", String.format(Locale.ROOT, "%,d", warm.authentications()),
        String.format(Locale.ROOT, "%,d", measured.authentications()));
    table.row("lateness p50", bound(warm.lateness().quantileBound(0.50)), bound(measured.lateness().quantileBound(0.50)));
    table.row("lateness p99", bound(warm.lateness().quantileBound(0.99)), bound(measured.lateness().quantileBound(0.99)));
    table.row("lateness max", maxBucket(warm.lateness()), maxBucket(measured.lateness())
        + String.format(Locale.ROOT, "; last ~2 min max %.1f ms", measured.latenessRecentMax() * 1000));
    table.row("skipped runs", counts(warm.skippedByReason()), counts(measured.skippedByReason()));
    table.row("mean run time", runTimes(warm), runTimes(measured));
    table.row("runs in flight: all / invoice", inFlight(warm), inFlight(measured));
    table.row("in flight / queued at end", String.format(Locale.ROOT, "%.0f / %.0f", warm.inFlightAtEnd(), warm.queuedAtEnd()),
        String.format(Locale.ROOT, "%.0f / %.0f", measured.inFlightAtEnd(), measured.queuedAtEnd()));
    table.row("Vigil CPU (100 % = 1 core)", percent(warm.vigilCpuPercent()), percent(measured.vigilCpuPercent()));
    table.row("Vigil GC pauses: count / total / recent max", gc(warm), gc(measured));
    table.row("Vigil heap used (at end)", mib(warm.heapUsedBytes()), mib(measured.heapUsedBytes()));
    table.row("Vigil RSS (max seen)", mib(warm.rssMaxBytes()), mib(measured.rssMaxBytes()));
    table.row("sandbox + bench JVM CPU", percent(warm.benchCpuPercent()), percent(measured.benchCpuPercent()));
    table.row("other processes' CPU", percent(warm.otherCpuPercent()), percent(measured.otherCpuPercent()));
    out.append('\n').append(table);
    out.append("Vigil's busiest threads in the window (100 % = 1 core): ").append(String.join(", ", report.vigil().busiestThreads()))
        .append('\n');
    out.append("lateness comes from vigil_schedule_lateness_seconds: quantiles are known to the bucket, whose bounds are ")
        .append(bounds(measured.lateness())).append(" ms\n");
    out.append(String.format(Locale.ROOT, "one /metrics scrape at this size: %.0f MiB in %.1f s (outside the window)%n",
        report.vigil().scrape().bytes() / MIB, report.vigil().scrape().seconds()));
    Report.Shutdown shutdown = report.vigil().shutdown();
    out.append(String.format(Locale.ROOT, "vigil run stopped by SIGTERM: %s%n", shutdown.exitCode() < 0
        ? "killed after not stopping in time"
        : String.format(Locale.ROOT, "exit code %d after %.1f s, %s", shutdown.exitCode(), shutdown.seconds(),
            shutdown.cutShort() ? "saying it could not wait for every run" : "every run in flight finished")));
    out.append(String.format(Locale.ROOT, "Vigil's log: %d warning/error line(s)%s%n", report.vigil().log().problems(),
        report.vigil().log().problems() == 0 ? "" : ", the first: " + report.vigil().log().first()));
  }

  private static void overhead(OverheadPairing.Result overhead, StringBuilder out) {
    out.append(String.format(Locale.ROOT,
        "%nMeasurement overhead: Vigil's step time minus the sandbox's service time for the same request%n"));
    if (overhead.matched() == 0) {
      out.append("  no step could be matched to its request (left out: ").append(overhead.unmatched()).append(")\n");
      return;
    }
    out.append(String.format(Locale.ROOT,
        "  p50 %.3f ms   p99 %.3f ms   mean %.3f ms   over %,d requests (%,d left out as ambiguous)%n",
        overhead.overheadMillis(0.50), overhead.overheadMillis(0.99), overhead.meanOverheadMillis(),
        overhead.matched(), overhead.unmatched()));
    out.append(String.format(Locale.ROOT, "  (the sandbox's own service time of those requests: p50 %.1f ms, p99 %.1f ms)%n",
        overhead.serviceMillis(0.50), overhead.serviceMillis(0.99)));
  }

  private static void gatling(Report report, Report.Comparison comparison, StringBuilder out) {
    Window vigil = report.vigil().measured();
    GatlingRun.Result gatling = comparison.gatling();
    double vigilJourneys = vigil.runsByJourney().getOrDefault("invoice-posting", 0.0) / vigil.seconds();
    double vigilCpuPerCall = 1000 * vigil.vigilCpuSeconds() / vigil.calls();
    double gatlingCpuPerCall = 1000 * gatling.cpuSeconds() / gatling.calls();
    double gatlingCallsPerJourney = (double) gatling.calls() / gatling.journeys();
    double vigilCpuPerJourney = vigilCpuPerCall * comparison.vigilCallsPerJourney();
    double gatlingCpuPerJourney = 1000 * gatling.cpuSeconds() / gatling.journeys();
    boolean onlyInvoices = report.settings().journeys().equals(List.of("invoice-posting"));
    out.append(String.format(Locale.ROOT,
        "%nVigil vs Gatling %s: invoice-posting against the same sandbox at the same concurrency (%d users)%n",
        System.getProperty("bench.gatlingVersion", ""), gatling.users()));
    Table table = new Table("", "Vigil", "Gatling", "Vigil / Gatling");
    table.row("concurrent invoice journeys", String.format(Locale.ROOT, "%.1f", vigil.invoiceConcurrency()),
        Integer.toString(gatling.users()), "");
    table.row("invoice journeys/s", rate(vigilJourneys), rate(gatling.journeysPerSecond()),
        ratio(vigilJourneys, gatling.journeysPerSecond()));
    table.row("Odoo calls per journey", String.format(Locale.ROOT, "%.2f", comparison.vigilCallsPerJourney()),
        String.format(Locale.ROOT, "%.2f", gatlingCallsPerJourney), "");
    table.row("Odoo calls/s (all journeys)", rate(vigil.callsPerSecond()), rate(gatling.callsPerSecond()), "");
    table.row("CPU (100 % = 1 core)", percent(vigil.vigilCpuPercent()), percent(gatling.cpuPercent()), "");
    table.row("CPU ms per Odoo call", String.format(Locale.ROOT, "%.3f", vigilCpuPerCall),
        String.format(Locale.ROOT, "%.3f", gatlingCpuPerCall), ratio(vigilCpuPerCall, gatlingCpuPerCall));
    table.row("CPU ms per journey" + (onlyInvoices ? "" : " (*)"), String.format(Locale.ROOT, "%.2f", vigilCpuPerJourney),
        String.format(Locale.ROOT, "%.2f", gatlingCpuPerJourney), ratio(vigilCpuPerJourney, gatlingCpuPerJourney));
    out.append(table);
    out.append(String.format(Locale.ROOT, "Gatling measured over %.0f s after a settle period, JVM -Xmx2g, RSS %.0f MiB; %s%n",
        gatling.seconds(), gatling.rssBytes() / MIB, gatling.requestSummary()));
    out.append("journey requests (call_kw): ").append(comparison.requests()).append('\n');
    if (!onlyInvoices) {
      out.append("(*) Vigil also ran the other journeys in the same window: its CPU per invoice journey is its CPU per\n"
          + "    Odoo call times the calls of one invoice journey. Run with -Dbench.journeys=invoice-posting for a direct figure.\n");
    }
  }

  private static void targets(Report report, StringBuilder out) {
    BenchSettings settings = report.settings();
    Window measured = report.vigil().measured();
    boolean standardMix = settings.journeys().size() == 3 && settings.journeys().containsAll(
        List.of("login", "health", "invoice-posting"));
    out.append("\nTargets (reported, not asserted)\n");
    Table table = new Table("target", "this run", "verdict");
    String scale5k = standardMix && settings.tenants() >= 5000 && settings.tenants() < 20000 ? null
        : "for 5,000 to 19,999 tenants x login, health, invoice-posting";
    double within100 = fractionWithin(measured.lateness(), TARGET_LATENESS_P99_5K);
    table.row("5,000 tenants: lateness p99 < 100 ms",
        String.format(Locale.ROOT, "%.3f %% of runs within 100 ms", 100 * within100),
        verdict(scale5k, within100 >= 0.99));
    table.row("5,000 tenants: CPU < 50 %", percent(measured.vigilCpuPercent()),
        verdict(scale5k, measured.vigilCpuPercent() < TARGET_CPU_5K));
    String scale20k = standardMix && settings.tenants() >= 20000 ? null
        : "for >= 20,000 tenants x login, health, invoice-posting";
    double within1s = fractionWithin(measured.lateness(), TARGET_LATENESS_P99_20K);
    double runShare = measured.runsPerSecond() / settings.scheduledRunsPerSecond();
    boolean held = measured.skipped() == 0 && runShare >= 0.98;
    table.row("20,000 tenants held (no skips, all runs done)",
        String.format(Locale.ROOT, "%.1f %% of scheduled runs done, %.0f skipped", 100 * runShare, measured.skipped()),
        verdict(scale20k, held));
    table.row("20,000 tenants: lateness p99 < 1 s",
        String.format(Locale.ROOT, "%.3f %% of runs within 1 s", 100 * within1s), verdict(scale20k, within1s >= 0.99));
    OverheadPairing.Result overhead = report.vigil().overhead();
    table.row("overhead p50 < 1 ms", String.format(Locale.ROOT, "%.3f ms", overhead.overheadMillis(0.5)),
        verdict(overhead.matched() == 0 ? "no request matched" : null, overhead.overheadMillis(0.5) < TARGET_OVERHEAD_P50_MS));
    out.append(table);
  }

  /** The share of observations at or under {@code bound}, which must be one of the histogram's bounds. */
  private static double fractionWithin(BucketCounts lateness, double bound) {
    double total = lateness.count();
    return total == 0 ? Double.NaN : lateness.cumulative().getOrDefault(bound, Double.NaN) / total;
  }

  private static String verdict(String notApplicable, boolean met) {
    return notApplicable != null ? "n/a: " + notApplicable : met ? "MET" : "NOT MET";
  }

  private static String runTimes(Window window) {
    return window.meanRunSecondsByJourney().entrySet().stream()
        .map(entry -> String.format(Locale.ROOT, "%s %.0f ms", entry.getKey(), entry.getValue() * 1000))
        .collect(Collectors.joining(", "));
  }

  private static String gc(Window window) {
    return String.format(Locale.ROOT, "%.0f / %.2f s / %.0f ms", window.gcPauses(), window.gcPauseSeconds(),
        window.gcPauseRecentMax() * 1000);
  }

  private static String inFlight(Window window) {
    return String.format(Locale.ROOT, "%.1f / %.1f", window.concurrency(), window.invoiceConcurrency());
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.0f s", seconds);
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.1f", perSecond);
  }

  private static String percent(double percent) {
    return String.format(Locale.ROOT, "%.1f %%", percent);
  }

  private static String mib(double bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / MIB);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String counts(Map<String, Double> counts) {
    return counts.isEmpty() ? "none" : counts.entrySet().stream()
        .map(entry -> String.format(Locale.ROOT, "%s %,.0f", entry.getKey(), entry.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String bound(double seconds) {
    return Double.isNaN(seconds) ? "-" : "<= " + millis(seconds);
  }

  private static String maxBucket(BucketCounts lateness) {
    double[] bucket = lateness.maxBucket();
    return bucket == null ? "-" : "in (" + millis(bucket[0]) + ", " + millis(bucket[1]) + "]";
  }

  private static String millis(double seconds) {
    return Double.isInfinite(seconds) ? "+Inf" : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
  }

  private static String bounds(BucketCounts lateness) {
    List<String> bounds = new ArrayList<>();
    lateness.bounds().forEach(bound -> {
      if (!Double.isInfinite(bound)) {
        bounds.add(String.format(Locale.ROOT, "%.0f", bound * 1000));
      }
    });
    return String.join(", ", bounds);
  }

  private static double totalMemoryGib() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() / (1024.0 * MIB);
  }

  /** A left-aligned text table. */
  private static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
    }

    @Override
    public String toString() {
      int columns = rows.get(0).length;
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < columns; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      StringBuilder text = new StringBuilder();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns; i++) {
          line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
        }
        text.append(line.toString().stripTrailing()).append('\n');
      }
      return text.toString();
    }
  }
}
