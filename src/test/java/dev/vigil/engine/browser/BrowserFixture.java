package dev.vigil.engine.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x, the production {@link Engine} with a real Chromium (one browser host per test class),
 * and sandbox Odoo servers to point it at. Blocking helpers: call from the test thread only.
 * Passwords are unusual strings, so a test can prove none shows up in a result.
 */
final class BrowserFixture implements AutoCloseable {
  static final Path CHROMIUM = BrowserSettings.DEBIAN_CHROMIUM;
  static final String DB = "clinic_north";
  static final String ADMIN_PASSWORD = "adm1n-BROWSER-pa55word-k3";
  static final String WRONG_PASSWORD = "wr0ng-BROWSER-pa55word-x8";
  static final SecretRef ADMIN = new SecretRef.Env("BROWSER_ADMIN_PASSWORD");
  static final SecretRef WRONG = new SecretRef.Env("BROWSER_WRONG_PASSWORD");
  private static final Map<SecretRef, Secret> SECRETS =
      Map.of(ADMIN, new Secret(ADMIN_PASSWORD), WRONG, new Secret(WRONG_PASSWORD));

  final Vertx vertx = Vertx.vertx();
  final Engine engine;
  final Path dataDir;
  private final RunIds runIds = new RunIds(InstantSource.system());

  /** @param maxContexts browser runs at once */
  BrowserFixture(Path dataDir, int maxContexts) {
    assertTrue(Files.isExecutable(CHROMIUM),
        "browser tests need Chromium at " + CHROMIUM + ": install it with apt-get install chromium (CI does)");
    this.dataDir = dataDir;
    this.engine = new Engine(vertx, SECRETS::get, "browser-test",
        new BrowserSettings(CHROMIUM, maxContexts, 2, dataDir));
  }

  /** Starts a sandbox Odoo of this version with database {@value #DB}, answering at once. */
  SandboxOdoo sandbox(int version) {
    SandboxConfig config = SandboxConfig.defaults(version, DB).withLatencyScale(0)
        .withPasswords(ADMIN_PASSWORD, "demo");
    return await(SandboxOdoo.start(vertx, config), Duration.ofSeconds(10));
  }

  static Tenant tenant(String id, SandboxOdoo sandbox, SecretRef password, String... journeyIds) {
    List<TenantJourney> journeys = java.util.Arrays.stream(journeyIds)
        .map(journey -> new TenantJourney(journey, Duration.ofSeconds(10), Map.of(), Optional.empty()))
        .toList();
    return new Tenant(id, "Browser " + id, URI.create(sandbox.baseUrl()), DB, OdooApi.SESSION,
        new Credentials("admin", password), Tier.SHARED, Map.of("odoo_pool", "sandbox"), journeys,
        Set.of(), "UTC", List.of(), Optional.empty(), dev.vigil.domain.AlertContacts.NONE, SourcePos.none("browser test"));
  }

  /** The repository's journey of this id ({@code journeys/}), or the browser tests' own. */
  static Journey journey(String id) {
    try {
      Path project = Path.of(System.getProperty("vigil.project.dir", "")).toAbsolutePath();
      for (Path dir : List.of(project.resolve("journeys"), project.resolve("src/test/resources/browser/journeys"))) {
        Optional<Journey> found = CatalogLoader.loadJourneys(dir).journey(id);
        if (found.isPresent()) {
          return found.get();
        }
      }
    } catch (CatalogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    throw new IllegalArgumentException("no journey " + id);
  }

  /** Runs the journey once, as a manual run, and waits for its result. */
  RunResult run(Tenant tenant, Journey journey) {
    return await(start(tenant, journey), journey.timeout().multipliedBy(3));
  }

  /** Starts a run on an event loop. */
  Future<RunResult> start(Tenant tenant, Journey journey) {
    RunRequest request = new RunRequest(tenant, journey, runIds.next(), RunSource.MANUAL, Instant.now());
    Promise<RunResult> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> engine.runner().run(request).onComplete(result));
    return result.future();
  }

  static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("gave up waiting: " + e, e);
    }
  }

  @Override
  public void close() throws Exception {
    engine.browsers().close().get(30, TimeUnit.SECONDS);
    await(vertx.close(), Duration.ofSeconds(10));
  }
}
