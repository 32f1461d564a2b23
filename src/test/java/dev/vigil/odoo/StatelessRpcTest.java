package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The stateless /jsonrpc client (common.login + object.execute_kw) against recorded Odoo answers")
class StatelessRpcTest {
  static final String FILE = "odoo18-clinic_north.jsonl";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final Recording login = Recording.find(FILE, "jsonrpc common.login");
  final Recording readUser = Recording.find(FILE, "jsonrpc object.execute_kw res.users.read");
  final Recording searchRead = Recording.find(FILE, "/jsonrpc execute_kw search_read");

  ReplayOdoo odoo;
  WebClient webClient;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx, Recording.load(FILE));
    odoo.start().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    webClient.close();
    odoo.close().onComplete(ctx.succeedingThenComplete());
  }

  OdooRpcClient client(Vertx vertx, String password) {
    return new OdooRpcClient(vertx, webClient, OdooTarget.of(
        odoo.baseUrl(), "clinic_north", "admin", () -> new Secret(password), OdooApi.JSONRPC));
  }

  /** execute_kw with the recorded model, method, args and kwargs. */
  static Future<Object> execute(OdooClient client, Recording recorded) {
    JsonArray args = recorded.params().getJsonArray("args");
    return client.call(args.getString(3), args.getString(4), args.getJsonArray(5).stream().toList(),
        args.getJsonObject(6).getMap(), TIMEOUT);
  }

  long countService(String service, String method) {
    Predicate<ReplayOdoo.Received> matches = r -> {
      JsonObject params = r.json().getJsonObject("params");
      return service.equals(params.getString("service")) && method.equals(params.getString("method"));
    };
    return odoo.received("/jsonrpc").stream().filter(matches).count();
  }

  static JsonObject error(String name, String message) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("error", new JsonObject()
        .put("code", 200).put("message", "Odoo Server Error")
        .put("data", new JsonObject().put("name", name).put("message", message)
            .put("arguments", List.of(message)).put("context", new JsonObject())));
  }

  @Test
  @DisplayName("logs in once with common.login, then sends [db, uid, password, model, method, args, kwargs]")
  void logsInOnceAndExecutes(Vertx vertx, VertxTestContext ctx) {
    OdooRpcClient client = client(vertx, "admin");
    execute(client, readUser)
        .compose(user -> execute(client, searchRead).map(partners -> List.of(user, partners)))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          assertEquals(readUser.result(), results.get(0));
          assertEquals(searchRead.result(), results.get(1));
          assertEquals(1, countService("common", "login"));
          assertEquals(2, countService("object", "execute_kw"));
          JsonObject sent = odoo.received("/jsonrpc").stream()
              .map(r -> r.json().getJsonObject("params"))
              .filter(p -> "execute_kw".equals(p.getString("method")))
              .findFirst().orElseThrow();
          assertEquals(readUser.params(), sent);
          assertEquals(new OdooSession(2, 18, "18.0+e-20241005"), client.session().orElseThrow());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a wrong password, which common.login answers with false, is an AUTH fault")
  void wrongPasswordIsAuth(Vertx vertx, VertxTestContext ctx) {
    Recording wrong = Recording.find(FILE, "wrong password jsonrpc common.login (returns false, no error)");
    assertEquals(false, wrong.result());
    OdooRpcClient client = client(vertx, "wrong");
    client.login(false, TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertTrue(fault.getMessage().startsWith("common.login: login or password refused"), fault.getMessage());
      assertTrue(client.session().isEmpty());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an unknown database, which common.login answers with psycopg2's 'does not exist', is an AUTH fault")
  void unknownDatabaseIsAuth(Vertx vertx, VertxTestContext ctx) {
    OdooRpcClient client = new OdooRpcClient(vertx, webClient, OdooTarget.of(
        odoo.baseUrl(), "no_such_db", "admin", () -> new Secret("admin"), OdooApi.JSONRPC));
    client.login(false, TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertEquals("psycopg2.OperationalError", fault.odooName());
      assertTrue(fault.getMessage().contains("database \"no_such_db\" does not exist"), fault.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a recorded MissingError from execute_kw is MISSING_RECORD, without a re-login")
  void missingRecord(Vertx vertx, VertxTestContext ctx) {
    Recording missing = Recording.find(FILE, "ERR missing record execute_kw write");
    execute(client(vertx, "admin"), missing).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.MISSING_RECORD, fault.errorClass());
      assertTrue(fault.getMessage().startsWith("res.partner.write: Record does not exist"), fault.getMessage());
      assertEquals(1, countService("common", "login"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("AccessDenied on execute_kw (password changed) logs in again once, retries once, and succeeds")
  void accessDeniedRelogsOnce(Vertx vertx, VertxTestContext ctx) {
    Recording denied = Recording.find(FILE, "ERR wrong password execute_kw");
    odoo.scriptJsonRpc("object.execute_kw", ReplayOdoo.Answer.recorded(denied));
    execute(client(vertx, "admin"), readUser).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertEquals(readUser.result(), result);
      assertEquals(2, countService("common", "login"));
      assertEquals(2, countService("object", "execute_kw"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("AccessDenied again after the fresh login is an AUTH fault, after exactly one retry")
  void accessDeniedTwiceIsAuth(Vertx vertx, VertxTestContext ctx) {
    Recording denied = Recording.find(FILE, "ERR wrong password execute_kw");
    odoo.scriptJsonRpc("object.execute_kw", ReplayOdoo.Answer.recorded(denied),
        ReplayOdoo.Answer.recorded(denied));
    execute(client(vertx, "admin"), readUser).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertEquals(2, countService("common", "login"));
      assertEquals(2, countService("object", "execute_kw"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("detects the version with common.version, without logging in")
  void versionWithoutLogin(Vertx vertx, VertxTestContext ctx) {
    client(vertx, "admin").version(TIMEOUT).onComplete(ctx.succeeding(version -> ctx.verify(() -> {
      assertEquals(18, version);
      assertEquals(1, countService("common", "version"));
      assertEquals(0, countService("common", "login"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the password never appears in a fault, even when the server echoes the execute_kw arguments")
  void scrubsEchoedPassword(Vertx vertx, VertxTestContext ctx) {
    String password = "Tr0ub4dor&3";
    String echo = "ValueError: bad call execute_kw('clinic_north', 2, '" + password
        + "', 'res.partner', 'read', ...) with \"" + password + "\"";
    odoo.scriptJsonRpc("common.login", ReplayOdoo.Answer.json(200,
            new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("result", 2)))
        .scriptJsonRpc("object.execute_kw", ReplayOdoo.Answer.json(200, error("builtins.ValueError", echo)));
    client(vertx, password).call("res.partner", "read", List.of(List.of(2)), Map.of(), TIMEOUT)
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(ErrorClass.VALIDATION, fault.errorClass());
          assertTrue(fault.getMessage().contains("execute_kw('clinic_north', 2, '****'"), fault.getMessage());
          assertTrue(!fault.getMessage().contains(password), fault.getMessage());
          assertTrue(!fault.toString().contains(password));
          assertTrue(odoo.received("/jsonrpc").stream().anyMatch(r -> r.body().toString().contains(password)),
              "the password was sent, so the test would see a leak");
          ctx.completeNow();
        })));
  }
}
