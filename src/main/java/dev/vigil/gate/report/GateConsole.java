package dev.vigil.gate.report;

import dev.vigil.domain.RunResult;
import dev.vigil.gate.GateReport;
import java.io.PrintWriter;

/**
 * What {@code vigil gate} prints while it runs and when it is done: on a terminal a progress bar
 * redrawn in place and a final table; elsewhere (CI logs) one plain line per run and per tenant ×
 * journey. Called from one thread at a time (the gate's event loop, then the main thread).
 */
public interface GateConsole {

  /** A run finished. Must be quick: it is called on the gate's event loop. */
  void runFinished(RunResult run);

  /** The gate is judged. */
  void finished(GateReport report);

  /**
   * @param terminal draw a progress bar and a table (a person is watching), else plain lines
   * @param totalRuns how many runs the gate makes
   */
  static GateConsole of(PrintWriter out, boolean terminal, int totalRuns) {
    return terminal ? new TerminalConsole(out, totalRuns) : new PlainConsole(out, totalRuns);
  }
}
