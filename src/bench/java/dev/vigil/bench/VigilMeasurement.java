package dev.vigil.bench;

import dev.vigil.domain.Journey;
import dev.vigil.journey.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code vigil run} measured from start to SIGTERM: warm-up, measured window, overhead pairing,
 * graceful stop. Every wait checks that Vigil is still alive and has a deadline.
 *
 * <p>Timeline: start → warm-up (the first interval and 15 s; longer when not every tenant has
 * logged in by then) → scrape W → measured window → scrape B → 35 s → scrape C → SIGTERM. Rates
 * run from just before scrape W to just before scrape B, so that both ends are read alike; Vigil's
 * CPU is counted from just after scrape W, so rendering hundreds of megabytes of metrics is not
 * counted as monitoring. The overhead pairs come from scrapes B and C.
 */
final class VigilMeasurement {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RSS_EVERY = Duration.ofSeconds(5);
  /**
   * When the first interval is not enough for every tenant to log in (Vigil queued runs), the
   * warm-up lasts until all have, then this long for the backlog to clear, up to {@link #MAX_WARM_UP}.
   */
  private static final Duration AFTER_LAST_LOGIN = Duration.ofSeconds(30);
  private static final Duration MAX_WARM_UP = BenchSettings.INTERVAL.multipliedBy(4);
  /** Scrape C starts this long after scrape B: under an interval, so a run is counted at most once. */
  private static final Duration PAIRING_WINDOW = Duration.ofSeconds(35);
  /** How long before scrape B a step counted after it may have made its request. */
  private static final Duration PAIRING_SLACK = Duration.ofSeconds(5);
  private static final Set<String> PAIRING_METRICS = Set.of(
      "vigil_step_duration_seconds_sum", "vigil_step_duration_seconds_count");

  /** What was measured; the marks bracket the measured window, for comparisons made afterwards. */
  record Result(
      String scheduling,
      double startSeconds,
      Window warmUp,
      Window measured,
      Mark windowStart,
      Mark windowEnd,
      List<String> busiestThreads,
      Report.Scrape scrape,
      OverheadPairing.Result overhead,
      Report.Shutdown shutdown,
      Report.LogSummary log) {}

  private final BenchSettings settings;
  private final SandboxFleet fleet;
  private final Path work;
  private final double ticks;
  private final ProcessSampler bench;
  private VigilProcess vigil;
  private ProcessSampler vigilProcess;

  VigilMeasurement(BenchSettings settings, SandboxFleet fleet, Path work, double ticks) {
    this.settings = settings;
    this.fleet = fleet;
    this.work = work;
    this.ticks = ticks;
    this.bench = ProcessSampler.self(ticks);
  }

  /** Runs Vigil on the catalog in {@code tenantsDir} and {@code journeysDir}; Vigil is registered with {@code cleanup}. */
  Result run(Path tenantsDir, Path journeysDir, Map<String, String> environment, Cleanup cleanup) throws Exception {
    Benchmark.progress("starting vigil run (%,d checks on %d sandbox servers)", settings.checks(), fleet.serverCount());
    vigil = cleanup.add(VigilProcess.start(settings.jar(), tenantsDir, journeysDir, work.resolve("data"),
        work.resolve("vigil.log"), settings.vigilJvmArgs(), settings.maxRunsInFlight(), environment));
    vigilProcess = new ProcessSampler(vigil.pid(), ticks);
    Mark start = mark();
    vigil.awaitReady(START_TIMEOUT);
    double startSeconds = (System.nanoTime() - start.nanos()) / 1e9;
    long warmRss = warmUp(start);

    Mark windowStart = mark();
    Path scrapeW = scrape("w");
    Mark cpuStart = mark();
    Map<Long, Double> threadsStart = ThreadCpu.read(vigil.pid(), ticks);
    Benchmark.progress("measuring for %d s", settings.measure().toSeconds());
    long measureEnd = windowStart.nanos() + settings.measure().toNanos();
    long rss = watch(measureEnd - PAIRING_SLACK.toNanos() * 2);
    fleet.calls().recording(true);
    rss = Math.max(rss, watch(measureEnd));
    Mark windowEnd = mark();
    List<String> busiestThreads = ThreadCpu.busiest(vigil.pid(), threadsStart, ThreadCpu.read(vigil.pid(), ticks),
        windowEnd.secondsSince(cpuStart), 6);
    long scrapeBStart = System.nanoTime();
    Path scrapeB = scrape("b");
    Report.Scrape scrapeSize = new Report.Scrape(Files.size(scrapeB), (System.nanoTime() - scrapeBStart) / 1e9);

    Benchmark.progress("pairing Vigil's step times with the sandbox's service times (%d s)", PAIRING_WINDOW.toSeconds());
    watch(scrapeBStart + PAIRING_WINDOW.toNanos());
    Path scrapeC = scrape("c");
    long pairingEnd = System.nanoTime();
    fleet.calls().recording(false);
    Report.Shutdown shutdown = stop();

    Benchmark.progress("reading the scrapes");
    PrometheusText w = PrometheusText.read(scrapeW, Window.METRICS::contains);
    PrometheusText b = PrometheusText.read(scrapeB, name -> Window.METRICS.contains(name) || PAIRING_METRICS.contains(name));
    PrometheusText c = PrometheusText.read(scrapeC, PAIRING_METRICS::contains);
    List<Journey> journeys = List.copyOf(CatalogLoader.loadJourneys(journeysDir).journeys());
    Map<String, String> databases = fleet.placements().stream()
        .collect(Collectors.toMap(SandboxFleet.Placement::tenantId, SandboxFleet.Placement::database));
    OverheadPairing.Result overhead = OverheadPairing.pair(b, c, StepCalls.of(journeys), databases,
        fleet.calls().recorded(), scrapeBStart - PAIRING_SLACK.toNanos(), pairingEnd);
    return new Result(scheduling(), startSeconds,
        Window.between(start, start, windowStart, PrometheusText.empty(), w, warmRss),
        Window.between(windowStart, cpuStart, windowEnd, w, b, rss),
        windowStart, windowEnd, busiestThreads, scrapeSize, overhead, shutdown, logSummary());
  }

  /** Waits out the warm-up; returns the largest resident set seen. */
  private long warmUp(Mark start) throws InterruptedException {
    Benchmark.progress("warm-up: at least %d s (the first interval creates every session)",
        BenchSettings.WARM_UP.toSeconds());
    long rss = watch(start.nanos() + BenchSettings.WARM_UP.toNanos());
    if (fleet.authentications() >= settings.tenants()) {
      return rss;
    }
    Benchmark.progress("%,d of %,d tenants have logged in: the warm-up goes on until all have, and %d s more",
        fleet.authentications(), settings.tenants(), AFTER_LAST_LOGIN.toSeconds());
    long limit = start.nanos() + MAX_WARM_UP.toNanos();
    while (fleet.authentications() < settings.tenants() && System.nanoTime() < limit) {
      rss = Math.max(rss, watch(System.nanoTime() + Duration.ofSeconds(1).toNanos()));
    }
    return Math.max(rss, watch(Math.min(System.nanoTime() + AFTER_LAST_LOGIN.toNanos(), limit)));
  }

  private Report.Shutdown stop() throws InterruptedException {
    Benchmark.progress("stopping vigil run (SIGTERM)");
    long stopStart = System.nanoTime();
    int exitCode = vigil.stop(SHUTDOWN_TIMEOUT);
    return new Report.Shutdown(exitCode, (System.nanoTime() - stopStart) / 1e9,
        !vigil.child().logLines("stopped without waiting").isEmpty());
  }

  private Mark mark() {
    return Mark.take(vigilProcess, bench, fleet, ticks);
  }

  private Path scrape(String name) throws Exception {
    Path file = work.resolve("scrape-" + name + ".txt");
    vigil.scrape(file);
    return file;
  }

  /**
   * Sleeps until {@code until} (a nanoTime), checking every few seconds that Vigil is alive;
   * returns the largest resident set seen.
   */
  private long watch(long until) throws InterruptedException {
    long rss = 0;
    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
      vigil.child().requireAlive();
      rss = Math.max(rss, vigilProcess.rssBytes());
      Thread.sleep(Math.min(RSS_EVERY.toMillis(), Math.max(1, (until - now) / 1_000_000)));
    }
    vigil.child().requireAlive();
    return Math.max(rss, vigilProcess.rssBytes());
  }

  private String scheduling() {
    return vigil.child().logLines("scheduling").stream().findFirst()
        .map(line -> "Vigil logged: \"" + line.substring(line.indexOf("scheduling")) + "\"")
        .orElse("Vigil did not log how many checks it scheduled");
  }

  private Report.LogSummary logSummary() {
    List<String> problems = new ArrayList<>(vigil.child().logLines(" WARN "));
    problems.addAll(vigil.child().logLines(" ERROR "));
    return new Report.LogSummary(problems.size(), problems.isEmpty() ? "" : problems.get(0));
  }
}
