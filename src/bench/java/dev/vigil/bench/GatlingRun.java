package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link InvoiceSimulation} in its own JVM against the sandbox fleet and measures it the way
 * Vigil is measured: CPU from {@code /proc} over a steady window that starts after a settle period
 * (JVM start, logins, JIT), throughput from the sandbox's own counts over the same window — a
 * journey is an {@code account.move/unlink} answered — so neither tool's self-reporting is used.
 */
final class GatlingRun {
  /** The request that ends a journey. */
  static final String JOURNEY_END = "/web/dataset/call_kw/account.move/unlink";
  private static final Duration FIRST_JOURNEY_TIMEOUT = Duration.ofSeconds(90);
  /** The JVM options Gatling's Maven plugin starts it with (its defaults), heap raised to 2 GiB. */
  static final List<String> GATLING_JVM = List.of(
      "-server", "-Xmx2g", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED");

  /** What the window measured. */
  record Result(int users, double seconds, long journeys, long calls, double cpuSeconds, long rssBytes,
      String requestSummary) {
    double journeysPerSecond() {
      return journeys / seconds;
    }

    double callsPerSecond() {
      return calls / seconds;
    }

    double cpuPercent() {
      return 100 * cpuSeconds / seconds;
    }
  }

  private GatlingRun() {}

  /** Gatling's own final count of requests, OK and KO (its last "Global" line). */
  private static String requestSummary(List<String> globalLines) {
    if (globalLines.isEmpty()) {
      return "Gatling printed no request count";
    }
    String[] cells = globalLines.get(globalLines.size() - 1).split("\\|");
    return "Gatling counted " + cells[1].trim() + " requests, OK " + cells[2].trim() + ", KO " + cells[3].trim();
  }

  /**
   * Runs {@code users} virtual users, one per database spread over the fleet (wrapping when there
   * are more users than databases), and measures {@code measure} after {@code settle}.
   */
  static Result run(Path workDir, List<SandboxFleet.Placement> placements, int users, Duration settle,
      Duration measure, CallLog calls, double ticksPerSecond, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path targets = workDir.resolve("targets.csv");
    List<String> lines = new ArrayList<>();
    for (int user = 0; user < users; user++) {
      SandboxFleet.Placement placement = users <= placements.size()
          ? placements.get((int) ((long) user * placements.size() / users))
          : placements.get(user % placements.size());
      lines.add(placement.baseUrl() + "," + placement.database());
    }
    Files.write(targets, lines);
    Duration loop = settle.plus(measure).plusSeconds(10);
    List<String> arguments = new ArrayList<>(GATLING_JVM);
    arguments.addAll(List.of(
        "-Dbench.gatling.targets=" + targets,
        "-Dbench.gatling.users=" + users,
        "-Dbench.gatling.seconds=" + loop.toSeconds(),
        "-cp", System.getProperty("java.class.path"),
        "io.gatling.app.Gatling",
        "--simulation", InvoiceSimulation.class.getName(),
        "--results-folder", workDir.resolve("results").toString(),
        "--no-reports"));
    try (ChildProcess gatling = ChildProcess.startJava("gatling", arguments, environment, workDir.resolve("gatling.log"))) {
      ProcessSampler sampler = new ProcessSampler(gatling.pid(), ticksPerSecond);
      long firstJourneys = calls.count(JOURNEY_END);
      long deadline = System.nanoTime() + FIRST_JOURNEY_TIMEOUT.toNanos();
      while (calls.count(JOURNEY_END) == firstJourneys) {
        gatling.requireAlive();
        if (System.nanoTime() > deadline) {
          throw new BenchmarkFailure("Gatling finished no journey within " + FIRST_JOURNEY_TIMEOUT.toSeconds()
              + " s:\n" + gatling.logTail(30));
        }
        Thread.sleep(100);
      }
      Thread.sleep(settle.toMillis());
      gatling.requireAlive();
      double cpuBefore = sampler.cpuSeconds();
      long journeysBefore = calls.count(JOURNEY_END);
      long callsBefore = calls.total();
      long start = System.nanoTime();
      Thread.sleep(measure.toMillis());
      gatling.requireAlive();
      double cpu = sampler.cpuSeconds() - cpuBefore;
      double seconds = (System.nanoTime() - start) / 1e9;
      long journeys = calls.count(JOURNEY_END) - journeysBefore;
      long served = calls.total() - callsBefore;
      long rss = sampler.rssBytes();
      int exit = gatling.awaitExit(Duration.ofSeconds(90));
      if (exit != 0) {
        throw new BenchmarkFailure("Gatling ended with code " + exit + ":\n" + gatling.logTail(30));
      }
      return new Result(users, seconds, journeys, served, cpu, rss, requestSummary(gatling.logLines("> Global")));
    }
  }
}
