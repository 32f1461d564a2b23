package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Timeouts, broken connections, odd answers and secrets")
class TransportFaultsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final Duration SHORT = Duration.ofMillis(300);
  static final String SEARCH_COUNT = "/web/dataset/call_kw/res.partner/search_count";
  static final String PASSWORD = "c0rrect-h0rse-battery";

  final Recording auth = Recording.find("odoo18-clinic_north.jsonl", "session/authenticate");

  ReplayOdoo odoo;
  WebClient webClient;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx);
    odoo.start().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    webClient.close();
    odoo.close().onComplete(ctx.succeedingThenComplete());
  }

  OdooRpcClient client(Vertx vertx, URI baseUrl, Supplier<Secret> secret) {
    return new OdooRpcClient(vertx, webClient,
        OdooTarget.of(baseUrl, "clinic_north", "admin", secret, OdooApi.SESSION));
  }

  OdooRpcClient client(Vertx vertx) {
    return client(vertx, odoo.baseUrl(), () -> new Secret(PASSWORD));
  }

  Future<Object> searchCount(OdooClient client, Duration timeout) {
    return client.call("res.partner", "search_count", List.of(List.of()), Map.of(), timeout);
  }

  static void assertFault(ErrorClass expected, Throwable err) {
    OdooFault fault = assertInstanceOf(OdooFault.class, err);
    assertEquals(expected, fault.errorClass(), fault.getMessage());
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a call the server never answers fails with TIMEOUT")
  void callTimeout(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script(SEARCH_COUNT, ReplayOdoo.Answer.never());
    OdooRpcClient client = client(vertx);
    client.login(false, TIMEOUT)
        .compose(session -> searchCount(client, SHORT))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertFault(ErrorClass.TIMEOUT, err);
          assertEquals("res.partner.search_count: no answer within 300 ms", err.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a call waiting for a login the server never answers fails with TIMEOUT within the call's own timeout")
  void loginTimeoutBoundByCall(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.never());
    searchCount(client(vertx), SHORT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.TIMEOUT, err);
      assertEquals(0, odoo.count(SEARCH_COUNT));
      ctx.completeNow();
    })));
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("login(timeout) that the server never answers fails with TIMEOUT")
  void explicitLoginTimeout(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.never());
    client(vertx).login(true, SHORT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.TIMEOUT, err);
      ctx.completeNow();
    })));
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a closed port fails with CONNECTION")
  void connectionRefused(Vertx vertx, VertxTestContext ctx) {
    vertx.createHttpServer().requestHandler(request -> request.response().end())
        .listen(0, "127.0.0.1")
        .compose(server -> server.close().map(closed -> server.actualPort()))
        .compose(port -> searchCount(
            client(vertx, URI.create("http://127.0.0.1:" + port), () -> new Secret(PASSWORD)), TIMEOUT))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertFault(ErrorClass.CONNECTION, err);
          assertEquals(0, ((OdooFault) err).httpStatus());
          assertTrue(err.getMessage().startsWith("session/authenticate: "), err.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  @DisplayName("an unknown host (.invalid never resolves) fails with CONNECTION")
  void unknownHost(Vertx vertx, VertxTestContext ctx) {
    searchCount(client(vertx, URI.create("http://no-such-host.invalid"), () -> new Secret(PASSWORD)),
            Duration.ofSeconds(20))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertFault(ErrorClass.CONNECTION, err);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a 502 HTML page from a proxy is SERVER_ERROR with a readable excerpt")
  void badGateway(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script(SEARCH_COUNT, ReplayOdoo.Answer.text(502, "text/html",
            "<html><head><title>502 Bad Gateway</title><script>var x = 1;</script></head>"
                + "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"));
    searchCount(client(vertx), TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.SERVER_ERROR, err);
      OdooFault fault = (OdooFault) err;
      assertEquals(502, fault.httpStatus());
      assertEquals("http 502", fault.odooName());
      assertEquals("res.partner.search_count: HTTP 502, server error: 502 Bad Gateway 502 Bad Gateway nginx",
          fault.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a 200 body that is not JSON-RPC is SERVER_ERROR with a short excerpt")
  void notJsonRpc(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script(SEARCH_COUNT, ReplayOdoo.Answer.text(200, "text/html", "<p>Maintenance " + "x".repeat(500) + "</p>"));
    searchCount(client(vertx), TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.SERVER_ERROR, err);
      assertTrue(err.getMessage().contains("not an Odoo answer: Maintenance xxx"), err.getMessage());
      assertTrue(err.getMessage().length() < 300, err.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a redirect elsewhere than the login page is SERVER_ERROR, and is not followed")
  void otherRedirect(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script(SEARCH_COUNT, ReplayOdoo.Answer.redirect("/web/database/selector?token=abc"));
    searchCount(client(vertx), TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.SERVER_ERROR, err);
      assertTrue(err.getMessage().endsWith("unexpected redirect to /web/database/selector"), err.getMessage());
      assertEquals(1, odoo.count("/web/session/authenticate"));
      assertEquals(0, odoo.count("/web/database/selector"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("psycopg2.OperationalError on a call (database down) is SERVER_ERROR")
  void databaseDown(Vertx vertx, VertxTestContext ctx) {
    Recording down = Recording.find("odoo18-clinic_north.jsonl", "ERR unknown db jsonrpc common.login");
    JsonObject answer = ((JsonObject) down.response()).copy();
    answer.getJsonObject("error").getJsonObject("data")
        .put("message", "connection to server at \"10.0.0.5\", port 5432 failed: Connection refused");
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script(SEARCH_COUNT, ReplayOdoo.Answer.json(200, answer));
    searchCount(client(vertx), TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.SERVER_ERROR, err);
      assertEquals("psycopg2.OperationalError", ((OdooFault) err).odooName());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the password never appears in a fault, even when Odoo's error echoes the request params")
  void scrubsEchoedPassword(Vertx vertx, VertxTestContext ctx) {
    JsonObject echo = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("error", new JsonObject()
        .put("code", 200).put("message", "Odoo Server Error")
        .put("data", new JsonObject().put("name", "builtins.TypeError")
            .put("message", "authenticate() got params {'db': 'clinic_north', 'login': 'admin', 'password': '"
                + PASSWORD + "'}")));
    odoo.script("/web/session/authenticate", ReplayOdoo.Answer.json(200, echo));
    client(vertx).login(false, TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.VALIDATION, err);
      assertFalse(err.getMessage().contains(PASSWORD), err.getMessage());
      assertTrue(err.getMessage().contains("'password': '****'"), err.getMessage());
      assertTrue(odoo.received("/web/session/authenticate").get(0).body().toString().contains(PASSWORD));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an unavailable secret is an AUTH fault that says where it was looked for, and nothing is sent")
  void secretUnavailable(Vertx vertx, VertxTestContext ctx) {
    OdooRpcClient client = client(vertx, odoo.baseUrl(), () -> {
      throw new IllegalStateException("env CLINIC_NORTH_PASSWORD is not set");
    });
    searchCount(client, TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertFault(ErrorClass.AUTH, err);
      assertEquals("session/authenticate: the secret is unavailable: env CLINIC_NORTH_PASSWORD is not set",
          err.getMessage());
      assertTrue(odoo.received().isEmpty());
      ctx.completeNow();
    })));
  }
}
