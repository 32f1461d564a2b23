package dev.vigil.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The benchmark of continuous monitoring (see {@code src/bench/README.md}): generates tenants on a
 * fleet of sandbox Odoo servers in this JVM, measures {@code vigil run} on them in its own JVM
 * ({@link VigilMeasurement}), runs the invoice journey with Gatling at the same concurrency
 * ({@link GatlingRun}), and prints the tables ({@link ResultTable}). Child processes, servers and
 * temporary files are cleaned up however it ends.
 *
 * <p>Exit code 0 when the benchmark ran (whatever it measured), 1 when it could not, 2 for invalid
 * settings.
 */
public final class Benchmark {
  private static final String PASSWORD = "admin";
  private static final Duration GATLING_SETTLE = Duration.ofSeconds(20);

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
    } catch (BenchmarkFailure e) {
      System.err.println("[bench] failed: " + e.getMessage());
    } catch (Exception e) {
      System.err.println("[bench] failed:");
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

    VigilMeasurement.Result vigil = new VigilMeasurement(settings, fleet, work, ticks)
        .run(tenantsDir, journeysDir, environment, cleanup);
    Optional<Report.Comparison> gatling = Optional.empty();
    if (settings.journeys().contains("invoice-posting") && !settings.gatlingMeasure().isZero()) {
      gatling = Optional.of(compareWithGatling(fleet, vigil, ticks, environment));
    }
    Report.Fleet fleetSummary = new Report.Fleet(fleet.serverCount(), settings.dbsPerServer(), fleet.workers(),
        fleet.latencyScale(), fleet.odooVersion());
    return new Report(settings, fleetSummary, vigil, gatling);
  }

  /**
   * Runs Gatling with as many users as Vigil had invoice runs in flight, and counts Vigil's calls
   * per invoice journey on the paths Gatling used, for the table.
   */
  private Report.Comparison compareWithGatling(SandboxFleet fleet, VigilMeasurement.Result vigil, double ticks,
      Map<String, String> environment) throws Exception {
    int users = Math.max(1, (int) Math.round(vigil.measured().invoiceConcurrency()));
    progress("Gatling: %d users on the invoice journey, %d s settle + %d s measured", users,
        GATLING_SETTLE.toSeconds(), settings.gatlingMeasure().toSeconds());
    Map<String, Long> before = fleet.calls().byPath();
    GatlingRun.Result result = GatlingRun.run(work.resolve("gatling"), fleet.placements(), users, GATLING_SETTLE,
        settings.gatlingMeasure(), fleet.calls(), ticks, environment);
    Map<String, Long> after = fleet.calls().byPath();
    Predicate<String> usedByGatling = path -> after.getOrDefault(path, 0L) > before.getOrDefault(path, 0L)
        && !path.equals("/web/session/authenticate");
    long vigilCalls = vigil.windowEnd().callsByPath().entrySet().stream()
        .filter(entry -> usedByGatling.test(entry.getKey()))
        .mapToLong(entry -> entry.getValue() - vigil.windowStart().callsByPath().getOrDefault(entry.getKey(), 0L))
        .sum();
    double vigilJourneys = vigil.measured().runsByJourney().getOrDefault("invoice-posting", 0.0);
    String requests = after.keySet().stream().filter(usedByGatling)
        .map(path -> path.substring(path.lastIndexOf("call_kw/") + "call_kw/".length()))
        .collect(Collectors.joining(", "));
    return new Report.Comparison(result, vigilCalls / vigilJourneys, requests);
  }

  /** A progress line on standard error; the tables go to standard output. */
  static void progress(String format, Object... args) {
    System.err.printf("[bench] " + format + "%n", args);
  }
}
