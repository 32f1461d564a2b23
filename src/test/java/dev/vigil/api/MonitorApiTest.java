package dev.vigil.api;

import static dev.vigil.api.ApiTestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.bootstrap.Monitor;
import dev.vigil.bootstrap.RunConfig;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.TestPostgres;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
@DisplayName("vigil run serves the API, the live stream and the HTTP gate over its own stores")
class MonitorApiTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));

  @Test
  @DisplayName("scheduled runs reach a tenant admin's socket; a gate run is stored and streamed with source GATE")
  void endToEnd(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    SandboxOdoo sandbox = await(SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0)));
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    Files.copy(PROJECT.resolve("journeys/health.yaml"), journeys.resolve("health.yaml"));
    Files.writeString(tenants.resolve("clinic.yaml"), String.join("\n", "name: Clinic", "odoo:",
        "  url: " + sandbox.baseUrl(), "  database: clinic", "  login: admin", "  password: {env: CLINIC_PASSWORD}",
        "journeys:", "  - {id: health, interval: 10s}", ""));
    RunConfig config = new RunConfig(0, dir.resolve("data"), tenants, journeys, 16, 2, 100, 3,
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), "test-runner",
        Path.of("/usr/bin/chromium"), 2, Optional.of(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl())),
        Optional.of(REDIS.redisUrl()), 30, 400, 10_000);
    Monitor monitor = new Monitor(config, "127.0.0.1", new SecretResolver(Map.of("CLINIC_PASSWORD", "admin")::get));
    WebClient http = WebClient.create(vertx);
    WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 << 20));
    try {
      await(monitor.start(CatalogLoader.load(tenants, journeys)));
      TokenStore tokens = monitor.tokens().orElseThrow();
      String admin = await(tokens.create(Role.TENANT_ADMIN, Optional.of("clinic"), "t", Optional.empty())).token();
      String gate = await(tokens.create(Role.GATE, Optional.empty(), "t", Optional.empty())).token();
      int port = monitor.httpPort();

      LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
      // the handler is set on the event loop as the upgrade completes, so the welcome right behind it is never missed
      WebSocket socket = await(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ws").addHeader("Authorization", "Bearer " + admin))
          .onSuccess(opened -> opened.textMessageHandler(text -> received.add(new JsonObject(text)))));
      next(received, "welcome");
      await(socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("tenants", new JsonArray().add("clinic"))
          .encode()));
      next(received, "snapshot");
      assertEquals("SCHEDULE", next(received, "run").getJsonObject("data").getString("source"));

      var report = await(http.post(port, "127.0.0.1", "/api/v1/gates").putHeader("Authorization", "Bearer " + gate)
          .timeout(60_000).sendJsonObject(new JsonObject().put("tenants", new JsonArray().add("clinic"))
              .put("journeys", new JsonArray().add("health"))));
      assertEquals(200, report.statusCode(), report.bodyAsString());
      assertTrue(report.bodyAsJsonObject().getBoolean("passed"));
      JsonObject gateRun;
      do {
        gateRun = next(received, "run").getJsonObject("data");
      } while (!"GATE".equals(gateRun.getString("source")));

      String runId = gateRun.getString("runId");
      int status;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      do {
        Thread.sleep(200);
        status = await(http.get(port, "127.0.0.1", "/api/v1/runs/" + runId).putHeader("Authorization", "Bearer " + admin)
            .send()).statusCode();
      } while (status == 404 && System.nanoTime() < deadline);
      assertEquals(200, status, "the gate run is in the history");
      socket.close();
    } finally {
      http.close();
      ws.close();
      await(monitor.stop());
      await(sandbox.stop());
      await(vertx.close());
    }
  }

  @Test
  @DisplayName("a journey going DOWN opens an alert: pushed to the tenant's webhook, streamed, and listed by /api/v1/alerts")
  void alertsFlow(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    SandboxOdoo sandbox = await(SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0)));
    LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    var receiver = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      pushed.add(body.toString());
      request.response().setStatusCode(200).end();
    })).listen(0, "127.0.0.1"));
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    Files.copy(PROJECT.resolve("journeys/login.yaml"), journeys.resolve("login.yaml"));
    Files.writeString(tenants.resolve("clinic.yaml"), String.join("\n", "name: Clinic", "odoo:",
        "  url: " + sandbox.baseUrl(), "  database: clinic", "  login: admin", "  password: {env: CLINIC_PASSWORD}",
        "alerts:", "  contacts: [it@clinic.example]", "  webhooks:",
        "    - {format: alertmanager, url: {env: CLINIC_HOOK}}",
        "journeys:", "  - {id: login, interval: 10s}", ""));
    RunConfig config = new RunConfig(0, dir.resolve("data"), tenants, journeys, 16, 2, 100, 3,
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), "test-runner",
        Path.of("/usr/bin/chromium"), 2, Optional.of(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl())),
        Optional.of(REDIS.redisUrl()), 30, 400, 10_000);
    Map<String, String> env = Map.of("CLINIC_PASSWORD", "wrong-password",
        "CLINIC_HOOK", "http://127.0.0.1:" + receiver.actualPort() + "/hook");
    Monitor monitor = new Monitor(config, "127.0.0.1", new SecretResolver(env::get));
    WebClient http = WebClient.create(vertx);
    WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 << 20));
    try {
      await(monitor.start(CatalogLoader.load(tenants, journeys)));
      String admin = await(monitor.tokens().orElseThrow().create(Role.TENANT_ADMIN, Optional.of("clinic"), "t",
          Optional.empty())).token();
      int port = monitor.httpPort();
      LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
      // the handler is set on the event loop as the upgrade completes, so the welcome right behind it is never missed
      WebSocket socket = await(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ws").addHeader("Authorization", "Bearer " + admin))
          .onSuccess(opened -> opened.textMessageHandler(text -> received.add(new JsonObject(text)))));
      next(received, "welcome");
      await(socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("tenants", new JsonArray().add("clinic"))
          .encode()));
      next(received, "snapshot");

      JsonObject alert = next(received, "alert").getJsonObject("data");
      assertEquals("journey-down", alert.getString("kind"));
      assertEquals("clinic", alert.getString("tenantId"));
      String payload = pushed.poll(30, TimeUnit.SECONDS);
      assertTrue(payload != null && payload.contains("journey-down") && payload.contains("clinic"), payload);
      var listed = await(http.get(port, "127.0.0.1", "/api/v1/alerts").putHeader("Authorization", "Bearer " + admin)
          .send()).bodyAsJsonObject().getJsonArray("items");
      assertEquals(alert.getString("id"), listed.getJsonObject(0).getString("id"));
      var runbook = await(http.get(port, "127.0.0.1", alert.getString("runbook")).send());
      assertEquals(200, runbook.statusCode());
      socket.close();
    } finally {
      http.close();
      ws.close();
      await(monitor.stop());
      await(sandbox.stop());
      await(vertx.close());
    }
  }

  private static JsonObject next(LinkedBlockingQueue<JsonObject> received, String type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      JsonObject message = received.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && type.equals(message.getString("type"))) {
        return message;
      }
    }
    throw new AssertionError("no " + type + " message within 40 s");
  }
}
