package dev.vigil.api;

import static dev.vigil.api.ApiTestServer.await;
import static dev.vigil.api.ApiTestServer.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.auth.IssuedToken;
import dev.vigil.api.auth.Role;
import dev.vigil.domain.RunResult;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Authorisation matrix: every endpoint × role × own/foreign tenant, with no existence leak")
class ApiAuthorizationMatrixTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  static final String OWN = "clinic-north";
  static final String FOREIGN = "clinic-south";
  static final String NOWHERE = "clinic-nowhere";

  static ApiTestServer server;
  static WebClient client;
  static String adminNorth;
  static String platform;
  static String gate;
  static String revoked;

  /** The principals of the matrix. */
  enum Caller { ADMIN_OWN, ADMIN_FOREIGN, PLATFORM, GATE, NO_TOKEN, REVOKED }

  /** An endpoint; {@code T} in the path stands for the tenant asked for, {@code R} for a run of it. */
  record Endpoint(String path, boolean scoped, boolean platformOnly, boolean anyRole) {}

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("/api/v1/me", false, false, true),
      new Endpoint("/api/v1/tenants", false, false, false),
      new Endpoint("/api/v1/tenants/T", true, false, false),
      new Endpoint("/api/v1/journeys", false, false, false),
      new Endpoint("/api/v1/status", false, false, false),
      new Endpoint("/api/v1/status?tenant=T", true, false, false),
      new Endpoint("/api/v1/runs?tenant=T", true, false, false),
      new Endpoint("/api/v1/runs?tenant=T&journey=login&outcome=passed&limit=5", true, false, false),
      new Endpoint("/api/v1/runs/R", true, false, false),
      new Endpoint("/api/v1/series?tenant=T&journey=login", true, false, false),
      new Endpoint("/api/v1/series?tenant=T&journey=login&step=login&bucket=1h", true, false, false),
      new Endpoint("/api/v1/stats?tenant=T&journey=login", true, false, false),
      new Endpoint("/api/v1/compare?journey=login", false, true, false),
      new Endpoint("/api/v1/findings", false, false, false),
      new Endpoint("/api/v1/alerts", false, false, false));

  @BeforeAll
  static void start() throws Exception {
    server = new ApiTestServer(REDIS, ApiTestServer.lenient())
        .serve(s -> List.of(new RestRoutes(s.sources(), s.tokens)));
    client = WebClient.create(server.vertx);
    List<RunResult> runs = new ArrayList<>();
    for (String tenant : List.of(OWN, FOREIGN, "hospital")) {
      for (int n = 1; n <= 4; n++) {
        runs.add(run(tenant, "login", n, 10L * n));
      }
    }
    server.store(runs);
    adminNorth = server.token(Role.TENANT_ADMIN, OWN);
    platform = server.token(Role.PLATFORM, null);
    gate = server.token(Role.GATE, null);
    IssuedToken toRevoke = server.issue(Role.PLATFORM, null);
    await(server.tokens.revoke(toRevoke.principal().tokenId(), Optional.empty()));
    revoked = toRevoke.token();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  static HttpResponse<Buffer> get(String path, String token) throws Exception {
    var request = client.get(server.port(), "127.0.0.1", path).timeout(20_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }

  static String path(Endpoint endpoint, String tenant) {
    return endpoint.path().replace("T", tenant).replace("/R", "/" + tenant + "-login-1");
  }

  @TestFactory
  Stream<DynamicTest> matrix() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (Caller caller : Caller.values()) {
        tests.add(DynamicTest.dynamicTest(caller + " GET " + endpoint.path(), () -> check(endpoint, caller)));
      }
    }
    return tests.stream();
  }

  private void check(Endpoint endpoint, Caller caller) throws Exception {
    String tenant = caller == Caller.ADMIN_FOREIGN ? FOREIGN : OWN;
    String token = switch (caller) {
      case ADMIN_OWN, ADMIN_FOREIGN -> adminNorth;
      case PLATFORM -> platform;
      case GATE -> gate;
      case NO_TOKEN -> null;
      case REVOKED -> revoked;
    };
    HttpResponse<Buffer> response = get(path(endpoint, tenant), token);
    int expected = expected(endpoint, caller);
    assertEquals(expected, response.statusCode(), response.bodyAsString());
    if (expected >= 400) {
      assertEquals(ApiProblem.CONTENT_TYPE, response.getHeader("Content-Type"));
      assertEquals(expected, response.bodyAsJsonObject().getInteger("status"));
    }
    if (expected == 401) {
      assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
    }
    if (caller == Caller.ADMIN_FOREIGN && expected == 404) {
      HttpResponse<Buffer> nowhere = get(path(endpoint, NOWHERE), adminNorth);
      assertEquals(404, nowhere.statusCode());
      assertEquals(nowhere.bodyAsString().replace(NOWHERE, "X"), response.bodyAsString().replace(FOREIGN, "X"),
          "a foreign tenant must be answered exactly as a nonexistent one");
    }
    if ((caller == Caller.ADMIN_OWN || caller == Caller.ADMIN_FOREIGN) && expected != 404) {
      String body = response.bodyAsString();
      for (String other : List.of(FOREIGN, "Clinic South", "hospital", "Hospital")) {
        assertFalse(body.contains(other), "a tenant admin's answer names " + other + ": " + body);
      }
    }
  }

  private static int expected(Endpoint endpoint, Caller caller) {
    return switch (caller) {
      case NO_TOKEN, REVOKED -> 401;
      case GATE -> endpoint.anyRole() ? 200 : 403;
      case PLATFORM -> 200;
      case ADMIN_OWN -> endpoint.platformOnly() ? 403 : 200;
      case ADMIN_FOREIGN -> endpoint.platformOnly() ? 403 : endpoint.scoped() ? 404 : 200;
    };
  }

  @TestFactory
  @DisplayName("A tenant admin's listings hold its own tenant only; the platform's every tenant")
  Stream<DynamicTest> listings() {
    return Stream.of(
        DynamicTest.dynamicTest("tenants", () -> {
          assertEquals(1, get("/api/v1/tenants", adminNorth).bodyAsJsonObject().getJsonArray("items").size());
          assertEquals(3, get("/api/v1/tenants", platform).bodyAsJsonObject().getJsonArray("items").size());
        }),
        DynamicTest.dynamicTest("status", () -> {
          var own = get("/api/v1/status", adminNorth).bodyAsJsonObject().getJsonArray("items");
          assertEquals(1, own.size());
          assertEquals(OWN, own.getJsonObject(0).getString("tenantId"));
          assertEquals(3, get("/api/v1/status", platform).bodyAsJsonObject().getJsonArray("items").size());
        }),
        DynamicTest.dynamicTest("findings and alerts: a tenant admin's own only, none naming another tenant", () -> {
          var alerts = get("/api/v1/alerts", adminNorth).bodyAsJsonObject().getJsonArray("items");
          assertEquals(1, alerts.size());
          assertEquals(TestAnalysis.NORTH_DOWN.id(), alerts.getJsonObject(0).getString("id"));
          var findings = get("/api/v1/findings", adminNorth).bodyAsJsonObject().getJsonArray("items");
          assertEquals(1, findings.size());
          assertEquals(TestAnalysis.NORTH_ALONE.id(), findings.getJsonObject(0).getString("id"));
          assertEquals(3, get("/api/v1/alerts", platform).bodyAsJsonObject().getJsonArray("items").size());
          assertEquals(2, get("/api/v1/findings", platform).bodyAsJsonObject().getJsonArray("items").size());
        }),
        DynamicTest.dynamicTest("runs of a tenant admin default to its own tenant", () -> {
          var runs = get("/api/v1/runs", adminNorth).bodyAsJsonObject().getJsonArray("items");
          assertEquals(4, runs.size());
          assertTrue(runs.stream().allMatch(r -> ((io.vertx.core.json.JsonObject) r).getString("tenantId").equals(OWN)));
          assertEquals(400, get("/api/v1/runs", platform).statusCode());
        }));
  }
}
