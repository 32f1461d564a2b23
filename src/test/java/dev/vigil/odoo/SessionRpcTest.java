package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The session JSON-RPC client (/web/session/authenticate + call_kw) against recorded Odoo 18 answers")
class SessionRpcTest {
  static final String FILE = "odoo18-clinic_north.jsonl";
  static final String AUTHENTICATE = "/web/session/authenticate";
  static final String SEARCH_READ = "/web/dataset/call_kw/res.partner/search_read";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final Recording auth = Recording.find(FILE, "session/authenticate");
  final Recording findPartner = Recording.find(FILE, "find demo partner");
  final Recording findProduct = Recording.find(FILE, "find demo product");

  ReplayOdoo odoo;
  WebClient webClient;
  OdooRpcClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx, Recording.load(FILE));
    odoo.start().onComplete(ctx.succeeding(started -> {
      client = new OdooRpcClient(vertx, webClient, OdooTarget.of(
          odoo.baseUrl(), "clinic_north", "admin", () -> new Secret("admin"), OdooApi.SESSION));
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    webClient.close();
    odoo.close().onComplete(ctx.succeedingThenComplete());
  }

  Future<Object> call(Recording recorded) {
    JsonObject params = recorded.params();
    return client.call(params.getString("model"), params.getString("method"),
        params.getJsonArray("args").stream().toList(), params.getJsonObject("kwargs").getMap(), TIMEOUT);
  }

  static JsonObject expiredAnswer() {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", null)
        .put("error", new JsonObject()
            .put("code", 100)
            .put("message", "Odoo Session Expired")
            .put("data", new JsonObject()
                .put("name", "odoo.http.SessionExpiredException")
                .put("message", "Session expired")
                .put("arguments", List.of("Session expired"))
                .put("context", new JsonObject())));
  }

  @Test
  @DisplayName("logs in once, then every call carries the session cookie and returns Odoo's result")
  void reusesTheSession(VertxTestContext ctx) {
    call(findPartner)
        .compose(first -> call(findProduct).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          assertEquals(findPartner.result(), results.get(0));
          assertEquals(findProduct.result(), results.get(1));
          assertEquals(1, odoo.count(AUTHENTICATE));
          String cookie = "session_id=" + auth.sessionId();
          assertEquals(cookie, odoo.received(SEARCH_READ).get(0).header("Cookie"));
          assertEquals(cookie,
              odoo.received("/web/dataset/call_kw/product.product/search_read").get(0).header("Cookie"));
          assertEquals(2, client.session().orElseThrow().uid());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends a JSON-RPC 2.0 envelope with model, method, args and kwargs and an increasing id")
  void sendsTheEnvelope(VertxTestContext ctx) {
    call(findPartner)
        .compose(first -> call(findPartner))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          List<ReplayOdoo.Received> calls = odoo.received(SEARCH_READ);
          JsonObject body = calls.get(0).json();
          assertEquals("2.0", body.getString("jsonrpc"));
          assertEquals("call", body.getString("method"));
          assertEquals(findPartner.params(), body.getJsonObject("params"));
          long authId = odoo.received(AUTHENTICATE).get(0).json().getLong("id");
          long firstId = body.getLong("id");
          long secondId = calls.get(1).json().getLong("id");
          assertTrue(authId < firstId && firstId < secondId, "ids increase");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("keeps the newest session_id when a call's answer rotates the cookie")
  void followsCookieRotation(VertxTestContext ctx) {
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.recorded(findPartner).withSessionId("rotated-42"));
    call(findPartner)
        .compose(first -> call(findProduct))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals("session_id=rotated-42",
              odoo.received("/web/dataset/call_kw/product.product/search_read").get(0).header("Cookie"));
          assertEquals(1, odoo.count(AUTHENTICATE));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("completes with null when Odoo's answer has no result key (a method returning None)")
  void noResultIsNull(VertxTestContext ctx) {
    Recording buttonDraft = Recording.find(FILE, "cleanup: button_draft");
    assertTrue(!((JsonObject) buttonDraft.response()).containsKey("result"));
    call(buttonDraft).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertNull(result);
      assertEquals(1, odoo.count("/web/dataset/call_kw/account.move/button_draft"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("login returns the uid and the version that came with authenticate, without version_info")
  void loginGivesSessionAndVersion(VertxTestContext ctx) {
    client.login(false, TIMEOUT)
        .compose(session -> client.version(TIMEOUT).map(version -> List.of(session, version)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          OdooSession session = (OdooSession) both.get(0);
          assertEquals(new OdooSession(2, 18, "18.0+e-20241005"), session);
          assertEquals(18, both.get(1));
          assertEquals(0, odoo.count("/web/webclient/version_info"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("detects the version through version_info without logging in, and asks only once")
  void versionWithoutLogin(VertxTestContext ctx) {
    client.version(TIMEOUT)
        .compose(first -> client.version(TIMEOUT).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(versions -> ctx.verify(() -> {
          assertEquals(List.of(18, 18), versions);
          assertEquals(1, odoo.count("/web/webclient/version_info"));
          assertEquals(0, odoo.count(AUTHENTICATE));
          assertTrue(client.session().isEmpty());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("login(fresh) authenticates anew and takes the new cookie; login() reuses the session")
  void freshLogin(VertxTestContext ctx) {
    odoo.script(AUTHENTICATE, ReplayOdoo.Answer.recorded(auth),
        ReplayOdoo.Answer.recorded(auth).withSessionId("second-login"));
    client.login(false, TIMEOUT)
        .compose(first -> client.login(false, TIMEOUT))
        .compose(same -> client.login(true, TIMEOUT))
        .compose(fresh -> call(findPartner))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals(2, odoo.count(AUTHENTICATE));
          assertEquals("session_id=second-login", odoo.received(SEARCH_READ).get(0).header("Cookie"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("dropSession makes the next call log in again")
  void dropSession(VertxTestContext ctx) {
    call(findPartner)
        .compose(first -> {
          client.dropSession();
          assertTrue(client.session().isEmpty());
          return call(findPartner);
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals(2, odoo.count(AUTHENTICATE));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("on 'Odoo Session Expired' (code 100) logs in again once, retries once with the new cookie, and succeeds")
  void recoversFromExpiredSession(VertxTestContext ctx) {
    odoo.script(AUTHENTICATE, ReplayOdoo.Answer.recorded(auth),
        ReplayOdoo.Answer.recorded(auth).withSessionId("after-expiry"));
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.json(200, expiredAnswer()));
    call(findPartner).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertEquals(findPartner.result(), result);
      assertEquals(2, odoo.count(AUTHENTICATE));
      assertEquals(2, odoo.count(SEARCH_READ));
      assertEquals("session_id=after-expiry", odoo.received(SEARCH_READ).get(1).header("Cookie"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("on a 303 redirect to /web/login (not followed) logs in again once, retries once, and succeeds")
  void recoversFromLoginRedirect(VertxTestContext ctx) {
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.redirect("/web/login?redirect=%2Fweb"));
    call(findPartner).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertEquals(findPartner.result(), result);
      assertEquals(2, odoo.count(AUTHENTICATE));
      assertEquals(2, odoo.count(SEARCH_READ));
      assertEquals(0, odoo.count("/web/login"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a session lost again right after the fresh login is an AUTH fault, after exactly one retry")
  void secondExpiryIsAuth(VertxTestContext ctx) {
    odoo.script(SEARCH_READ, ReplayOdoo.Answer.json(200, expiredAnswer()),
        ReplayOdoo.Answer.redirect("/web/login"));
    call(findPartner).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertTrue(fault.getMessage().startsWith("res.partner.search_read: "), fault.getMessage());
      assertEquals(2, odoo.count(AUTHENTICATE));
      assertEquals(2, odoo.count(SEARCH_READ));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("concurrent first calls share one authentication")
  void coalescesLogins(Vertx vertx, VertxTestContext ctx) {
    Promise<Void> release = Promise.promise();
    odoo.script(AUTHENTICATE, ReplayOdoo.Answer.recorded(auth).after(release.future()));
    List<Future<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(call(findPartner));
    }
    calls.add(client.login(false, TIMEOUT).map(session -> (Object) session));
    release.complete();
    Future.all(calls).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertEquals(1, odoo.count(AUTHENTICATE));
      assertEquals(6, odoo.count(SEARCH_READ));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("completes on the Vert.x context each caller called from, even when they share a login")
  void completesOnCallerContext(Vertx vertx, VertxTestContext ctx) {
    Checkpoint done = ctx.checkpoint(2);
    Promise<Void> release = Promise.promise();
    odoo.script(AUTHENTICATE, ReplayOdoo.Answer.recorded(auth).after(release.future()));
    Context first = vertx.getOrCreateContext();
    Context second = vertx.getOrCreateContext();
    assertNotSame(first, second, "two callers on two contexts");
    for (Context caller : List.of(first, second)) {
      caller.runOnContext(v -> call(findPartner).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
        assertSame(caller, Vertx.currentContext());
        done.flag();
      }))));
    }
    vertx.setTimer(50, id -> release.complete());
  }

  @Test
  @DisplayName("passes args and kwargs through as given, with a kwargs-only call")
  void kwargsPassThrough(VertxTestContext ctx) {
    odoo.script("/web/dataset/call_kw/res.partner/search_count",
        ReplayOdoo.Answer.json(200, new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("result", 7)));
    client.call("res.partner", "search_count", List.of(List.of(List.of("is_company", "=", true))),
            Map.of("context", Map.of("lang", "en_US")), TIMEOUT)
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertEquals(7, result);
          JsonObject params = odoo.received("/web/dataset/call_kw/res.partner/search_count").get(0)
              .json().getJsonObject("params");
          assertEquals("[[[\"is_company\",\"=\",true]]]", params.getJsonArray("args").encode());
          assertEquals("{\"context\":{\"lang\":\"en_US\"}}", params.getJsonObject("kwargs").encode());
          ctx.completeNow();
        })));
  }
}
