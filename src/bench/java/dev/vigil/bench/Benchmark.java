package dev.vigil.bench;

import dev.vigil.domain.Journey;
import dev.vigil.journey.CatalogLoader;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The benchmark of continuous monitoring: generates tenants on a fleet of sandbox Odoo servers in
 * this JVM, runs {@code vigil run} on them in its own JVM, reports the warm-up (the first interval,
 * when every tenant logs in) apart from a measured window, matches Vigil's step times to the
 * sandbox's service times for the overhead, runs the invoice journey with Gatling at the same
 * concurrency, and prints the tables. Every wait is bounded; child processes, servers and
 * temporary files are cleaned up however it ends.
 *
 * <p>Timeline: start → warm-up (the first interval and 15 s, longer if not every tenant has logged
 * in by then) → scrape W → measured window → scrape B → 35 s → scrape C (the
 * overhead pairs come from B and C) → SIGTERM → Gatling. Rates run from just before scrape W to
 * just before scrape B, so that both ends of the window are read the same way; Vigil's CPU is
 * counted from just after scrape W, so rendering hundreds of megabytes of metrics is not counted
 * as monitoring.
 *
 * <p>Exit code 0 when the benchmark ran (whatever it measured), 1 when it could not, 2 for invalid
 * settings.
 */
public final class Benchmark {
  private static final String PASSWORD = "admin";
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
  private static final Duration GATLING_SETTLE = Duration.ofSeconds(20);
  private static final Set<String> PAIRING_METRICS = Set.of(
      "vigil_step_duration_seconds_sum", "vigil_step_duration_seconds_count");

  private final BenchSettings settings;
  private final Path work;
  private final Cleanup cleanup;

  private Benchmark(BenchSettings settings, Path work, Cleanup cleanup) {
    this.settings = settings;
    this.work = work;
    this.cleanup = cleanup;
  }

  public static void main(String[] args) {
    BenchSettings settings;
    try {
      settings = BenchSettings.fromSystemProperties();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Cleanup cleanup = new Cleanup();
    Runtime.getRuntime().addShutdownHook(new Thread(cleanup, "bench-cleanup"));
    int exitCode = 1;
    try {
      Path work = cleanup.temporaryFolder("vigil-bench-");
      Report report = new Benchmark(settings, work, cleanup).run();
      System.out.println(ResultTable.render(report));
      exitCode = 0;
    } catch (Exception e) {
      System.err.println("[bench] failed: " + e.getMessage());
      e.printStackTrace();
    } finally {
      cleanup.run();
    }
    System.exit(exitCode);
  }

  private Report run() throws Exception {
    double ticks = ProcessSampler.clockTicks();
    Vertx vertx = Vertx.vertx();
    cleanup.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES));
    progress("starting sandbox Odoo servers for %,d tenants", settings.tenants());
    SandboxFleet fleet = cleanup.add(SandboxFleet.start(vertx, settings.tenants(), settings.dbsPerServer(),
        settings.workers(), settings.latencyScale()));
    Path tenantsDir = work.resolve("tenants");
    Path journeysDir = work.resolve("journeys");
    TenantGenerator.write(fleet.placements(), settings.journeys(), BenchSettings.INTERVAL, settings.journeysDir(),
        tenantsDir, journeysDir);
    Map<String, String> environment = Map.of(TenantGenerator.PASSWORD_ENV, PASSWORD);

    progress("starting vigil run (%,d checks on %d sandbox servers)", settings.checks(), fleet.serverCount());
    ProcessSampler bench = ProcessSampler.self(ticks);
    VigilProcess vigil = cleanup.add(VigilProcess.start(settings.jar(), tenantsDir, journeysDir, work.resolve("data"),
        work.resolve("vigil.log"), settings.vigilJvmArgs(), settings.maxRunsInFlight(), environment));
    ProcessSampler vigilProcess = new ProcessSampler(vigil.pid(), ticks);
    Mark start = Mark.take(vigilProcess, bench, fleet, ticks);
    vigil.awaitReady(START_TIMEOUT);
    double startSeconds = (System.nanoTime() - start.nanos()) / 1e9;

    progress("warm-up: at least %d s (the first interval creates every session)", BenchSettings.WARM_UP.toSeconds());
    long warmRss = watch(vigil, vigilProcess, start.nanos() + BenchSettings.WARM_UP.toNanos());
    long warmUpLimit = start.nanos() + MAX_WARM_UP.toNanos();
    if (fleet.authentications() < settings.tenants()) {
      progress("%,d of %,d tenants have logged in: warm-up goes on until all have, and %d s more",
          fleet.authentications(), settings.tenants(), AFTER_LAST_LOGIN.toSeconds());
      while (fleet.authentications() < settings.tenants() && System.nanoTime() < warmUpLimit) {
        warmRss = Math.max(warmRss, watch(vigil, vigilProcess, System.nanoTime() + Duration.ofSeconds(1).toNanos()));
      }
      long drained = Math.min(System.nanoTime() + AFTER_LAST_LOGIN.toNanos(), warmUpLimit);
      warmRss = Math.max(warmRss, watch(vigil, vigilProcess, drained));
    }
    Mark windowStart = Mark.take(vigilProcess, bench, fleet, ticks);
    Path scrapeW = work.resolve("scrape-w.txt");
    vigil.scrape(scrapeW);
    Mark cpuStart = Mark.take(vigilProcess, bench, fleet, ticks);
    Map<Long, Double> threadsStart = ThreadCpu.read(vigil.pid(), ticks);

    progress("measuring for %d s", settings.measure().toSeconds());
    long measureEnd = windowStart.nanos() + settings.measure().toNanos();
    long rss = watch(vigil, vigilProcess, measureEnd - PAIRING_SLACK.toNanos() * 2);
    fleet.calls().recording(true);
    rss = Math.max(rss, watch(vigil, vigilProcess, measureEnd));
    Mark windowEnd = Mark.take(vigilProcess, bench, fleet, ticks);
    List<String> busiestThreads = ThreadCpu.busiest(vigil.pid(), threadsStart, ThreadCpu.read(vigil.pid(), ticks),
        windowEnd.secondsSince(cpuStart), 6);
    Path scrapeB = work.resolve("scrape-b.txt");
    long scrapeBStart = System.nanoTime();
    vigil.scrape(scrapeB);
    Report.Scrape scrape = new Report.Scrape(Files.size(scrapeB), (System.nanoTime() - scrapeBStart) / 1e9);

    progress("pairing Vigil's step times with the sandbox's service times (%d s)", PAIRING_WINDOW.toSeconds());
    watch(vigil, vigilProcess, scrapeBStart + PAIRING_WINDOW.toNanos());
    Path scrapeC = work.resolve("scrape-c.txt");
    vigil.scrape(scrapeC);
    long pairingEnd = System.nanoTime();
    fleet.calls().recording(false);

    progress("stopping vigil run (SIGTERM)");
    long stopStart = System.nanoTime();
    int exitCode = vigil.stop(SHUTDOWN_TIMEOUT);
    Report.Shutdown shutdown = new Report.Shutdown(exitCode, (System.nanoTime() - stopStart) / 1e9,
        !vigil.child().logLines("stopped without waiting").isEmpty());
    List<String> problems = new ArrayList<>(vigil.child().logLines(" WARN "));
    problems.addAll(vigil.child().logLines(" ERROR "));
    Report.LogSummary log = new Report.LogSummary(problems.size(), problems.isEmpty() ? "" : problems.get(0));
    String scheduling = vigil.child().logLines("scheduling").stream().findFirst()
        .map(line -> "Vigil logged: \"" + line.substring(line.indexOf("scheduling")) + "\"")
        .orElse("Vigil did not log how many checks it scheduled");

    progress("reading the scrapes");
    PrometheusText w = PrometheusText.read(scrapeW, Window.METRICS::contains);
    PrometheusText b = PrometheusText.read(scrapeB, name -> Window.METRICS.contains(name) || PAIRING_METRICS.contains(name));
    PrometheusText c = PrometheusText.read(scrapeC, PAIRING_METRICS::contains);
    Window warmUp = Window.between(start, start, windowStart, PrometheusText.empty(), w, warmRss);
    Window measured = Window.between(windowStart, cpuStart, windowEnd, w, b, rss);
    List<Journey> journeys = List.copyOf(CatalogLoader.loadJourneys(journeysDir).journeys());
    Map<String, String> databases = fleet.placements().stream()
        .collect(Collectors.toMap(SandboxFleet.Placement::tenantId, SandboxFleet.Placement::database));
    OverheadPairing.Result overhead = OverheadPairing.pair(b, c, StepCalls.of(journeys), databases,
        fleet.calls().recorded(), scrapeBStart - PAIRING_SLACK.toNanos(), pairingEnd);

    Optional<Report.Comparison> gatling = Optional.empty();
    if (settings.journeys().contains("invoice-posting") && !settings.gatlingMeasure().isZero()) {
      gatling = Optional.of(compareWithGatling(fleet, measured, windowStart, windowEnd, ticks, environment));
    }
    Report.Fleet fleetSummary = new Report.Fleet(fleet.serverCount(), settings.dbsPerServer(), fleet.workers(),
        fleet.latencyScale(), fleet.odooVersion());
    return new Report(settings, fleetSummary, scheduling, startSeconds, warmUp, measured, busiestThreads, scrape,
        overhead, gatling, shutdown, log);
  }

  private Report.Comparison compareWithGatling(SandboxFleet fleet, Window vigil, Mark vigilStart, Mark vigilEnd,
      double ticks, Map<String, String> environment) throws Exception {
    int users = Math.max(1, (int) Math.round(vigil.invoiceConcurrency()));
    progress("Gatling: %d users on the invoice journey, %d s settle + %d s measured", users,
        GATLING_SETTLE.toSeconds(), settings.gatlingMeasure().toSeconds());
    Map<String, Long> before = fleet.calls().byPath();
    GatlingRun.Result result = GatlingRun.run(work.resolve("gatling"), fleet.placements(), users, GATLING_SETTLE,
        settings.gatlingMeasure(), fleet.calls(), ticks, environment);
    Map<String, Long> after = fleet.calls().byPath();
    Predicate<String> usedByGatling = path -> after.getOrDefault(path, 0L) > before.getOrDefault(path, 0L)
        && !path.equals("/web/session/authenticate");
    long vigilCalls = vigilEnd.callsByPath().entrySet().stream()
        .filter(entry -> usedByGatling.test(entry.getKey()))
        .mapToLong(entry -> entry.getValue() - vigilStart.callsByPath().getOrDefault(entry.getKey(), 0L))
        .sum();
    double vigilJourneys = vigil.runsByJourney().getOrDefault("invoice-posting", 0.0);
    String requests = after.keySet().stream().filter(usedByGatling)
        .map(path -> path.substring(path.lastIndexOf("call_kw/") + "call_kw/".length()))
        .collect(Collectors.joining(", "));
    return new Report.Comparison(result, vigilCalls / vigilJourneys, requests);
  }

  /**
   * Sleeps until {@code until} (a nanoTime), checking every few seconds that Vigil is alive;
   * returns the largest resident set seen.
   */
  private static long watch(VigilProcess vigil, ProcessSampler process, long until) throws InterruptedException {
    long rss = 0;
    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
      vigil.child().requireAlive();
      rss = Math.max(rss, process.rssBytes());
      Thread.sleep(Math.min(RSS_EVERY.toMillis(), Math.max(1, (until - now) / 1_000_000)));
    }
    vigil.child().requireAlive();
    return Math.max(rss, process.rssBytes());
  }

  private static void progress(String format, Object... args) {
    System.err.printf("[bench] " + format + "%n", args);
  }
}
