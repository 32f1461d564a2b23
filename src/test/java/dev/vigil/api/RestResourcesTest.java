package dev.vigil.api;

import static dev.vigil.api.ApiTestServer.await;
import static dev.vigil.api.ApiTestServer.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.auth.FailureThrottle;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.domain.RunResult;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The REST resources answer what the stores hold")
class RestResourcesTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  static ApiTestServer server;
  static WebClient client;
  static String platform;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = new ApiTestServer(REDIS, ApiTestServer.lenient()).serve(s -> List.of(new RestRoutes(s.sources(), s.tokens)));
    client = WebClient.create(server.vertx);
    List<RunResult> runs = new ArrayList<>();
    for (String tenant : List.of("clinic-north", "clinic-south", "hospital")) {
      for (int n = 1; n <= 9; n++) {
        runs.add(run(tenant, "login", n, 5L * n));
      }
    }
    server.store(runs);
    platform = server.token(Role.PLATFORM, null);
    admin = server.token(Role.TENANT_ADMIN, "clinic-north");
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  static HttpResponse<Buffer> get(String path, String token) throws Exception {
    return get(server.port(), path, token);
  }

  static HttpResponse<Buffer> get(ApiVerticle api, String path, String token) throws Exception {
    return get(api.port(), path, token);
  }

  static HttpResponse<Buffer> get(int port, String path, String token) throws Exception {
    var request = client.get(port, "127.0.0.1", path).timeout(20_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }

  @Test
  @DisplayName("Runs are paged newest first with a cursor, filtered by outcome, and one run has its steps")
  void runs() throws Exception {
    Set<String> seen = new HashSet<>();
    String next = null;
    int pages = 0;
    do {
      JsonObject page = get("/api/v1/runs?tenant=clinic-north&limit=4" + (next == null ? "" : "&cursor=" + next), admin)
          .bodyAsJsonObject();
      page.getJsonArray("items").forEach(r -> seen.add(((JsonObject) r).getString("runId")));
      next = page.getString("next");
      pages++;
    } while (next != null);
    assertEquals(9, seen.size());
    assertEquals(3, pages);
    JsonArray failed = get("/api/v1/runs?tenant=clinic-north&outcome=failed", admin).bodyAsJsonObject().getJsonArray("items");
    assertEquals(3, failed.size());
    assertEquals("ASSERTION", failed.getJsonObject(0).getString("errorClass"));
    JsonObject one = get("/api/v1/runs/clinic-north-login-3", admin).bodyAsJsonObject();
    assertEquals("FAILED", one.getString("outcome"));
    assertEquals("login", one.getJsonArray("steps").getJsonObject(0).getString("name"));
    assertNotNull(one.getJsonArray("teardown"));
  }

  @Test
  @DisplayName("Bad parameters are 400 problems saying what is expected")
  void badParameters() throws Exception {
    for (String query : List.of("limit=0", "limit=201", "outcome=GREEN", "from=yesterday", "cursor=%%%",
        "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
      HttpResponse<Buffer> response = get("/api/v1/runs?tenant=clinic-north&" + query, admin);
      assertEquals(400, response.statusCode(), query);
      assertEquals(ApiProblem.CONTENT_TYPE, response.getHeader("Content-Type"));
    }
    assertEquals(400, get("/api/v1/series?tenant=clinic-north&journey=login&bucket=90s", admin).statusCode());
    assertEquals(400, get("/api/v1/series?tenant=clinic-north", admin).statusCode());
  }

  @Test
  @DisplayName("Stats per step and for the whole journey (empty step name); series in buckets")
  void statsAndSeries() throws Exception {
    JsonObject steps = get("/api/v1/stats?tenant=clinic-north&journey=login", admin).bodyAsJsonObject().getJsonObject("steps");
    JsonObject journey = steps.getJsonObject("");
    assertEquals(9, journey.getLong("count"));
    assertEquals(3, journey.getLong("failures"));
    assertEquals(6.0 / 9, journey.getDouble("successRatio"), 1e-9);
    assertNotNull(steps.getJsonObject("login").getDouble("p95Ms"));
    JsonArray series = get("/api/v1/series?tenant=clinic-north&journey=login&bucket=1h", admin).bodyAsJsonObject()
        .getJsonArray("items");
    assertEquals(9, series.stream().mapToLong(p -> ((JsonObject) p).getLong("count")).sum());
  }

  @Test
  @DisplayName("The comparison lists each tenant and merges them by tier and placement")
  void compare() throws Exception {
    JsonObject compare = get("/api/v1/compare?journey=login", platform).bodyAsJsonObject();
    assertEquals(3, compare.getJsonArray("tenants").size());
    assertEquals(18, compare.getJsonObject("byTier").getJsonObject("shared").getLong("runs"));
    assertEquals(9, compare.getJsonObject("byTier").getJsonObject("dedicated").getLong("runs"));
    assertEquals(18, compare.getJsonObject("byPlacement").getJsonObject("postgres=pg-a").getLong("runs"));
    assertEquals(27, compare.getJsonObject("byPlacement").getJsonObject("odoo_pool=pool-1").getLong("runs"));
    assertEquals(404, get("/api/v1/compare?journey=no-such-journey", platform).statusCode());
    JsonObject empty = get("/api/v1/compare?journey=health", platform).bodyAsJsonObject();
    assertNull(empty.getJsonObject("byTier").getJsonObject("shared").getValue("p50Ms"));
  }

  @Test
  @DisplayName("A client that keeps presenting bad tokens is answered 429 with Retry-After, even with a good token then")
  void throttled() throws Exception {
    FailureThrottle strict = new FailureThrottle(InstantSource.system(), 2, Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofMinutes(5), 100);
    TokenStore tokens = new TokenStore(server.postgres.pool(), strict);
    ApiVerticle api = new ApiVerticle("127.0.0.1", 0, () -> "", ReadinessCheck.when(() -> true, ""),
        List.of(new RestRoutes(server.sources(), tokens)));
    await(server.vertx.deployVerticle(api));
    String bad = "vgl_" + "A".repeat(43);
    assertEquals(401, get(api, "/api/v1/me", bad).statusCode());
    assertEquals(401, get(api, "/api/v1/me", bad).statusCode());
    HttpResponse<Buffer> slowed = get(api, "/api/v1/me", platform);
    assertEquals(429, slowed.statusCode());
    assertTrue(Integer.parseInt(slowed.getHeader("Retry-After")) >= 1);
    assertEquals(ApiProblem.CONTENT_TYPE, slowed.getHeader("Content-Type"));
  }

  @Test
  @DisplayName("Unknown API paths and methods are problems too")
  void unknownPaths() throws Exception {
    HttpResponse<Buffer> missing = get("/api/v1/nothing-here", platform);
    assertEquals(404, missing.statusCode());
    assertEquals(ApiProblem.CONTENT_TYPE, missing.getHeader("Content-Type"));
  }
}
