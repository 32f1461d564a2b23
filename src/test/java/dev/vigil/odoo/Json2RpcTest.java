package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The json/2 client (Odoo 19: bearer API key, named arguments)")
class Json2RpcTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String KEY = "6578616d706c65206a736f6e20617069206b6579";
  static final String CONTEXT_GET = "/json/2/res.users/context_get";
  static final String SEARCH_READ = "/json/2/res.partner/search_read";

  ReplayOdoo odoo;
  WebClient webClient;
  final AtomicReference<String> key = new AtomicReference<>(KEY);

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

  OdooRpcClient client(Vertx vertx) {
    return new OdooRpcClient(vertx, webClient, OdooTarget.of(
        odoo.baseUrl(), "clinic_north", "bot", () -> new Secret(key.get()), OdooApi.JSON2));
  }

  static ReplayOdoo.Answer context() {
    return ReplayOdoo.Answer.json(200, new JsonObject().put("lang", "en_US").put("tz", "Europe/Brussels").put("uid", 7));
  }

  static ReplayOdoo.Answer version() {
    return ReplayOdoo.Answer.json(200, new JsonObject()
        .put("version_info", List.of(19, 0, 0, "final", 0, "")).put("version", "19.0"));
  }

  static ReplayOdoo.Answer unauthorized() {
    return ReplayOdoo.Answer.json(401, new JsonObject()
        .put("name", "werkzeug.exceptions.Unauthorized").put("message", "Invalid apikey")
        .put("arguments", List.of("Invalid apikey", 401)).put("context", new JsonObject()));
  }

  void loggedIn() {
    odoo.script(CONTEXT_GET, context(), context()).script("/web/version", version());
  }

  @Test
  @DisplayName("names positional arguments, merges kwargs, and sends the bearer key and database headers")
  void namedArguments(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    JsonArray partners = new JsonArray().add(new JsonObject().put("id", 25).put("name", "Deco Addict"));
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.json(200, partners));
    client(vertx).call("res.partner", "search_read",
            List.of(List.of(List.of("is_company", "=", true)), List.of("name")),
            Map.of("limit", 5, "context", Map.of("lang", "en_US")), TIMEOUT)
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals(partners, result);
          ReplayOdoo.Received sent = odoo.received(SEARCH_READ).get(0);
          assertEquals("bearer " + KEY, sent.header("Authorization"));
          assertEquals("clinic_north", sent.header("X-Odoo-Database"));
          assertEquals(new JsonObject()
              .put("domain", new JsonArray().add(new JsonArray().add("is_company").add("=").add(true)))
              .put("fields", new JsonArray().add("name"))
              .put("limit", 5)
              .put("context", new JsonObject().put("lang", "en_US")), sent.json());
          assertEquals(1, odoo.count(CONTEXT_GET));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a record method takes args[0] as ids; a None return is null")
  void recordMethod(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    odoo.script("/json/2/account.move/button_draft", ReplayOdoo.Answer.json(200, null));
    client(vertx).call("account.move", "button_draft", List.of(List.of(72)), Map.of(), TIMEOUT)
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertNull(result);
          assertEquals(new JsonObject().put("ids", new JsonArray().add(72)),
              odoo.received("/json/2/account.move/button_draft").get(0).json());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("login asks res.users/context_get for the key's uid and the version from GET /web/version")
  void loginAndVersion(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    OdooRpcClient client = client(vertx);
    client.login(false, TIMEOUT)
        .compose(session -> client.version(TIMEOUT).map(version -> List.of(session, version)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertEquals(new OdooSession(7, 19, "19.0"), both.get(0));
          assertEquals(19, both.get(1));
          assertEquals(1, odoo.count("/web/version"));
          assertEquals("bearer " + KEY, odoo.received(CONTEXT_GET).get(0).header("Authorization"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("detects the version from version_info where GET /web/version does not exist")
  void versionFallback(Vertx vertx, VertxTestContext ctx) {
    odoo.script("/web/version", ReplayOdoo.Answer.text(404, "text/html", "<html><title>404</title></html>"))
        .script("/web/webclient/version_info", ReplayOdoo.Answer.recorded(
            Recording.find("odoo18-clinic_north.jsonl", "version_info")));
    client(vertx).version(TIMEOUT).onComplete(ctx.succeeding(version -> ctx.verify(() -> {
      assertEquals(18, version);
      assertEquals(0, odoo.count(CONTEXT_GET));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a 401 on a call re-reads the key, authenticates once more, retries once, and succeeds")
  void rotatedKey(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    odoo.script(SEARCH_READ, unauthorized(), ReplayOdoo.Answer.json(200, new JsonArray()));
    OdooRpcClient client = client(vertx);
    client.login(false, TIMEOUT)
        .compose(session -> {
          key.set("rotated-key");
          return client.call("res.partner", "search_read", List.of(List.of()), Map.of(), TIMEOUT);
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals(new JsonArray(), result);
          assertEquals(2, odoo.count(CONTEXT_GET));
          assertEquals(2, odoo.count(SEARCH_READ));
          assertEquals("bearer rotated-key", odoo.received(SEARCH_READ).get(1).header("Authorization"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a second 401 after the fresh authentication is an AUTH fault")
  void refusedTwice(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    odoo.script(SEARCH_READ, unauthorized(), unauthorized());
    client(vertx).call("res.partner", "search_read", List.of(List.of()), Map.of(), TIMEOUT)
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(ErrorClass.AUTH, fault.errorClass());
          assertEquals(2, odoo.count(CONTEXT_GET));
          assertEquals(2, odoo.count(SEARCH_READ));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an invalid key at login is an AUTH fault with Odoo's message")
  void invalidKey(Vertx vertx, VertxTestContext ctx) {
    odoo.script(CONTEXT_GET, unauthorized());
    client(vertx).login(false, TIMEOUT).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertTrue(fault.getMessage().contains("Invalid apikey"), fault.getMessage());
      assertEquals(0, odoo.count("/web/version"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("error objects map by name: 403 AccessError is ACCESS (no retry), 422 UserError VALIDATION, 404 MissingError MISSING_RECORD")
  void errorsByName(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    odoo.script("/json/2/res.company/write", ReplayOdoo.Answer.json(403, new JsonObject()
            .put("name", "odoo.exceptions.AccessError").put("message", "You are not allowed to modify 'Companies'")))
        .script("/json/2/account.move/action_post", ReplayOdoo.Answer.json(422, new JsonObject()
            .put("name", "odoo.exceptions.UserError").put("message", "The field 'Customer' is required")))
        .script("/json/2/res.partner/write", ReplayOdoo.Answer.json(404, new JsonObject()
            .put("name", "odoo.exceptions.MissingError").put("message", "Record does not exist or has been deleted.")));
    OdooRpcClient client = client(vertx);
    client.call("res.company", "write", List.of(List.of(1), Map.of("name", "x")), Map.of(), TIMEOUT)
        .recover(access -> client.call("account.move", "action_post", List.of(List.of(68)), Map.of(), TIMEOUT)
            .recover(validation -> client.call("res.partner", "write",
                    List.of(List.of(999999999), Map.of("name", "x")), Map.of(), TIMEOUT)
                .recover(missing -> io.vertx.core.Future.succeededFuture(List.of(access, validation, missing)))))
        .onComplete(ctx.succeeding(faults -> ctx.verify(() -> {
          List<?> list = (List<?>) faults;
          assertEquals(ErrorClass.ACCESS, ((OdooFault) list.get(0)).errorClass());
          assertEquals(ErrorClass.VALIDATION, ((OdooFault) list.get(1)).errorClass());
          assertEquals(ErrorClass.MISSING_RECORD, ((OdooFault) list.get(2)).errorClass());
          assertEquals("res.company.write: You are not allowed to modify 'Companies'",
              ((OdooFault) list.get(0)).getMessage());
          assertEquals(1, odoo.count(CONTEXT_GET), "no re-authentication for plain errors");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("arguments json/2 cannot name fail as VALIDATION before anything is sent")
  void unnamedArguments(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    client(vertx).call("stock.picking", "button_validate", List.of(List.of(1), "positional"), Map.of(), TIMEOUT)
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(ErrorClass.VALIDATION, fault.errorClass());
          assertEquals(0, odoo.count("/json/2/stock.picking/button_validate"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the API key never appears in a fault, even when the server echoes the Authorization header")
  void scrubsEchoedKey(Vertx vertx, VertxTestContext ctx) {
    loggedIn();
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.text(200, "text/plain",
        "proxy debug: Authorization: bearer " + KEY));
    client(vertx).call("res.partner", "search_read", List.of(List.of()), Map.of(), TIMEOUT)
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(ErrorClass.SERVER_ERROR, fault.errorClass());
          assertTrue(fault.getMessage().contains("bearer ****"), fault.getMessage());
          assertTrue(!fault.getMessage().contains(KEY), fault.getMessage());
          ctx.completeNow();
        })));
  }
}
