package dev.vigil.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark run measured, for {@link ResultTable}.
 *
 * @param vigilScheduling Vigil's own log line saying how many checks it scheduled
 * @param startSeconds from starting Vigil's JVM until {@code /metrics} answered
 * @param warmUp from Vigil's start to the end of the warm-up (sessions are created then)
 * @param measured the measurement window
 * @param busiestThreads Vigil's busiest threads over the measured window, busiest first
 * @param scrape the size and time of the scrape that ended the window
 * @param gatling the comparison, when the tenants run invoice-posting and Gatling was asked for
 */
record Report(
    BenchSettings settings,
    Fleet fleet,
    String vigilScheduling,
    double startSeconds,
    Window warmUp,
    Window measured,
    List<String> busiestThreads,
    Scrape scrape,
    OverheadPairing.Result overhead,
    Optional<Comparison> gatling,
    Shutdown shutdown,
    LogSummary log) {

  /** The sandbox the tenants lived on. */
  record Fleet(int servers, int dbsPerServer, int workers, double latencyScale, int odooVersion) {}

  /** One {@code /metrics} scrape. */
  record Scrape(long bytes, double seconds) {}

  /**
   * Gatling's run, and what Vigil's measured window says about the same journey.
   *
   * @param vigilCallsPerJourney sandbox calls on the paths Gatling used, per invoice-posting run of Vigil's
   */
  record Comparison(GatlingRun.Result gatling, double vigilCallsPerJourney, String requests) {}

  /**
   * How {@code vigil run} ended on SIGTERM: exit code (-1: killed after the timeout; 143 is the
   * JVM's own on SIGTERM once its shutdown hooks are done), time taken, and whether it said it
   * could not wait for every run.
   */
  record Shutdown(int exitCode, double seconds, boolean cutShort) {}

  /** Vigil's warnings and errors over the whole run (per-run lines are only logged for failures). */
  record LogSummary(int problems, String first) {}
}
