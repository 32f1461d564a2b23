package dev.vigil.live;

import static dev.vigil.api.ApiTestServer.await;
import static dev.vigil.api.ApiTestServer.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.ApiTestServer;
import dev.vigil.api.TestAnalysis;
import dev.vigil.api.auth.IssuedToken;
import dev.vigil.api.auth.Role;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.store.ResultJson;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
@DisplayName("The live stream: isolation, snapshot then deltas, slow clients, revocation, origins")
class LiveStreamTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  static final String ALLOWED_ORIGIN = "https://dash.example";
  static final int QUEUE = 64;

  static ApiTestServer server;
  static LiveRoutes routes;
  static Redis publisher;
  static String channel;
  static String adminNorth;
  static String platform;

  @BeforeAll
  static void start() throws Exception {
    LiveSettings settings = LiveSettings.defaults().withQueueCapacity(QUEUE)
        .withRevocationCheck(Duration.ofMillis(200)).withAuthTimeout(Duration.ofSeconds(1));
    server = new ApiTestServer(REDIS, ApiTestServer.lenient()).serve(s -> {
      routes = new LiveRoutes(s.vertx, s.redis, s.tokens, s.tokens, () -> s.catalog,
          new AllowedOrigins(List.of(ALLOWED_ORIGIN), s::port), settings, s.analysis);
      return List.of(routes);
    });
    server.store(List.of(run("clinic-north", "login", 1, 30), run("clinic-north", "login", 2, 20),
        run("clinic-south", "login", 1, 30)));
    publisher = Redis.createClient(server.vertx, REDIS.url());
    channel = REDIS.settings("test").channel();
    adminNorth = server.token(Role.TENANT_ADMIN, "clinic-north");
    platform = server.token(Role.PLATFORM, null);
  }

  @AfterAll
  static void stop() throws Exception {
    publisher.close();
    server.close();
  }

  /** Publishes events on the channel as another replica would. */
  static void publish(List<JsonObject> events) throws Exception {
    List<Request> requests = new ArrayList<>();
    events.forEach(e -> requests.add(Request.cmd(Command.PUBLISH).arg(channel).arg(e.encode())));
    await(publisher.batch(requests));
  }

  static JsonObject runEvent(RunResult run) {
    return new JsonObject().put("type", "run").put("replica", "other").put("data", ResultJson.encode(run));
  }

  static JsonObject statusEvent(String tenant, String journey, Status to, int n) {
    return new JsonObject().put("type", "status").put("replica", "other").put("data", ResultJson.encode(
        new StatusChange(tenant, journey, Status.UP, to, Instant.now(), "change " + n, tenant + "-" + journey + "-" + n)));
  }

  /** A run with many steps (some 8 KB of JSON), to fill a slow client's buffers quickly. */
  static RunResult bigRun(String tenant, int n) {
    RunResult base = run(tenant, "login", n, 1);
    List<StepResult> steps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      steps.add(new StepResult("step-" + i, "call", StepOutcome.PASSED, Duration.ofMillis(i), Optional.empty(),
          "x".repeat(120), false, false, false, Map.of(), Optional.empty()));
    }
    return new RunResult("big-" + n, tenant, "login", base.scheduledAt(), base.startedAt(), base.duration(),
        base.outcome(), base.errorClass(), base.message(), steps, List.of(), base.odooVersion(), false, "r",
        base.source());
  }

  @Test
  @DisplayName("A tenant admin gets a snapshot of its own tenant, then only its own tenant's deltas; foreign tenants are refused like nonexistent ones")
  void isolationSnapshotThenDeltas() throws Exception {
    try (LiveClient admin = LiveClient.connect(server.vertx, server.port(), adminNorth);
        LiveClient all = LiveClient.connect(server.vertx, server.port(), platform)) {
      JsonObject welcome = admin.next("welcome");
      assertEquals("tenant-admin", welcome.getString("role"));
      assertEquals("clinic-north", welcome.getString("tenant"));
      admin.subscribe("clinic-south");
      String foreign = admin.next("error").getString("message");
      admin.subscribe("clinic-nowhere");
      assertEquals(foreign, admin.next("error").getString("message"));
      admin.send(new JsonObject().put("type", "subscribe").put("all", true));
      assertEquals(foreign, admin.next("error").getString("message"));

      admin.subscribe("clinic-north");
      JsonArray checks = admin.next("snapshot").getJsonArray("checks");
      assertEquals(1, checks.size());
      JsonObject check = checks.getJsonObject(0);
      assertEquals("clinic-north", check.getString("tenantId"));
      assertEquals("UP", check.getString("status"));
      assertEquals(2, check.getJsonArray("recentRuns").size());

      all.next("welcome");
      all.send(new JsonObject().put("type", "subscribe").put("all", true));
      assertEquals(2, all.next("snapshot").getJsonArray("checks").size());

      publish(List.of(runEvent(run("clinic-south", "login", 7, 0)), statusEvent("clinic-south", "login", Status.DOWN, 7),
          runEvent(run("clinic-north", "login", 8, 0)), statusEvent("clinic-north", "login", Status.DEGRADED, 8)));
      assertEquals("clinic-north-login-8", admin.next("run").getJsonObject("data").getString("runId"));
      assertEquals("DEGRADED", admin.next("status").getJsonObject("data").getString("to"));
      assertEquals("clinic-south-login-7", all.next("run").getJsonObject("data").getString("runId"));
      all.next(m -> "run".equals(m.getString("type")) && m.getJsonObject("data").getString("tenantId").equals("clinic-north"),
          "north run");
      assertTrue(admin.drain().stream().noneMatch(m -> m.encode().contains("clinic-south")));
    }
  }

  @Test
  @DisplayName("Findings and alerts: a tenant admin gets its own tenant's alerts and findings naming no other tenant, in the snapshot and as deltas")
  void findingsAndAlerts() throws Exception {
    try (LiveClient admin = LiveClient.connect(server.vertx, server.port(), adminNorth);
        LiveClient all = LiveClient.connect(server.vertx, server.port(), platform)) {
      admin.next("welcome");
      admin.subscribe("clinic-north");
      JsonObject snapshot = admin.next("snapshot");
      assertEquals(List.of(TestAnalysis.NORTH_DOWN.id()), ids(snapshot.getJsonArray("alerts")));
      assertEquals(List.of(TestAnalysis.NORTH_ALONE.id()), ids(snapshot.getJsonArray("findings")));
      all.next("welcome");
      all.send(new JsonObject().put("type", "subscribe").put("all", true));
      JsonObject everything = all.next("snapshot");
      assertEquals(3, everything.getJsonArray("alerts").size());
      assertEquals(2, everything.getJsonArray("findings").size());

      for (var alert : List.of(TestAnalysis.SOUTH_DOWN, TestAnalysis.CONTENTION, TestAnalysis.NORTH_DOWN)) {
        routes.onAlertOpened(alert);
      }
      routes.onFindingOpened(TestAnalysis.SOUTH_NOISY);
      routes.onFindingOpened(TestAnalysis.NORTH_ALONE);
      assertEquals(TestAnalysis.NORTH_DOWN.id(), admin.next("alert").getJsonObject("data").getString("id"));
      assertEquals(TestAnalysis.NORTH_ALONE.id(), admin.next("finding").getJsonObject("data").getString("id"));
      for (int i = 0; i < 3; i++) {
        all.next("alert");
      }
      all.next("finding");
      all.next("finding");
      assertTrue(admin.drain().stream().noneMatch(m -> m.encode().contains("clinic-south")));
    }
  }

  static List<String> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("A slow client is coalesced and told to resync, while a normal client receives every event")
  void slowClient() throws Exception {
    int runs = 1200;
    int statuses = 300;
    try (LiveClient slow = LiveClient.connect(server.vertx, server.port(), "/ws", adminNorth, null, 2048);
        LiveClient normal = LiveClient.connect(server.vertx, server.port(), adminNorth)) {
      for (LiveClient client : List.of(slow, normal)) {
        client.next("welcome");
        client.subscribe("clinic-north");
        client.next("snapshot");
      }
      slow.socket.pause();
      List<JsonObject> events = new ArrayList<>();
      for (int n = 0; n < runs; n++) {
        events.add(runEvent(bigRun("clinic-north", n)));
      }
      for (int n = 0; n < statuses; n++) {
        events.add(statusEvent("clinic-north", "health", n % 2 == 0 ? Status.DOWN : Status.UP, n));
      }
      events.add(statusEvent("clinic-north", "health", Status.MAINTENANCE, statuses));
      for (int from = 0; from < events.size(); from += 100) {
        publish(events.subList(from, Math.min(events.size(), from + 100)));
      }
      for (int n = 0; n < runs; n++) {
        assertEquals("big-" + n, normal.next("run").getJsonObject("data").getString("runId"));
      }
      for (int n = 0; n < statuses; n++) {
        assertEquals("change " + n, normal.next("status").getJsonObject("data").getString("reason"));
      }
      assertEquals("MAINTENANCE", normal.next("status").getJsonObject("data").getString("to"));

      slow.socket.resume();
      slow.next("resync");
      JsonObject lastStatus = slow.next("status").getJsonObject("data");
      assertEquals("MAINTENANCE", lastStatus.getString("to"), "statuses waiting for a slow client coalesce to the latest");
      assertTrue(slow.drain().stream().noneMatch(m -> "status".equals(m.getString("type"))));

      slow.subscribe("clinic-north");
      slow.next("snapshot");
      publish(List.of(runEvent(run("clinic-north", "login", 99, 0))));
      assertEquals("clinic-north-login-99", slow.next("run").getJsonObject("data").getString("runId"));
    }
  }

  @Test
  @DisplayName("The token may come as the first message; none in time closes 4401; a token in the URL is ignored")
  void firstMessageAuth() throws Exception {
    try (LiveClient client = LiveClient.connect(server.vertx, server.port(), null)) {
      client.send(new JsonObject().put("type", "auth").put("token", platform));
      assertEquals("platform", client.next("welcome").getString("role"));
    }
    try (LiveClient silent = LiveClient.connect(server.vertx, server.port(), null)) {
      assertEquals(LiveConnection.UNAUTHORIZED, silent.awaitClose());
    }
    try (LiveClient inUrl = LiveClient.connect(server.vertx, server.port(), "/ws?token=" + platform, null, null, 0)) {
      assertEquals(LiveConnection.UNAUTHORIZED, inUrl.awaitClose());
      assertTrue(inUrl.drain().stream().noneMatch(m -> "welcome".equals(m.getString("type"))));
    }
    try (LiveClient bad = LiveClient.connect(server.vertx, server.port(), "vgl_" + "B".repeat(43))) {
      assertEquals(LiveConnection.UNAUTHORIZED, bad.awaitClose());
    }
  }

  @Test
  @DisplayName("A connection whose token is revoked is closed with 4401")
  void revocationCloses() throws Exception {
    IssuedToken token = server.issue(Role.PLATFORM, null);
    try (LiveClient client = LiveClient.connect(server.vertx, server.port(), token.token())) {
      client.next("welcome");
      await(server.tokens.revoke(token.principal().tokenId(), Optional.empty()));
      assertEquals(LiveConnection.UNAUTHORIZED, client.awaitClose());
    }
  }

  @Test
  @DisplayName("An upgrade from a page of another origin is refused 403; Vigil's own and configured origins are allowed")
  void origins() throws Exception {
    Exception refused = assertThrows(Exception.class,
        () -> LiveClient.connect(server.vertx, server.port(), "/ws", platform, "https://evil.example", 0));
    assertTrue(String.valueOf(refused.getCause()).contains("403"), String.valueOf(refused.getCause()));
    for (String origin : List.of(ALLOWED_ORIGIN, "http://127.0.0.1:" + server.port())) {
      try (LiveClient client = LiveClient.connect(server.vertx, server.port(), "/ws", platform, origin, 0)) {
        assertFalse(client.next("welcome").isEmpty());
      }
    }
  }
}
