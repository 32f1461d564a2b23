package dev.vigil.gate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.gate.BudgetThresholds;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateReports;
import dev.vigil.gate.GateRunner;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("The HTTP gate: Argo Rollouts web metric and Flagger webhook contracts")
class GateRoutesTest {
  static final Path JOURNEYS = Path.of(System.getProperty("vigil.project.dir", ".")).resolve("journeys");
  static final String PASSWORD = "http-Gate-pw-3k";
  static final String GATE_TOKEN = "gate-token-123";
  static final String PLATFORM_TOKEN = "platform-token-456";

  /** The token store's contract, with two tokens. */
  static final Authenticator TOKENS = (token, client) -> Future.succeededFuture(Optional.ofNullable(Map.of(
      GATE_TOKEN, new Principal("t-gate", Role.GATE, Optional.empty()),
      PLATFORM_TOKEN, new Principal("t-platform", Role.PLATFORM, Optional.empty())).get(token)));

  final List<RunResult> sunk = new CopyOnWriteArrayList<>();
  SandboxOdoo sandbox;
  Catalog catalog;
  HttpServer quick;
  Engine engine;
  HttpServer server;
  WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) throws Exception {
    Catalog journeys = CatalogLoader.loadJourneys(JOURNEYS);
    client = WebClient.create(vertx);
    SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0).withPasswords(PASSWORD, "demo"))
        .compose(started -> {
          sandbox = started;
          catalog = new Catalog(List.of(tenant(URI.create(started.baseUrl()))), List.copyOf(journeys.journeys()));
          engine = new Engine(vertx, ref -> new Secret(PASSWORD), "api");
          Router router = Router.router(vertx);
          new GateRoutes(() -> catalog, new GateRunner(vertx, engine.runner(), InstantSource.system()),
              new GatePlanner(new BudgetThresholds()), TOKENS, sunk::add, Duration.ofSeconds(5)).mount(router);
          return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1");
        })
        .onComplete(ctx.succeeding(listening -> {
          server = listening;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    engine.close();
    server.close().compose(v -> sandbox.stop()).onComplete(ctx.succeedingThenComplete());
  }

  static Tenant tenant(URI baseUrl) {
    return new Tenant("clinic", "Clinic", baseUrl, "clinic", OdooApi.SESSION,
        new Credentials("admin", new SecretRef.Env("CLINIC_PASSWORD")), Tier.SHARED, Map.of(),
        List.of(new TenantJourney("login", Duration.ofMinutes(1), Map.of(), Optional.of(Duration.ofSeconds(5)))),
        Set.of(), "UTC", List.of(), Optional.empty(), dev.vigil.domain.AlertContacts.NONE, SourcePos.none("test"));
  }

  Future<HttpResponse<Buffer>> post(String path, String token, JsonObject body) {
    var request = client.post(server.actualPort(), "127.0.0.1", path).timeout(30_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendJsonObject(body);
  }

  static JsonObject gate(String... thresholds) {
    return new JsonObject().put("tenants", new JsonArray().add("clinic")).put("journeys", new JsonArray().add("login"))
        .put("runs", 2).put("concurrency", 2).put("thresholds", new JsonArray(List.of(thresholds)));
  }

  @Test
  @DisplayName("no token is 401 with WWW-Authenticate, a platform token 403, as problem+json")
  void needsAGateToken(VertxTestContext ctx) {
    post(GateRoutes.GATES, null, gate())
        .compose(none -> {
          ctx.verify(() -> {
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.getHeader("WWW-Authenticate"));
            assertEquals("application/problem+json", none.getHeader("Content-Type"));
          });
          return post(GateRoutes.GATES, "unknown", gate());
        })
        .compose(unknown -> {
          ctx.verify(() -> assertEquals(401, unknown.statusCode()));
          return post(GateRoutes.GATES, PLATFORM_TOKEN, gate());
        })
        .onComplete(ctx.succeeding(platform -> ctx.verify(() -> {
          assertEquals(403, platform.statusCode());
          assertEquals(403, platform.bodyAsJsonObject().getInteger("status"));
          assertTrue(sunk.isEmpty(), "nothing ran");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a passing gate answers 200 with the report; Argo's jsonPath {$.passed} is true; runs reach the sink as GATE")
  void argoPasses(VertxTestContext ctx) {
    post(GateRoutes.GATES, GATE_TOKEN, gate("login:p95<10s", "success>=100%"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertEquals(200, response.statusCode(), response.bodyAsString());
          assertEquals("application/json", response.getHeader("Content-Type"));
          GateReports.assertValidJson(response.bodyAsString());
          assertEquals(true, response.bodyAsJsonObject().getValue("passed"));
          assertEquals(2, sunk.size());
          assertTrue(sunk.stream().allMatch(r -> r.source() == RunSource.GATE));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a failing threshold answers 200 with passed false and the threshold named; an invalid request 400 with every problem")
  void argoFails(VertxTestContext ctx) {
    post(GateRoutes.GATES, GATE_TOKEN, gate("login:max<0ms"))
        .compose(failed -> {
          ctx.verify(() -> {
            assertEquals(200, failed.statusCode());
            assertEquals(false, failed.bodyAsJsonObject().getValue("passed"));
            assertTrue(failed.bodyAsJsonObject().getString("reason").contains("login:max<0ms"));
          });
          return post(GateRoutes.GATES, GATE_TOKEN, new JsonObject().put("journeys", new JsonArray().add("nope"))
              .put("runs", "many").put("extra", 1));
        })
        .onComplete(ctx.succeeding(invalid -> ctx.verify(() -> {
          assertEquals(400, invalid.statusCode());
          assertEquals("application/problem+json", invalid.getHeader("Content-Type"));
          assertEquals(2, invalid.bodyAsJsonObject().getJsonArray("problems").size(), invalid.bodyAsString());
          ctx.completeNow();
        })));
  }

  static JsonObject flagger(String checksum, Map<String, String> metadata) {
    return new JsonObject().put("name", "podinfo").put("namespace", "test").put("phase", "Progressing")
        .put("checksum", checksum).put("metadata", new JsonObject(Map.copyOf(metadata)));
  }

  @Test
  @DisplayName("Flagger: 200 when the gate passes, 412 with the reason when it fails; the token may come in metadata")
  void flaggerWebhook(VertxTestContext ctx) {
    Map<String, String> passing = Map.of("tenants", "clinic", "journeys", "login", "runs", "2", "token", GATE_TOKEN);
    Map<String, String> failing = Map.of("tenants", "clinic", "journeys", "login", "thresholds", "login:max<0ms,success>=100%");
    post(GateRoutes.FLAGGER, null, flagger("rev-1", passing))
        .compose(pass -> {
          ctx.verify(() -> assertEquals(200, pass.statusCode(), pass.bodyAsString()));
          return post(GateRoutes.FLAGGER, GATE_TOKEN, flagger("rev-2", failing));
        })
        .compose(fail -> {
          ctx.verify(() -> {
            assertEquals(412, fail.statusCode(), fail.bodyAsString());
            assertTrue(fail.bodyAsJsonObject().getString("detail").contains("login:max<0ms"));
          });
          return post(GateRoutes.FLAGGER, GATE_TOKEN, new JsonObject().put("name", "podinfo"));
        })
        .onComplete(ctx.succeeding(invalid -> ctx.verify(() -> {
          assertEquals(400, invalid.statusCode());
          assertFalse(invalid.bodyAsString().contains(GATE_TOKEN));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Flagger: a gate longer than the answer time runs on; the call gets 503, a later call the verdict")
  void flaggerLongGate(Vertx vertx, VertxTestContext ctx) {
    Router router = Router.router(vertx);
    new GateRoutes(() -> catalog, new GateRunner(vertx, engine.runner(), InstantSource.system()),
        new GatePlanner(new BudgetThresholds()), TOKENS, sunk::add, Duration.ofMillis(200)).mount(router);
    JsonObject payload = flagger("rev-3", Map.of("tenants", "clinic", "journeys", "login"));
    sandbox.control().hang("clinic")
        .compose(hung -> vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"))
        .compose(quick -> {
          this.quick = quick;
          return client.post(quick.actualPort(), "127.0.0.1", GateRoutes.FLAGGER).timeout(10_000)
              .putHeader("Authorization", "Bearer " + GATE_TOKEN).sendJsonObject(payload);
        })
        .compose(running -> {
          ctx.verify(() -> {
            assertEquals(503, running.statusCode(), running.bodyAsString());
            assertEquals("Gate running", running.bodyAsJsonObject().getString("title"));
          });
          return sandbox.control().release("clinic");
        })
        .compose(released -> runsSunk(vertx, 1))
        .compose(done -> client.post(quick.actualPort(), "127.0.0.1", GateRoutes.FLAGGER).timeout(10_000)
            .putHeader("Authorization", "Bearer " + GATE_TOKEN).sendJsonObject(payload))
        .eventually(() -> quick.close())
        .onComplete(ctx.succeeding(verdict -> ctx.verify(() -> {
          assertEquals(200, verdict.statusCode(), verdict.bodyAsString());
          ctx.completeNow();
        })));
  }

  /** Completes once the sink has at least {@code n} runs; checks every 20 ms. */
  Future<Void> runsSunk(Vertx vertx, int n) {
    if (sunk.size() >= n) {
      return Future.succeededFuture();
    }
    return Future.<Void>future(p -> vertx.setTimer(20, id -> p.complete())).compose(v -> runsSunk(vertx, n));
  }
}
