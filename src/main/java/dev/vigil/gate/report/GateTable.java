package dev.vigil.gate.report;

import dev.vigil.gate.GateReport;
import dev.vigil.gate.JourneySummary;
import dev.vigil.gate.ThresholdCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A finished gate as a table a person reads at a glance: per tenant × journey the runs, how many
 * passed, p50, p95 and max of the passed runs, and each threshold's verdict (one per line), then
 * overall thresholds and the verdict.
 */
final class GateTable {
  private GateTable() {}

  static void print(GateReport report, PrintWriter out) {
    int width = Math.max("JOURNEY".length(),
        report.journeys().stream().mapToInt(j -> j.name().length()).max().orElse(0));
    String format = "%-" + width + "s  %5s  %5s  %8s  %8s  %8s  %s%n";
    out.printf(format, "JOURNEY", "RUNS", "PASS", "P50", "P95", "MAX", "THRESHOLDS");
    for (JourneySummary j : report.journeys()) {
      List<String> verdicts = j.checks().stream().map(GateTable::verdict).toList();
      out.printf(format, j.name(), j.runs(), j.passed(), ms(j.p50()), ms(j.p95()), ms(j.max()),
          verdicts.isEmpty() ? "-" : verdicts.get(0));
      verdicts.stream().skip(1).forEach(v -> out.printf(format, "", "", "", "", "", "", v));
      j.failedRuns().stream().limit(3).map(FailedRun::of).forEach(r -> out.println("  " + r.describe()));
    }
    report.overall().forEach(c -> out.printf(format, "overall", "", "", "", "", "", verdict(c)));
    out.println("gate " + report.verdict() + ": " + report.reason());
    out.flush();
  }

  static String ms(OptionalDouble millis) {
    return millis.isPresent() ? Math.round(millis.getAsDouble()) + "ms" : "-";
  }

  private static String verdict(ThresholdCheck check) {
    return (check.passed() ? "ok   " : "FAIL ") + check.describe();
  }
}
