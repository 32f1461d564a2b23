package dev.vigil.gate.report;

import dev.vigil.domain.RunResult;
import dev.vigil.gate.GateReport;
import dev.vigil.gate.JourneySummary;
import dev.vigil.gate.ThresholdCheck;
import java.io.PrintWriter;

/** One line per run and one per tenant × journey and threshold: what CI logs keep well. */
final class PlainConsole implements GateConsole {
  private final PrintWriter out;
  private final int total;
  private int done;

  PlainConsole(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  @Override
  public void runFinished(RunResult run) {
    done++;
    out.printf("run %d/%d %s/%s %s in %d ms%s (run %s)%n", done, total, run.tenantId(), run.journeyId(), run.outcome(),
        run.duration().toMillis(), run.errorClass().map(c -> " " + c).orElse(""), run.runId());
    out.flush();
  }

  @Override
  public void finished(GateReport report) {
    for (JourneySummary j : report.journeys()) {
      out.printf("%s runs=%d passed=%d p50=%s p95=%s max=%s%n", j.name(), j.runs(), j.passed(),
          GateTable.ms(j.p50()), GateTable.ms(j.p95()), GateTable.ms(j.max()));
      j.checks().forEach(c -> line(c));
      j.failedRuns().stream().map(FailedRun::of).forEach(r -> out.println("  " + r.describe()));
    }
    report.overall().forEach(this::line);
    out.println("gate " + report.verdict() + ": " + report.reason());
    out.flush();
  }

  private void line(ThresholdCheck check) {
    out.printf("  threshold %s %s %s%n", check.scope(), check.passed() ? "met" : "NOT MET", check.describe());
  }
}
