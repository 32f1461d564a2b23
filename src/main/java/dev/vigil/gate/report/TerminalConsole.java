package dev.vigil.gate.report;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.gate.GateReport;
import java.io.PrintWriter;

/** A progress bar redrawn in place with a carriage return, then the {@link GateTable}. */
final class TerminalConsole implements GateConsole {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final int total;
  private int done;
  private int notPassed;

  TerminalConsole(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  @Override
  public void runFinished(RunResult run) {
    done++;
    if (run.outcome() != Outcome.PASSED) {
      notPassed++;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    out.printf("\r[%s%s] %d/%d runs%s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
        notPassed == 0 ? "" : " · " + notPassed + " not passed");
    out.flush();
  }

  @Override
  public void finished(GateReport report) {
    out.println();
    GateTable.print(report, out);
  }
}
