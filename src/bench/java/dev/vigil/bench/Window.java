package dev.vigil.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What happened between two instants: Vigil's own counts (differences of two scrapes of its
 * {@code /metrics}) beside what was measured outside it (CPU from {@code /proc}, calls counted by
 * the sandbox).
 *
 * @param seconds wall time between the two marks, each taken just before a scrape (rates use it)
 * @param runsByOutcome finished runs by outcome ({@code vigil_runs_total})
 * @param runsByJourney finished runs by journey
 * @param calls requests the sandbox answered
 * @param authentications sandbox logins (a session created or renewed)
 * @param sandboxWaits sandbox requests that waited for a worker (0: the sandbox was never the bottleneck)
 * @param lateness {@code vigil_schedule_lateness_seconds} buckets over the window
 * @param latenessRecentMax {@code vigil_schedule_lateness_seconds_max} at the end: Micrometer's max of the last ~2 minutes
 * @param skippedByReason due runs not started ({@code vigil_runs_skipped_total}), by reason
 * @param cpuSeconds wall time over which CPU is counted: from after the first scrape (so that its
 *     rendering is not counted as monitoring) to the second mark
 * @param vigilCpuSeconds Vigil's CPU time
 * @param benchCpuSeconds this JVM's CPU time (the sandbox fleet)
 * @param otherCpuSeconds the CPU time of every other process of the machine
 * @param heapUsedBytes Vigil's heap in use at the end ({@code jvm_memory_used_bytes{area="heap"}})
 * @param rssMaxBytes Vigil's largest resident set seen during the window
 * @param invoiceConcurrency invoice-posting runs in flight on average: their step time over the window (Little's law)
 * @param concurrency runs of every journey in flight on average, the same way
 * @param meanRunSecondsByJourney mean run time by journey, teardown excluded ({@code vigil_journey_duration_seconds})
 * @param gcPauses garbage-collection pauses in the window ({@code jvm_gc_pause_seconds_count})
 * @param gcPauseSeconds their total time
 * @param gcPauseRecentMax the longest pause of the last ~2 minutes at the end ({@code _max})
 * @param inFlightAtEnd {@code vigil_runs_in_flight} at the end
 * @param queuedAtEnd {@code vigil_runs_queued} at the end
 */
record Window(
    double seconds,
    Map<String, Double> runsByOutcome,
    Map<String, Double> runsByJourney,
    long calls,
    long authentications,
    long sandboxWaits,
    BucketCounts lateness,
    double latenessRecentMax,
    Map<String, Double> skippedByReason,
    double cpuSeconds,
    double vigilCpuSeconds,
    double benchCpuSeconds,
    double otherCpuSeconds,
    double heapUsedBytes,
    long rssMaxBytes,
    double invoiceConcurrency,
    double concurrency,
    Map<String, Double> meanRunSecondsByJourney,
    double gcPauses,
    double gcPauseSeconds,
    double gcPauseRecentMax,
    double inFlightAtEnd,
    double queuedAtEnd) {

  /** The metric families a window needs from a scrape. */
  static final Set<String> METRICS = Set.of(
      "vigil_runs_total", "vigil_runs_skipped_total", "vigil_schedule_lateness_seconds_bucket",
      "vigil_schedule_lateness_seconds_max", "jvm_memory_used_bytes", "vigil_step_duration_seconds_sum",
      "vigil_journey_duration_seconds_sum", "vigil_journey_duration_seconds_count", "vigil_runs_in_flight",
      "vigil_runs_queued", "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max");

  /**
   * @param from taken just before scrape {@code before} (for a process just started: at its start)
   * @param cpuFrom taken just after scrape {@code before}
   * @param to taken just before scrape {@code after}
   */
  static Window between(Mark from, Mark cpuFrom, Mark to, PrometheusText before, PrometheusText after,
      long rssMaxBytes) {
    double seconds = to.secondsSince(from);
    double vigilCpu = to.vigilCpu() - cpuFrom.vigilCpu();
    double benchCpu = to.benchCpu() - cpuFrom.benchCpu();
    double invoiceStepSeconds = stepSeconds(after, "invoice-posting") - stepSeconds(before, "invoice-posting");
    double allStepSeconds = stepSeconds(after, null) - stepSeconds(before, null);
    Map<String, Double> runSeconds = difference(before.sumBy("vigil_journey_duration_seconds_sum", s -> s.label("journey")),
        after.sumBy("vigil_journey_duration_seconds_sum", s -> s.label("journey")));
    Map<String, Double> runCounts = difference(before.sumBy("vigil_journey_duration_seconds_count", s -> s.label("journey")),
        after.sumBy("vigil_journey_duration_seconds_count", s -> s.label("journey")));
    Map<String, Double> meanRunSeconds = new TreeMap<>();
    runCounts.forEach((journey, count) -> meanRunSeconds.put(journey, runSeconds.getOrDefault(journey, 0.0) / count));
    return new Window(
        seconds,
        difference(before.sumBy("vigil_runs_total", s -> s.label("outcome")),
            after.sumBy("vigil_runs_total", s -> s.label("outcome"))),
        difference(before.sumBy("vigil_runs_total", s -> s.label("journey")),
            after.sumBy("vigil_runs_total", s -> s.label("journey"))),
        to.calls() - from.calls(),
        to.authentications() - from.authentications(),
        to.waits() - from.waits(),
        BucketCounts.between(before.buckets("vigil_schedule_lateness_seconds"),
            after.buckets("vigil_schedule_lateness_seconds")),
        after.sum("vigil_schedule_lateness_seconds_max"),
        difference(before.sumBy("vigil_runs_skipped_total", s -> s.label("reason")),
            after.sumBy("vigil_runs_skipped_total", s -> s.label("reason"))),
        to.secondsSince(cpuFrom),
        vigilCpu,
        benchCpu,
        to.machineCpu() - cpuFrom.machineCpu() - vigilCpu - benchCpu,
        after.sum("jvm_memory_used_bytes", s -> s.label("area").equals("heap")),
        rssMaxBytes,
        invoiceStepSeconds / seconds,
        allStepSeconds / seconds,
        meanRunSeconds,
        after.sum("jvm_gc_pause_seconds_count") - before.sum("jvm_gc_pause_seconds_count"),
        after.sum("jvm_gc_pause_seconds_sum") - before.sum("jvm_gc_pause_seconds_sum"),
        after.samples("jvm_gc_pause_seconds_max").stream().mapToDouble(PrometheusText.Sample::value).max().orElse(0),
        after.sum("vigil_runs_in_flight"),
        after.sum("vigil_runs_queued"));
  }

  /** Step time summed over every series of {@code journey} (null: of every journey). */
  private static double stepSeconds(PrometheusText scrape, String journey) {
    return scrape.sum("vigil_step_duration_seconds_sum", s -> journey == null || s.label("journey").equals(journey));
  }

  private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> window = new TreeMap<>();
    after.forEach((key, value) -> {
      double delta = value - before.getOrDefault(key, 0.0);
      if (delta != 0) {
        window.put(key, delta);
      }
    });
    return window;
  }

  double runs() {
    return runsByOutcome.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  double runsPerSecond() {
    return runs() / seconds;
  }

  double callsPerSecond() {
    return calls / seconds;
  }

  double vigilCpuPercent() {
    return 100 * vigilCpuSeconds / cpuSeconds;
  }

  double benchCpuPercent() {
    return 100 * benchCpuSeconds / cpuSeconds;
  }

  double otherCpuPercent() {
    return 100 * otherCpuSeconds / cpuSeconds;
  }

  double skipped() {
    return skippedByReason.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
