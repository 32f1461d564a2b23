package dev.vigil.bench.browser;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import dev.vigil.engine.browser.BrowserSettings;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Browser journeys per minute on this machine: {@code web-login} against a sandbox Odoo 18 (with
 * its recorded service times), {@code concurrency} runs kept in flight for {@code seconds}, first
 * with a fresh browser context per run in one shared browser host (how Vigil runs), then with a
 * fresh browser (a new Playwright driver and Chromium) per run. Prints runs per minute, CPU
 * seconds per run (this JVM, the drivers and Chromium) and the memory of the whole process tree.
 *
 * <pre>./mvnw -q -Pbench verify -Dbench.main=dev.vigil.bench.browser.BrowserBenchmark \
 *     -Dbench.options=seconds=60,concurrency=4</pre>
 */
public final class BrowserBenchmark {
  private static final SecretRef PASSWORD = new SecretRef.Env("BENCH_PASSWORD");
  private static final String DB = "bench";

  private final Vertx vertx = Vertx.vertx();
  private final RunIds runIds = new RunIds(InstantSource.system());
  private final Path dataDir = Path.of(System.getProperty("bench.dataDir", "target/bench-data"));
  private final Journey journey;
  private final Tenant tenant;

  private BrowserBenchmark(Journey journey, Tenant tenant) {
    this.journey = journey;
    this.tenant = tenant;
  }

  /** What one mode measured. */
  private record Result(String mode, int passed, int failed, double seconds, double cpuSeconds, double peakMb, double baseMb) {
    String line(int concurrency) {
      return String.format("%-22s %5d passed %3d failed  %6.1f runs/min  %5.2f CPU-s/run  peak RSS %5.0f MB (%4.0f MB per run in flight)",
          mode, passed, failed, passed * 60 / seconds, cpuSeconds / Math.max(1, passed + failed), peakMb,
          (peakMb - baseMb) / concurrency);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(System.getProperty("bench.options", ""));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
    Path journeys = Path.of(System.getProperty("bench.journeysDir", "journeys"));
    Journey journey = CatalogLoader.loadJourneys(journeys).journey("web-login").orElseThrow();
    Vertx starter = Vertx.vertx();
    SandboxOdoo sandbox = SandboxOdoo.start(starter, SandboxConfig.defaults(18, DB).withPasswords("admin", "demo"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Tenant tenant = new Tenant("bench", "Bench", URI.create(sandbox.baseUrl()), DB, OdooApi.SESSION,
        new Credentials("admin", PASSWORD), Tier.SHARED, Map.of(), List.of(), Set.of(), "UTC", List.of(),
        Optional.empty(), dev.vigil.domain.AlertContacts.NONE, SourcePos.none("bench"));
    BrowserBenchmark bench = new BrowserBenchmark(journey, tenant);
    System.out.printf("web-login on sandbox Odoo 18, %d in flight, %d s per mode, %d cores%n",
        concurrency, seconds, Runtime.getRuntime().availableProcessors());
    Result shared = bench.measure("context per run", seconds, concurrency, false);
    System.out.println(shared.line(concurrency));
    Result fresh = bench.measure("browser per run", seconds, concurrency, true);
    System.out.println(fresh.line(concurrency));
    bench.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    sandbox.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    starter.close();
    System.exit(0);
  }

  private Engine engine(int contexts) {
    return new Engine(vertx, ref -> new Secret("admin"), "bench",
        BrowserSettings.of(BrowserSettings.DEBIAN_CHROMIUM, contexts, dataDir));
  }

  private Result measure(String mode, int seconds, int concurrency, boolean browserPerRun) throws Exception {
    Engine shared = browserPerRun ? null : engine(concurrency);
    if (shared != null) {
      await(run(shared), Duration.ofMinutes(1)); // launches the browsers before the window
    }
    double baseMb = TreeUsage.residentMb();
    double cpuBefore = TreeUsage.cpuSeconds();
    long started = System.nanoTime();
    long endAt = started + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger passed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    double[] peakMb = {baseMb};
    long sampler = vertx.setPeriodic(500, id -> peakMb[0] = Math.max(peakMb[0], TreeUsage.residentMb()));
    Promise<Void> done = Promise.promise();
    AtomicInteger lanes = new AtomicInteger(concurrency);
    for (int i = 0; i < concurrency; i++) {
      lane(shared, browserPerRun, endAt, passed, failed, lanes, done);
    }
    await(done.future(), Duration.ofSeconds(seconds + 120L));
    vertx.cancelTimer(sampler);
    double took = (System.nanoTime() - started) / 1e9;
    if (shared != null) {
      shared.browsers().close().get(30, TimeUnit.SECONDS);
      shared.close();
    }
    return new Result(mode, passed.get(), failed.get(), took, TreeUsage.cpuSeconds() - cpuBefore, peakMb[0], baseMb);
  }

  /** One run after another until the window ends. */
  private void lane(Engine shared, boolean browserPerRun, long endAt, AtomicInteger passed, AtomicInteger failed,
      AtomicInteger lanes, Promise<Void> done) {
    if (System.nanoTime() >= endAt) {
      if (lanes.decrementAndGet() == 0) {
        done.complete();
      }
      return;
    }
    Engine engine = browserPerRun ? engine(1) : shared;
    run(engine).onComplete(result -> {
      if (result.succeeded() && result.result().outcome() == Outcome.PASSED) {
        passed.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
      Future<Void> closed = browserPerRun
          ? Future.fromCompletionStage(engine.browsers().close()).onComplete(ignored -> engine.close())
          : Future.succeededFuture();
      closed.onComplete(ignored -> lane(shared, browserPerRun, endAt, passed, failed, lanes, done));
    });
  }

  private Future<RunResult> run(Engine engine) {
    RunRequest request = new RunRequest(tenant, journey, runIds.next(), RunSource.MANUAL, Instant.now());
    Promise<RunResult> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> engine.runner().run(request).onComplete(result));
    return result.future();
  }

  private static <T> T await(Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Map<String, String> options(String text) {
    Map<String, String> options = new HashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return options;
  }
}
