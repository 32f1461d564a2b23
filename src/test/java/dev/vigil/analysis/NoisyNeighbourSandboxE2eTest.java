package dev.vigil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.NotifierSettings;
import dev.vigil.analysis.alert.Route;
import dev.vigil.analysis.alert.WebhookNotifier;
import dev.vigil.analysis.latency.DetectionSettings;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.analysis.neighbour.FindingKind;
import dev.vigil.bootstrap.Engine;
import dev.vigil.bootstrap.SandboxActivitySampler;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end with two sandbox servers: clinic n and s share server A (pool-a, pg-a), w and e share
 * server B. Each tenant runs the built-in login journey back to back through the production
 * runner; the analysis runs with 1-second windows. Heavy load on s, put through the sandbox's HTTP
 * load route, makes a contention finding on A naming s (from A's per-database worker time) and a
 * platform alert to a webhook receiver; load removed, both resolve.
 */
@ExtendWith(VertxExtension.class)
@Timeout(180_000)
@DisplayName("Noisy neighbour end to end with the sandbox")
class NoisyNeighbourSandboxE2eTest {
  private static final double SCALE = 0.2;
  private final List<Finding> opened = new CopyOnWriteArrayList<>();
  private final List<Finding> closed = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private WebClient client;

  private static Tenant tenant(String id, URI url, String pool) {
    return new Tenant(id, id, url, id, OdooApi.SESSION, new Credentials("admin", new SecretRef.Env("UNUSED")),
        Tier.SHARED, Map.of("odoo_pool", "pool-" + pool, "postgres", "pg-" + pool),
        List.of(new TenantJourney("login", Duration.ofSeconds(10), Map.of(), Optional.empty())), Set.of(), "UTC",
        List.of(), Optional.empty(), AlertContacts.NONE, SourcePos.none("e2e"));
  }

  @Test
  @DisplayName("heavy load on one database: a contention finding naming it and an alert; load removed: both resolve")
  void contentionAppearsAndClears(Vertx vertx, VertxTestContext ctx) throws Exception {
    Journey login = CatalogLoader.loadJourneys(Path.of(System.getProperty("vigil.project.dir", ".")).resolve("journeys"))
        .journey("login").orElseThrow();
    WebhookReceiver receiver = new WebhookReceiver(0);
    client = WebClient.create(vertx);
    Future.all(
            SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "n", "s").withWorkers(2).withLatencyScale(SCALE)),
            SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "w", "e").withWorkers(2).withLatencyScale(SCALE)),
            vertx.deployVerticle(receiver))
        .onComplete(ctx.succeeding(started -> {
          SandboxOdoo a = started.resultAt(0);
          SandboxOdoo b = started.resultAt(1);
          List<Tenant> tenants = List.of(tenant("n", URI.create(a.baseUrl()), "a"), tenant("s", URI.create(a.baseUrl()), "a"),
              tenant("w", URI.create(b.baseUrl()), "b"), tenant("e", URI.create(b.baseUrl()), "b"));
          Context context = vertx.getOrCreateContext();
          context.runOnContext(ignored -> {
            AnalysisEngine analysis = analysis(vertx, new Catalog(tenants, List.of(login)), receiver);
            analysis.watch("postgres", "pg-a", new SandboxActivitySampler(a.control(), List.of("n", "s"), InstantSource.system()));
            analysis.start(vertx);
            Engine engine = new Engine(vertx, ref -> new Secret("admin"), "e2e");
            RunIds ids = new RunIds(InstantSource.system());
            tenants.forEach(t -> loop(engine, ids, analysis, t, login));
            vertx.timer(8_000)
                .compose(x -> load(a, "s", 12))
                .compose(x -> until(vertx, () -> !analysis.openFindings().isEmpty()
                    && receiver.received().stream().anyMatch(r -> r.body().toString().contains("shared-resource-contention"))))
                .compose(x -> {
                  ctx.verify(() -> {
                    Diagnosis finding = analysis.openFindings().stream()
                        .filter(f -> f.diagnosis().kind() == FindingKind.SHARED_RESOURCE_CONTENTION).findFirst()
                        .orElseThrow().diagnosis();
                    assertEquals(Map.of("odoo_pool", "pool-a", "postgres", "pg-a"), finding.placement());
                    assertEquals(List.of("s"), finding.suspects());
                    assertEquals(List.of("n"), finding.victims());
                    assertEquals("database-activity", finding.source());
                    JsonObject alert = firstAlert(receiver, "shared-resource-contention");
                    assertEquals("platform", alert.getJsonObject("labels").getString("owner"));
                    assertTrue(alert.getJsonObject("annotations").getString("summary").contains("suspect s"));
                  });
                  return load(a, "s", 0);
                })
                .compose(x -> until(vertx, () -> analysis.openFindings().isEmpty() && !closed.isEmpty()
                    && receiver.received().stream().anyMatch(r -> r.body().toString().contains("endsAt"))))
                .onComplete(ctx.succeeding(x -> ctx.verify(() -> {
                  running = false;
                  analysis.stop();
                  assertTrue(analysis.openAlerts().stream().noneMatch(al -> al.kind().platform()));
                  assertTrue(opened.stream().anyMatch(f -> f.diagnosis().kind() == FindingKind.SHARED_RESOURCE_CONTENTION));
                  ctx.completeNow();
                })));
          });
        }));
  }

  private AnalysisEngine analysis(Vertx vertx, Catalog catalog, WebhookReceiver receiver) {
    AnalysisSettings settings = new AnalysisSettings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(500),
        new DetectionSettings(1.5, 4, 20, 0.8, 2, 3, 2, 60, 5, 1_000), Duration.ofSeconds(1), "http://vigil.test");
    Route platform = new Route(List.of(new Route.Target(AlertContacts.WebhookFormat.ALERTMANAGER,
        URI.create(receiver.url("/api/v2/alerts")))), List.of("sre@hosting.example"));
    AnalysisEngine analysis = new AnalysisEngine(catalog, settings, new AlertRouting(platform, id -> Route.NOWHERE),
        new WebhookNotifier(vertx, client, new NotifierSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(100))),
        InstantSource.system());
    analysis.addListener(new AnalysisListener() {
      @Override
      public void onFindingOpened(Finding finding) {
        opened.add(finding);
      }

      @Override
      public void onFindingClosed(Finding finding) {
        closed.add(finding);
      }
    });
    return analysis;
  }

  /** Runs the tenant's journey back to back until the test ends, feeding the analysis. */
  private void loop(Engine engine, RunIds ids, AnalysisEngine analysis, Tenant tenant, Journey journey) {
    if (!running) {
      return;
    }
    engine.runner().run(new RunRequest(tenant, journey, ids.next(), RunSource.MANUAL, Instant.now()))
        .onSuccess(analysis::onRunCompleted)
        .onComplete(done -> loop(engine, ids, analysis, tenant, journey));
  }

  /** Puts simulated heavy users on a database through the sandbox's HTTP route, as the demo's recipe does. */
  private Future<Void> load(SandboxOdoo sandbox, String db, int users) {
    return client.putAbs(sandbox.baseUrl() + "/vigil/sandbox/load/" + db).timeout(10_000)
        .sendJsonObject(new JsonObject().put("users", users))
        .compose(response -> response.statusCode() == 200 ? Future.<Void>succeededFuture()
            : Future.failedFuture("load route answered " + response.statusCode() + ": " + response.bodyAsString()));
  }

  private static JsonObject firstAlert(WebhookReceiver receiver, String kind) {
    return receiver.received().stream().map(r -> new JsonArray(r.body()).getJsonObject(0))
        .filter(a -> a.getJsonObject("labels").getString("alertname").equals(kind)).findFirst().orElseThrow();
  }

  /** Completes once the condition holds (checked every 200 ms on the caller's context). */
  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(200, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      }
    });
    return done.future();
  }
}
