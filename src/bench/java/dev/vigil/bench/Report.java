package dev.vigil.bench;

import java.util.Optional;

/**
 * Everything one benchmark run measured, for {@link ResultTable}.
 *
 * @param vigil what {@code vigil run} did, measured from outside and through its metrics
 * @param gatling the comparison, when the tenants run invoice-posting and Gatling was asked for
 */
record Report(BenchSettings settings, Fleet fleet, VigilMeasurement.Result vigil, Optional<Comparison> gatling) {

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
