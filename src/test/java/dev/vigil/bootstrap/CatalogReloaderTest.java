package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.journey.CatalogException;
import dev.vigil.journey.SecretResolver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class CatalogReloaderTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));
  private final List<CatalogReloader.Loaded> applied = new CopyOnWriteArrayList<>();
  private final List<CatalogException> rejected = new CopyOnWriteArrayList<>();

  private static String tenant(String journeys) {
    return String.join("\n",
        "name: Clinic",
        "odoo:",
        "  url: http://127.0.0.1:7018",
        "  database: clinic",
        "  login: admin",
        "  password: {env: CLINIC_PASSWORD}",
        "journeys:",
        journeys,
        "");
  }

  private static final java.util.concurrent.atomic.AtomicLong MODIFIED = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
      // move the modification time on by 10 s a write, whatever the file system's time resolution
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(MODIFIED.addAndGet(10_000)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      }
    });
    return done.future();
  }

  @Test
  @DisplayName("a valid change is loaded and applied; an invalid one is rejected with its problems and nothing applied")
  void appliesValidRejectsInvalid(Vertx vertx, VertxTestContext test, @TempDir Path dir) throws IOException {
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    Files.copy(PROJECT.resolve("journeys/login.yaml"), journeys.resolve("login.yaml"));
    Files.copy(PROJECT.resolve("journeys/health.yaml"), journeys.resolve("health.yaml"));
    write(tenants.resolve("clinic.yaml"), tenant("  - {id: login}"));
    SecretResolver secrets = new SecretResolver(Map.of("CLINIC_PASSWORD", "admin")::get);
    CatalogReloader reloader = new CatalogReloader(vertx, tenants, journeys, Duration.ofMillis(50), secrets,
        applied::add, rejected::add);
    reloader.start()
        .compose(ok -> {
          write(tenants.resolve("clinic.yaml"), tenant("  - {id: login}\n  - {id: health, interval: 30s}"));
          return until(vertx, () -> applied.size() == 1);
        })
        .compose(ok -> {
          write(tenants.resolve("clinic.yaml"), tenant("  - {id: no-such-journey}"));
          return until(vertx, () -> rejected.size() == 1);
        })
        .compose(ok -> {
          reloader.reloadNow();
          return until(vertx, () -> rejected.size() == 2);
        })
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          reloader.stop();
          assertEquals(1, applied.size(), "the invalid catalog was never applied");
          var tenant = applied.get(0).catalog().tenant("clinic").orElseThrow();
          assertEquals(2, tenant.journeys().size());
          assertEquals("admin", applied.get(0).secrets().apply(tenant.credentials().secret()).reveal());
          String problems = rejected.get(0).getMessage();
          assertTrue(problems.contains("clinic.yaml:8:") && problems.contains("no-such-journey"), problems);
          test.completeNow();
        })));
  }
}
