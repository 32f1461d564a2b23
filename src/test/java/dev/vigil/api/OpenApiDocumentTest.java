package dev.vigil.api;

import static dev.vigil.api.ApiTestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.Secret;
import dev.vigil.gate.BudgetThresholds;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateRunner;
import dev.vigil.gate.http.GateRoutes;
import dev.vigil.live.AllowedOrigins;
import dev.vigil.live.LiveRoutes;
import dev.vigil.live.LiveSettings;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The OpenAPI document describes exactly the routes Vigil serves")
class OpenApiDocumentTest {
  @RegisterExtension static final TestRedis REDIS = TestRedis.start();
  static ApiTestServer server;
  static Engine engine;
  static final AtomicReference<Router> ROUTER = new AtomicReference<>();

  @BeforeAll
  static void start() throws Exception {
    server = new ApiTestServer(REDIS, ApiTestServer.lenient()).serve(s -> {
      engine = new Engine(s.vertx, ref -> new Secret("unused"), "api");
      GateRoutes gates = new GateRoutes(() -> s.catalog, new GateRunner(s.vertx, engine.runner(), InstantSource.system()),
          new GatePlanner(new BudgetThresholds()), s.tokens, run -> { }, Duration.ofSeconds(5));
      return List.of(new RestRoutes(s.sources(), s.tokens), gates::mount,
          new LiveRoutes(s.vertx, s.redis, s.tokens, s.tokens, () -> s.catalog,
              new AllowedOrigins(List.of(), s::port), LiveSettings.defaults()),
          new OpenApiRoutes(s.vertx), new RunbookRoutes(s.vertx), new DashboardRoutes(), ROUTER::set);
    });
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    server.close();
  }

  /** "GET /api/v1/tenants/{id}" for each method of each route; a wildcard ends in {path}. */
  static Set<String> served(Router router) {
    Set<String> operations = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      if (!route.isExactPath()) {
        path = path + "{path}";
      }
      for (HttpMethod method : route.methods()) {
        operations.add(method.name() + " " + path);
      }
    }
    return operations;
  }

  static Set<String> documented(JsonObject document) {
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }

  @Test
  @DisplayName("every route of the router is in the document, and every operation of the document is a route")
  void sameRoutes() {
    assertEquals(documented(OpenApiRoutes.load()), served(ROUTER.get()));
  }

  @Test
  @DisplayName("the document is served as JSON without a token")
  void served() throws Exception {
    WebClient client = WebClient.create(server.vertx);
    try {
      var response = await(client.get(server.port(), "127.0.0.1", OpenApiRoutes.PATH).send());
      assertEquals(200, response.statusCode());
      JsonObject document = response.bodyAsJsonObject();
      assertTrue(document.getString("openapi").startsWith("3."));
      assertEquals(OpenApiRoutes.load(), document);
      var redirect = await(client.get(server.port(), "127.0.0.1", "/").followRedirects(false).send());
      assertEquals(302, redirect.statusCode());
      assertEquals(DashboardRoutes.PATH, redirect.getHeader("Location"));
      var runbook = await(client.get(server.port(), "127.0.0.1", "/runbooks/journey-down").send());
      assertEquals(200, runbook.statusCode());
      assertTrue(runbook.getHeader("Content-Type").startsWith("text/markdown"));
      assertEquals(404, await(client.get(server.port(), "127.0.0.1", "/runbooks/..%2Fopenapi%2Fvigil-api").send())
          .statusCode());
      var page = await(client.get(server.port(), "127.0.0.1", DashboardRoutes.PATH).send());
      assertEquals(200, page.statusCode());
      assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
    } finally {
      client.close();
    }
  }
}
