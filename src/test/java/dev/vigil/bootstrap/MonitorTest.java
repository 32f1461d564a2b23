package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class MonitorTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));
  private WebClient http;

  private static String tenant(String url, String journeys) {
    return String.join("\n",
        "name: Clinic",
        "odoo:",
        "  url: " + url,
        "  database: clinic",
        "  login: admin",
        "  password: {env: CLINIC_PASSWORD}",
        "journeys:",
        journeys,
        "");
  }

  private Future<String> metrics(int port) {
    return http.get(port, "127.0.0.1", "/metrics").send().map(response -> response.bodyAsString());
  }

  private Future<String> metricsUntil(Vertx vertx, int port, Predicate<String> condition) {
    return metrics(port).compose(text -> {
      if (condition.test(text)) {
        return Future.succeededFuture(text);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(200, id -> later.complete());
      return later.future().compose(ok -> metricsUntil(vertx, port, condition));
    });
  }

  @Test
  @DisplayName("vigil run's wiring monitors the catalog, serves /metrics and health, reloads changes and stops cleanly")
  void monitorsReloadsAndStops(Vertx vertx, VertxTestContext test, @TempDir Path dir) throws Exception {
    http = WebClient.create(vertx);
    SandboxOdoo sandbox = SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    Files.copy(PROJECT.resolve("journeys/health.yaml"), journeys.resolve("health.yaml"));
    Files.copy(PROJECT.resolve("journeys/login.yaml"), journeys.resolve("login.yaml"));
    Path clinic = tenants.resolve("clinic.yaml");
    Files.writeString(clinic, tenant(sandbox.baseUrl(), "  - {id: health, interval: 10s}"));
    RunConfig config = new RunConfig(0, dir.resolve("data"), tenants, journeys, 16, 2, 100, 3,
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100), "test-runner",
        Path.of("/usr/bin/chromium"), 2, Optional.empty(), Optional.empty(), 30, 400, 10_000,
        java.util.List.of(), Optional.empty(), Tenant.DEFAULT_LOCATION, 128, Duration.ofSeconds(15), java.util.List.of(),
        Duration.ofMinutes(5));
    SecretResolver secrets = new SecretResolver(Map.of("CLINIC_PASSWORD", "admin")::get);
    Monitor monitor = new Monitor(config, "127.0.0.1", secrets);
    int[] port = new int[1];
    monitor.start(CatalogLoader.load(tenants, journeys))
        .compose(ok -> {
          port[0] = monitor.httpPort();
          return http.get(port[0], "127.0.0.1", "/health/ready").send();
        })
        .compose(ready -> {
          test.verify(() -> assertEquals(200, ready.statusCode()));
          return metricsUntil(vertx, port[0], text -> text.contains(
              "vigil_runs_total{error_class=\"none\",journey=\"health\",outcome=\"passed\",tenant=\"clinic\"}")
              && text.contains("vigil_journey_status{journey=\"health\",tenant=\"clinic\"} 0.0"));
        })
        .compose(text -> {
          test.verify(() -> {
            assertTrue(text.contains("vigil_journey_duration_seconds_bucket{journey=\"health\",outcome=\"passed\",tenant=\"clinic\""), text);
            assertTrue(text.contains("vigil_step_duration_seconds_count{journey=\"health\",outcome=\"passed\",step=\"web-health\",tenant=\"clinic\"}"), text);
            assertTrue(text.contains("vigil_journey_status{journey=\"health\",tenant=\"clinic\"} 0.0"), text);
            assertTrue(text.contains("vigil_schedule_lateness_seconds_count"), text);
            assertTrue(text.contains("jvm_memory_used_bytes"), text);
          });
          touch(clinic, tenant(sandbox.baseUrl(), "  - {id: health, interval: 10s}\n  - {id: login, interval: 10s}"));
          return metricsUntil(vertx, port[0], t -> t.contains("vigil_journey_status{journey=\"login\",tenant=\"clinic\"}"));
        })
        .compose(text -> {
          touch(clinic, tenant(sandbox.baseUrl(), "  - {id: no-such-journey}"));
          return metricsUntil(vertx, port[0], t -> t.contains("vigil_catalog_reloads_total{result=\"rejected\"} 1.0"));
        })
        .compose(text -> {
          test.verify(() -> {
            assertTrue(text.contains("vigil_catalog_reloads_total{result=\"applied\"} 1.0"), text);
            assertTrue(text.contains("vigil_journey_status{journey=\"login\",tenant=\"clinic\"}"), "the running catalog stayed");
          });
          return monitor.stop();
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("With no database configured, runs go to the embedded PostgreSQL in the data directory and survive a restart")
  void keepsHistoryAcrossRestarts(Vertx vertx, @TempDir Path dir) throws Exception {
    SandboxOdoo sandbox = SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    Files.copy(PROJECT.resolve("journeys/health.yaml"), journeys.resolve("health.yaml"));
    Files.writeString(tenants.resolve("clinic.yaml"), tenant(sandbox.baseUrl(), "  - {id: health, interval: 10s}"));
    RunConfig config = new RunConfig(0, dir.resolve("data"), tenants, journeys, 16, 2, 100, 3,
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), "test-runner",
        Path.of("/usr/bin/chromium"), 2, Optional.empty(), Optional.empty(), 30, 400, 10_000,
        java.util.List.of(), Optional.empty(), Tenant.DEFAULT_LOCATION, 128, Duration.ofSeconds(15), java.util.List.of(),
        Duration.ofMinutes(5));
    SecretResolver secrets = new SecretResolver(Map.of("CLINIC_PASSWORD", "admin")::get);

    java.util.List<String> before = runsAfterStart(config, secrets, 1);
    java.util.List<String> after = runsAfterStart(config, secrets, before.size() + 1);

    assertTrue(after.containsAll(before), "runs of the first process are still there: " + before + " in " + after);
  }

  /** Starts a monitor, waits until the history holds at least {@code atLeast} runs, stops it; returns their ids. */
  private static java.util.List<String> runsAfterStart(RunConfig config, SecretResolver secrets, int atLeast)
      throws Exception {
    Monitor monitor = new Monitor(config, "127.0.0.1", secrets);
    monitor.start(CatalogLoader.load(config.tenantsDir(), config.journeysDir()))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        java.util.List<String> ids = monitor.history().orElseThrow()
            .runs(dev.vigil.store.postgres.RunQuery.of("clinic", java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60), 100))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
            .runs().stream().map(dev.vigil.store.postgres.RunSummary::runId).toList();
        if (ids.size() >= atLeast) {
          return ids;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + ids.size() + " runs stored within 30 s");
        }
        Thread.sleep(200);
      }
    } finally {
      monitor.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private static final java.util.concurrent.atomic.AtomicLong MODIFIED = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

  private static void touch(Path file, String text) {
    try {
      Files.writeString(file, text);
      Files.setLastModifiedTime(file, FileTime.fromMillis(MODIFIED.addAndGet(10_000)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
