package dev.vigil.cli;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepResult;
import java.io.PrintWriter;
import java.util.List;

/** Prints a run as a table a person reads at a glance: step, outcome, ms, message. */
final class RunTable {
  private static final int MESSAGE_WIDTH = 100;

  private RunTable() {}

  static void print(RunResult run, PrintWriter out) {
    out.printf("tenant %s · journey %s · run %s · Odoo %s%n", run.tenantId(), run.journeyId(), run.runId(),
        run.odooVersion().isPresent() ? String.valueOf(run.odooVersion().getAsInt()) : "?");
    int width = nameWidth(run);
    String format = "%-" + width + "s  %-9s  %7s  %s%n";
    out.printf(format, "STEP", "OUTCOME", "MS", "MESSAGE");
    rows(run.steps(), format, out);
    if (!run.teardown().isEmpty()) {
      out.printf(format, "-- teardown", "", "", "");
      rows(run.teardown(), format, out);
    }
    out.printf("%s in %d ms%s%s%n", run.outcome(), run.duration().toMillis(),
        run.errorClass().map(c -> " (" + c + ")").orElse(""),
        run.outcome().name().equals("PASSED") ? (run.overBudget() ? " - over budget" : "") : ": " + run.message());
    if (!run.teardownFailures().isEmpty()) {
      out.printf("WARNING: %d teardown step(s) failed - records may be left behind in %s%n",
          run.teardownFailures().size(), run.tenantId());
    }
    out.flush();
  }

  private static void rows(List<StepResult> steps, String format, PrintWriter out) {
    for (StepResult step : steps) {
      String outcome = step.outcome() + (step.soft() && step.failed() ? "*" : "");
      String ms = step.outcome().name().equals("SKIPPED") ? "" : Long.toString(step.duration().toMillis());
      out.printf(format, step.name(), outcome, ms, clip(step.message()));
    }
  }

  private static int nameWidth(RunResult run) {
    int width = "-- teardown".length();
    for (StepResult step : run.steps()) {
      width = Math.max(width, step.name().length());
    }
    for (StepResult step : run.teardown()) {
      width = Math.max(width, step.name().length());
    }
    return width;
  }

  private static String clip(String message) {
    String oneLine = message.replace('\n', ' ');
    return oneLine.length() <= MESSAGE_WIDTH ? oneLine : oneLine.substring(0, MESSAGE_WIDTH - 1) + "…";
  }
}
